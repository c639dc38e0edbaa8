export interface Still {
  /** An encoded photo (ImageCapture) or the raw pixels of a video frame. */
  source: Blob | ImageBitmap;
  how: 'photo' | 'frame';
}

/** takePhoto can hang on some Android drivers; a frame is better than a frozen shutter. */
const PHOTO_TIMEOUT_MS = 4_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('takePhoto timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * A full-resolution still: `ImageCapture.takePhoto()` where the browser and camera support it
 * (it can use the sensor's photo mode, larger than the preview), otherwise a frame from the
 * video track at the stream's own resolution (`grabFrame`, or the video element as a last
 * resort: Safari and Firefox have no ImageCapture).
 */
export async function takeStill(track: MediaStreamTrack, video: HTMLVideoElement): Promise<Still> {
  if ('ImageCapture' in globalThis && track.readyState === 'live') {
    let capture: ImageCapture | null = null;
    try {
      capture = new ImageCapture(track);
      const blob = await withTimeout(capture.takePhoto(), PHOTO_TIMEOUT_MS);
      if (blob.size > 0) return { source: blob, how: 'photo' };
    } catch {
      // Not a camera with a photo mode (a canvas or screen track, a fake device): grab a frame.
    }
    try {
      if (capture) return { source: await capture.grabFrame(), how: 'frame' };
    } catch {
      // Fall through to the video element.
    }
  }
  if (!video.videoWidth) throw new Error('The camera has no picture yet.');
  return { source: await createImageBitmap(video), how: 'frame' };
}
