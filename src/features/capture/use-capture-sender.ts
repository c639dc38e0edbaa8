import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../lib/api-context';
import { sessionQueries } from '../session/session-queries';
import { enqueueCapture, type ScanToSend } from './enqueue-capture';

/** Sends a capture and refreshes the session it belongs to. */
export function useCaptureSender(sessionId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ scan, clientCaptureId }: { scan: ScanToSend; clientCaptureId: string }) =>
      enqueueCapture(client, scan, clientCaptureId),
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: sessionQueries.detail(client, sessionId).queryKey,
      }),
  });
}
