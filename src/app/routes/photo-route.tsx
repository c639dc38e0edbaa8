import { useParams } from 'react-router';
import { PhotoScreen } from '../../features/capture/photo-screen';

export function PhotoRoute() {
  const { id = '' } = useParams();
  return <PhotoScreen sessionId={id} />;
}
