import { useParams } from 'react-router';
import { SessionOverview } from '../screens/session/session-overview';

export function SessionRoute() {
  const { id = '' } = useParams();
  return <SessionOverview sessionId={id} />;
}
