import { DiagnosticsScreen } from '../screens/diagnostics-screen';

export function DiagnosticsRoute() {
  return <DiagnosticsScreen />;
}
