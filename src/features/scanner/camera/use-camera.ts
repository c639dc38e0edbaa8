import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type CameraChoice, listCameras, type Resolution, startCamera } from './camera-controller';
import { controlsOf, type CameraControls, focusAt, setTorch, setZoom } from './camera-controls';
import { type CameraError, toCameraError } from './camera-error';
import { FrameWatchdog, type WatchdogVerdict } from './frame-watchdog';
import { takeStill } from './still';
import { holdScreenAwake } from './wake-lock';

export interface LiveCamera {
  /** Changes with every (re)start: controls reset with the stream they applied to. */
  streamId: string;
  label: string;
  deviceId: string | null;
  settings: MediaTrackSettings;
  capabilities: Partial<MediaTrackCapabilities>;
  controls: CameraControls;
  cameras: CameraChoice[];
}

export type CameraStatus =
  | { state: 'starting' }
  | { state: 'live'; camera: LiveCamera }
  | { state: 'error'; error: CameraError };

export interface CameraOptions {
  deviceId: string | null;
  resolution: Resolution;
  /** Called with the playing video and a signal that ends when this stream does. */
  onLive: (video: HTMLVideoElement, signal: AbortSignal, watchdog: FrameWatchdog) => void;
  /** A stalled or black stream was restarted. */
  onRestart?: (reason: Exclude<WatchdogVerdict, null>) => void;
  /** Read on each watchdog tick: a paused scanner is not expected to report frames. */
  paused: () => boolean;
}

const WATCHDOG = { stallMs: 2_500, blackMs: 3_000, blackLuma: 10, tickMs: 500 } as const;
/** A lens covered on purpose stays black: after this many restarts, stop and say so. */
const MAX_BLACK_RESTARTS = 2;

/**
 * The camera for one screen. It stops on unmount and while the page is hidden and starts again
 * when visible; every start is abortable, so a StrictMode double mount never leaves a track
 * running. A frozen or black stream restarts by itself, and the screen is kept awake.
 */
export function useCamera(
  videoRef: React.RefObject<HTMLVideoElement | null>,
  options: CameraOptions,
) {
  const [status, setStatus] = useState<CameraStatus>({ state: 'starting' });
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  const [attempt, setAttempt] = useState(0);
  const [dark, setDark] = useState(false);
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const trackRef = useRef<MediaStreamTrack | null>(null);
  const blackRestarts = useRef(0);
  const { deviceId, resolution } = options;

  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  useEffect(() => {
    const video = videoRef.current;
    if (!visible || !video) return;
    const controller = new AbortController();
    const { signal } = controller;
    let stop: () => void = () => undefined;
    setStatus({ state: 'starting' });
    startCamera({ signal, deviceId, resolution })
      .then(async (started) => {
        stop = () => started.stop();
        trackRef.current = started.track;
        video.srcObject = started.stream;
        await video.play();
        if (signal.aborted) return;
        holdScreenAwake(signal);
        const watchdog = new FrameWatchdog({ ...WATCHDOG, now: () => performance.now() });
        const timer = setInterval(() => {
          if (latest.current.paused()) return watchdog.reset();
          const verdict = watchdog.check();
          if (!verdict) {
            // Only a real picture ends a run of black restarts: a new stream is quiet for
            // blackMs before it can be called black again.
            if (watchdog.lit) {
              blackRestarts.current = 0;
              setDark(false);
            }
          } else if (verdict === 'stalled' || blackRestarts.current < MAX_BLACK_RESTARTS) {
            if (verdict === 'black') blackRestarts.current += 1;
            latest.current.onRestart?.(verdict);
            setAttempt((n) => n + 1);
          } else {
            setDark(true);
            watchdog.reset();
          }
        }, WATCHDOG.tickMs);
        signal.addEventListener('abort', () => clearInterval(timer), { once: true });
        const cameras = await listCameras().catch(() => []);
        if (signal.aborted) return;
        setStatus({
          state: 'live',
          camera: {
            streamId: started.stream.id,
            label: started.label,
            deviceId: started.deviceId,
            settings: started.settings,
            capabilities: started.capabilities,
            controls: controlsOf(started.capabilities),
            cameras,
          },
        });
        latest.current.onLive(video, signal, watchdog);
      })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        setStatus({ state: 'error', error: toCameraError(error) });
      });
    return () => {
      controller.abort();
      stop();
      trackRef.current = null;
      video.srcObject = null;
    };
  }, [videoRef, visible, attempt, deviceId, resolution]);

  const track = () => trackRef.current;
  return {
    status,
    /** The stream is live but has shown only black through several restarts. */
    dark,
    retry: () => setAttempt((n) => n + 1),
    torch: (on: boolean) => {
      const t = track();
      return t ? setTorch(t, on) : Promise.resolve(false);
    },
    zoom: (level: number) => {
      const t = track();
      return t ? setZoom(t, level) : Promise.resolve(false);
    },
    focusAt: (point: { x: number; y: number }) => {
      const t = track();
      return t ? focusAt(t, point) : Promise.resolve(false);
    },
    /** A full-resolution still from the live stream. */
    still: () => {
      const t = track();
      const video = videoRef.current;
      if (!t || !video) return Promise.reject(new Error('The camera is not running.'));
      return takeStill(t, video);
    },
  };
}
