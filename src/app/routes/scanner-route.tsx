import { useParams } from 'react-router';
import { ScannerScreen } from '../../features/capture/scanner-screen';

export function ScannerRoute() {
  const { id = '' } = useParams();
  return <ScannerScreen sessionId={id} />;
}
