import { DiagnosticsScreen } from '../../features/capture/diagnostics-screen';

export function DiagnosticsRoute() {
  return <DiagnosticsScreen />;
}
