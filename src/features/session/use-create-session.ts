import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaptureMode, ENDPOINTS } from '#contract';
import { useApiClient } from '../../lib/api-context';
import { probeStorage, requestPersistence } from '../../lib/storage';
import { COUNT_MODE_KEY } from './count-mode';
import { deviceContext } from './device-context';
import { sessionQueries } from './session-queries';
import { useRecordSession } from './session-history';

/**
 * Starts a session with this browser's user agent and device context, once this device is known
 * to be able to keep its scans: no session is made on the server for a device that would lose
 * them. The first session also asks the browser to keep the app's storage under pressure.
 */
export function useCreateSession() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const record = useRecordSession();
  return useMutation({
    mutationFn: async ({
      mode,
      context,
      count = false,
    }: {
      mode: CaptureMode;
      context: Record<string, unknown>;
      /** Count mode: scanning a product again adds to its quantity (kept in the metadata). */
      count?: boolean;
    }) => {
      await probeStorage();
      void requestPersistence().catch(() => null);
      return client.call(
        ENDPOINTS.createSession,
        {
          body: {
            capture_mode: mode,
            user_agent: navigator.userAgent,
            device_context: deviceContext(context),
            ...(count ? { metadata: { [COUNT_MODE_KEY]: 'on' } } : {}),
          },
        },
        { headers: { 'Idempotency-Key': crypto.randomUUID() } },
      );
    },
    onSuccess: async (session) => {
      await record(session.id, {
        mode: session.capture_mode,
        status: session.status,
        createdAt: Date.parse(session.created),
        used: true,
      });
      await queryClient.invalidateQueries({ queryKey: sessionQueries.all() });
    },
  });
}
