/**
 * Torch, zoom and focus, offered only when the track's capabilities say the device has them.
 * These are not in TypeScript's DOM types yet (Image Capture spec), hence the local shapes.
 */
interface ImageCaptureCapabilities {
  torch?: boolean;
  zoom?: { min: number; max: number; step?: number };
  focusMode?: string[];
  pointsOfInterest?: unknown;
}
interface ImageCaptureConstraints {
  torch?: boolean;
  zoom?: number;
  focusMode?: string;
  pointsOfInterest?: { x: number; y: number }[];
}

export interface CameraControls {
  torch: boolean;
  /** Zoom levels to offer: 1x and 2x when the range allows 2x. */
  zoomLevels: number[];
  /** Tap-to-focus: single-shot focus, at a point where the device takes one. */
  focus: boolean;
}

export function controlsOf(capabilities: object): CameraControls {
  const caps = capabilities as ImageCaptureCapabilities;
  const zoom = caps.zoom;
  return {
    torch: caps.torch === true,
    zoomLevels: zoom && zoom.max >= 2 && zoom.min <= 1 ? [1, 2] : [],
    focus:
      Array.isArray(caps.focusMode) &&
      (caps.focusMode.includes('single-shot') || caps.focusMode.includes('manual')),
  };
}

/**
 * Applies an advanced constraint. Devices advertise capabilities they then refuse
 * (OverconstrainedError), and some reject while the track is busy: the answer is false, the
 * camera keeps running, and the caller leaves the control as it was.
 */
async function apply(track: MediaStreamTrack, constraint: ImageCaptureConstraints) {
  try {
    await track.applyConstraints({ advanced: [constraint as MediaTrackConstraintSet] });
    return true;
  } catch {
    return false;
  }
}

export const setTorch = (track: MediaStreamTrack, on: boolean) => apply(track, { torch: on });

export const setZoom = (track: MediaStreamTrack, level: number) => apply(track, { zoom: level });

/** Focuses once at a point given in 0..1 of the frame (where the operator tapped). */
export function focusAt(track: MediaStreamTrack, point: { x: number; y: number }) {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return apply(track, {
    focusMode: 'single-shot',
    pointsOfInterest: [{ x: clamp(point.x), y: clamp(point.y) }],
  });
}
