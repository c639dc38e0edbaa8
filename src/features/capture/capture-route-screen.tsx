import { useQueryClient } from '@tanstack/react-query';
import { CaptureDetail } from '../captures/capture-detail';
import { sessionQueries, sessionTouched } from '../session/session-queries';

/** A capture's detail inside its session: changes to it refresh the session too. */
export function CaptureScreen({ sessionId, captureId }: { sessionId: string; captureId: string }) {
  const queryClient = useQueryClient();
  return (
    <CaptureDetail
      sessionId={sessionId}
      captureId={captureId}
      onChanged={() => {
        sessionTouched(sessionId);
        void queryClient.invalidateQueries({ queryKey: sessionQueries.one(sessionId) });
      }}
    />
  );
}
