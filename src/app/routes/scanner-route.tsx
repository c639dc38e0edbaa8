import { useParams } from 'react-router';
import { usePrefetchSession } from '../../features/session/use-live-session';
import { ScannerScreen } from '../screens/scanner/scanner-screen';

export function ScannerRoute() {
  const { id = '' } = useParams();
  usePrefetchSession(id);
  return <ScannerScreen sessionId={id} />;
}
