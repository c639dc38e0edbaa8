import { CaptureDetail } from '../captures/capture-detail';
import { useSessionChanged } from '../session/session-queries';

/** A capture's detail inside its session: changes to it refresh the session too. */
export function CaptureScreen({ sessionId, captureId }: { sessionId: string; captureId: string }) {
  const changed = useSessionChanged(sessionId);
  return (
    <CaptureDetail sessionId={sessionId} captureId={captureId} onChanged={() => void changed()} />
  );
}
