import { useParams } from 'react-router';
import { usePrefetchSession } from '../../features/session/use-live-session';
import { SessionOverview } from '../screens/session/session-overview';

export function SessionRoute() {
  const { id = '' } = useParams();
  usePrefetchSession(id);
  return <SessionOverview sessionId={id} />;
}
