import { CameraError, toCameraError } from './camera-error';

export type Resolution = 'hd' | 'full-hd';
const SIZES: Record<Resolution, { width: number; height: number }> = {
  hd: { width: 1280, height: 720 },
  'full-hd': { width: 1920, height: 1080 },
};

export interface CameraSession {
  stream: MediaStream;
  track: MediaStreamTrack;
  label: string;
  /** The device that opened, read back from the track (it may differ from the one asked for). */
  deviceId: string | null;
  settings: MediaTrackSettings;
  capabilities: Partial<MediaTrackCapabilities>;
  stop(): void;
}

/** Lenses to avoid for scanning: ultra-wide and tele distort or cannot focus close. */
const AVOID = /ultra|wide|tele|0[.,]5x|macro/i;

/**
 * Opens the main rear camera. It asks for `facingMode: environment`, reads which device that
 * was, and, when the label shows an ultra-wide or tele lens, switches to another rear camera.
 * The signal aborts the start: a late stream is stopped, never leaked (StrictMode mounts twice).
 */
/**
 * The chosen camera, or the default rear one when the chosen device is gone (unplugged, or a
 * browser reset its ids): an exact deviceId that matches nothing is an OverconstrainedError.
 */
async function openChosen(
  devices: MediaDevices,
  video: (deviceId: string | null | undefined) => MediaTrackConstraints,
  deviceId: string | null | undefined,
): Promise<MediaStream> {
  if (!deviceId) return devices.getUserMedia({ video: video(null), audio: false });
  try {
    return await devices.getUserMedia({ video: video(deviceId), audio: false });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name !== 'OverconstrainedError' && name !== 'NotFoundError') throw error;
    return devices.getUserMedia({ video: video(null), audio: false });
  }
}

export interface CameraChoice {
  deviceId: string;
  label: string;
}

/** The cameras this browser offers; labels are only filled once permission was granted. */
export async function listCameras(): Promise<CameraChoice[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all
    .filter((d) => d.kind === 'videoinput' && d.deviceId)
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

export async function startCamera(options: {
  signal: AbortSignal;
  deviceId?: string | null;
  resolution?: Resolution;
}): Promise<CameraSession> {
  if (!window.isSecureContext)
    throw new CameraError('insecure', 'Camera access needs HTTPS or localhost.');
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices?.getUserMedia)
    throw new CameraError('unsupported', 'navigator.mediaDevices.getUserMedia is missing.');
  const size = SIZES[options.resolution ?? 'hd'];
  const video = (deviceId: string | null | undefined): MediaTrackConstraints => ({
    ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
    width: { ideal: size.width },
    height: { ideal: size.height },
  });

  let stream: MediaStream;
  try {
    stream = await openChosen(devices, video, options.deviceId);
    let track = stream.getVideoTracks()[0];
    if (!options.deviceId && track && AVOID.test(track.label)) {
      const all = await devices.enumerateDevices();
      const better = all.find(
        (d) =>
          d.kind === 'videoinput' &&
          d.deviceId !== track?.getSettings().deviceId &&
          /back|rear|environment/i.test(d.label) &&
          !AVOID.test(d.label),
      );
      if (better) {
        stream.getTracks().forEach((t) => t.stop());
        stream = await devices.getUserMedia({ video: video(better.deviceId), audio: false });
        track = stream.getVideoTracks()[0];
      }
    }
  } catch (error) {
    throw toCameraError(error);
  }
  const track = stream.getVideoTracks()[0];
  if (!track) throw new CameraError('not-found', 'The stream has no video track.');
  const stop = () => stream.getTracks().forEach((t) => t.stop());
  if (options.signal.aborted) {
    stop();
    throw new DOMException('Camera start aborted', 'AbortError');
  }
  return {
    stream,
    track,
    label: track.label,
    deviceId: track.getSettings().deviceId ?? null,
    settings: track.getSettings(),
    capabilities: typeof track.getCapabilities === 'function' ? track.getCapabilities() : {},
    stop,
  };
}
