import { ConnectionForm } from './connection-form';
import { ScanSettingsForm } from './scan-settings-form';

/** Settings, in one screen: connection, scanning, feedback and layout. Changes apply at once. */
export function SettingsScreen() {
  return (
    <div className="stack">
      <h1>Settings</h1>
      <ConnectionForm />
      <ScanSettingsForm />
    </div>
  );
}
