import { useMutation } from '@tanstack/react-query';
import { ENDPOINTS, type SessionSummary } from '#contract';
import { useApiClient } from '../../lib/api-context';
import { useRecordSession } from './session-history';
import { useSessionChanged } from './session-queries';

/** End a session, or submit it for AI extraction; both make it COMPLETED (and read-only). */
export function useSessionActions(id: string) {
  const client = useApiClient();
  const record = useRecordSession();
  const finish = (action: 'end' | 'submit') => () =>
    client.call(
      action === 'end' ? ENDPOINTS.endSession : ENDPOINTS.submitSession,
      { params: { id } },
      { headers: { 'Idempotency-Key': crypto.randomUUID() } },
    );
  const onSuccess = async (session: SessionSummary) => {
    await record(id, { status: session.status, used: true });
  };
  const onSettled = useSessionChanged(id);
  return {
    /** Merges notes into the session's metadata (the local server's PATCH; Part A). */
    annotate: useMutation({
      mutationFn: (metadata: Record<string, string>) =>
        client.call(ENDPOINTS.updateSession, { params: { id }, body: { metadata } }),
      onSettled,
    }),
    end: useMutation({ mutationFn: finish('end'), onSuccess, onSettled }),
    submit: useMutation({ mutationFn: finish('submit'), onSuccess, onSettled }),
  };
}
