import { useParams } from 'react-router';
import { ScannerScreen } from '../screens/scanner/scanner-screen';

export function ScannerRoute() {
  const { id = '' } = useParams();
  return <ScannerScreen sessionId={id} />;
}
