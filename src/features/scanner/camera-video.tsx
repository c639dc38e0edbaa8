import { tapPoint } from './draw-outline';

/**
 * The live picture. A tap focuses there when the camera can (`onFocus` given); the video is
 * muted and inline so that mobile browsers play it without a gesture and without fullscreen.
 */
export function CameraVideo({
  videoRef,
  onFocus,
}: {
  videoRef: React.RefObject<HTMLVideoElement | null>;
  onFocus: ((point: { x: number; y: number }) => void) | null;
}) {
  return (
    <video
      ref={videoRef}
      className="scanner-video"
      muted
      playsInline
      autoPlay
      aria-label="Camera view"
      onClick={(event) => {
        const point = videoRef.current && tapPoint(videoRef.current, event);
        if (point && onFocus) onFocus(point);
      }}
    />
  );
}
