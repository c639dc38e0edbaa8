import { CAMERA_ERROR_TEXT, type CameraError } from './camera/camera-error';

/** Why the camera cannot start and what to do about it; manual entry stays below it. */
export function CameraErrorPanel({ error, onRetry }: { error: CameraError; onRetry: () => void }) {
  const text = CAMERA_ERROR_TEXT[error.code];
  return (
    <section className="camera-error" role="alert">
      <h2>{text.title}</h2>
      <p>{text.next}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try the camera again
      </button>
    </section>
  );
}
