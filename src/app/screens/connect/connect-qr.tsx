import { useRef } from 'react';
import { CameraErrorPanel } from '../../../features/scanner/camera-error-panel';
import { CameraVideo } from '../../../features/scanner/camera-video';
import { useScanner } from '../../../features/scanner/use-scanner';

const QR_ONLY = ['qr'] as const;

/** The camera, reading only QR codes, for the connect link. */
export function ConnectQr({ onText }: { onText: (text: string) => void }) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const scanner = useScanner(videoRef, {
    formats: QR_ONLY,
    engine: 'auto',
    agreementFrames: 1,
    cooldownMs: 3_000,
    deviceId: null,
    resolution: 'hd',
    regionRef: null,
    paused: false,
    onOutcome: (outcome) => {
      if (outcome.kind === 'accepted') onText(outcome.scan.rawValue);
    },
  });
  const { status } = scanner;
  return (
    <div className="connect-qr">
      <CameraVideo videoRef={videoRef} onFocus={null} />
      {status.state === 'error' && (
        <CameraErrorPanel error={status.error} onRetry={scanner.retry} />
      )}
    </div>
  );
}
