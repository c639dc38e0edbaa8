import { useParams } from 'react-router';
import { SessionOverview } from '../../features/capture/session-overview';

export function SessionRoute() {
  const { id = '' } = useParams();
  return <SessionOverview sessionId={id} />;
}
