import { useParams } from 'react-router';
import { CaptureScreen } from '../screens/session/capture-route-screen';

export function CaptureRoute() {
  const { id = '', captureId = '' } = useParams();
  return <CaptureScreen sessionId={id} captureId={captureId} />;
}
