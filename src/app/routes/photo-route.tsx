import { useParams } from 'react-router';
import { PhotoScreen } from '../screens/photos/photo-screen';

export function PhotoRoute() {
  const { id = '' } = useParams();
  return <PhotoScreen sessionId={id} />;
}
