import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { SectionBoundary } from '../../../components/section-boundary';
import { ThrottleBanner } from '../../../components/throttle-banner';
import { jobName } from '../../../features/photos/photo-jobs-store';
import { PhotoTray } from '../../../features/photos/photo-tray';
import { ReviewCard } from '../../../features/photos/review-card';
import { PhotoTypePicker } from '../../../features/photos/photo-type-picker';
import { warmPhotoWorker } from '../../../features/photos/processing/photo-processor';
import { PHOTO_TYPE_LABEL } from '../../../features/photos/photo-types';
import { usePhotoGuide } from '../../../features/photos/use-photo-guide';
import { CameraErrorPanel } from '../../../features/scanner/camera-error-panel';
import { CameraToolbar } from '../../../features/scanner/camera-toolbar';
import { CameraVideo } from '../../../features/scanner/camera-video';
import { useCamera } from '../../../features/scanner/camera/use-camera';
import { useCameraDiagnostics } from '../../../features/scanner/use-camera-diagnostics';
import { useRecordSession } from '../../../features/session/session-history';
import { useLiveSession } from '../../../features/session/use-live-session';
import { useSettingsStore } from '../../../features/settings/settings-store';
import { ScannerBar } from '../scanner-bar';
import { useSyncState } from '../use-sync-state';
import { PhotoTarget, resolveTarget, type TargetChoice } from './photo-target';
import { usePhotoUploads } from './use-photo-uploads';

/**
 * Photography mode: the camera, a shutter, the type of the next photo (guided or chosen), and
 * this device's photos on their way to the server. In "both" mode the photos are linked to the
 * product scanned last, or to the one the operator picks.
 */
export function PhotoScreen({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const sync = useSyncState(sessionId);
  const record = useRecordSession();
  useEffect(() => void record(sessionId, { used: true }), [record, sessionId]);
  useEffect(warmPhotoWorker, []);
  const detail = live.detail.data;
  const both = detail?.capture_mode === 'both';
  const settings = useSettingsStore(
    useShallow(({ cameraId, cameraChosen, hand }) => ({ cameraId, cameraChosen, hand })),
  );
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const camera = useCamera(videoRef, {
    deviceId: settings.cameraId,
    // Photos want every pixel the stream has; the frame grab fallback uses the stream's size.
    resolution: 'full-hd',
    onLive: () => undefined,
    // No decoder reports frames here, so the frame watchdog has nothing to judge.
    paused: () => true,
  });
  useCameraDiagnostics(camera.status);
  const uploads = usePhotoUploads(sessionId);

  // "Photograph this product" on a capture's page arrives with ?capture=<id>.
  const [params] = useSearchParams();
  const [target, setTarget] = useState<TargetChoice>(() => params.get('capture') ?? 'latest');
  const [announcement, setAnnouncement] = useState('');
  const [shutterBusy, setShutterBusy] = useState(false);
  // A ref as well as state: a double tap arrives before React re-renders the disabled button.
  const shutterLock = useRef(false);
  const captures = detail?.captures ?? [];
  const linked = both ? resolveTarget(target, captures) : null;
  // Guided from the start in every mode, and again for each product in "both" mode.
  const guide = usePhotoGuide(true, linked?.id ?? null);
  const liveCamera = camera.status.state === 'live' ? camera.status.camera : null;
  const review = uploads.jobs.find((j) => j.stage === 'review');

  const take = async (kind: 'photo' | 'image-capture') => {
    const pressedAt = performance.now();
    if (shutterLock.current || !liveCamera) return;
    shutterLock.current = true;
    setShutterBusy(true);
    const photoType = kind === 'photo' ? guide.type : 'other';
    try {
      const still = await camera.still();
      const name = jobName({ kind, photoType });
      setAnnouncement(`${name} taken.`);
      const outcome = await uploads.shoot(still, {
        kind,
        photoType,
        captureShortId: linked?.id ?? null,
        pressedAt,
      });
      if (outcome === 'review') setAnnouncement(`${name} needs a look: keep it or retake it.`);
      else if (outcome === 'sending' && kind === 'photo') guide.photographed();
    } catch (error) {
      setAnnouncement(`No photo: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      shutterLock.current = false;
      setShutterBusy(false);
    }
  };

  return (
    <div className={`scanner photo-screen hand-${settings.hand}`}>
      <ScannerBar
        counters={[
          { label: 'Photos here', value: uploads.savedHere, testId: 'local-photo-count' },
          { label: 'Photos saved', value: live.photoCount, testId: 'server-photo-count' },
        ]}
        sync={sync}
      />

      <main className="scanner-main">
        <ThrottleBanner />
        <div className="scanner-stage">
          <CameraVideo
            videoRef={videoRef}
            onFocus={liveCamera?.controls.focus ? (p) => void camera.focusAt(p) : null}
          />
          {liveCamera?.controls.focus && <p className="scanner-hint">Tap the picture to focus</p>}
          {camera.status.state === 'starting' && (
            <p className="scanner-note">Starting the camera…</p>
          )}
          {camera.status.state === 'error' && (
            <CameraErrorPanel error={camera.status.error} onRetry={camera.retry} />
          )}
          {review && (
            <ReviewCard
              job={review}
              onKeep={() => {
                uploads.keep(review.id);
                guide.photographed();
              }}
              onRetake={() => uploads.drop(review.id)}
            />
          )}
        </div>
        {/* The thumb's row at the bottom, as in a phone's camera app: the shutter in the middle,
            the rest beside it; nothing covers the viewfinder. */}
        <div className="scanner-dock photo-dock">
          <button
            type="button"
            className="shutter"
            disabled={!liveCamera || shutterBusy}
            aria-label={`Take photo: ${PHOTO_TYPE_LABEL[guide.type]}`}
            onClick={() => void take('photo')}
          />
          {both && (
            <Link to={`/sessions/${sessionId}/scan`} className="button mode-toggle">
              Scan barcodes
            </Link>
          )}
          {liveCamera && (
            <CameraToolbar
              key={liveCamera.streamId}
              camera={liveCamera}
              onChooseCamera={settings.cameraChosen}
              torch={camera.torch}
              zoom={camera.zoom}
            />
          )}
        </div>
        <p className="visually-hidden" aria-live="polite" data-testid="photo-announcement">
          {announcement}
        </p>

        <section className="scanner-sheet photo-sheet" aria-label="Photo type and uploads">
          {both && <PhotoTarget captures={captures} choice={target} onChoose={setTarget} />}
          <PhotoTypePicker guide={guide} />
          <SectionBoundary name="photo tray">
            <PhotoTray
              jobs={uploads.jobs}
              actions={{
                retry: uploads.retry,
                shrink: (id) => void uploads.shrink(id),
                drop: uploads.drop,
              }}
            />
          </SectionBoundary>
          <div className="row">
            <button
              type="button"
              className="button button-ghost"
              disabled={!liveCamera || shutterBusy}
              onClick={() => void take('image-capture')}
            >
              No barcode? Save as image capture
            </button>
            <Link to={`/sessions/${sessionId}`}>Gallery and session actions</Link>
          </div>
        </section>
      </main>
    </div>
  );
}
