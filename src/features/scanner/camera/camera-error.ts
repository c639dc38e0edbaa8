export type CameraErrorCode =
  'denied' | 'not-found' | 'in-use' | 'insecure' | 'unsupported' | 'failed';

/** A camera failure the screen can explain, with the next step for the operator. */
export class CameraError extends Error {
  override name = 'CameraError';
  constructor(
    readonly code: CameraErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** getUserMedia's DOMException names, mapped to what the operator can do about them. */
export function toCameraError(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as { message?: string } | null)?.message ?? String(error);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError('denied', message);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError('not-found', message);
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError('in-use', message);
    default:
      return new CameraError('failed', message);
  }
}

export const CAMERA_ERROR_TEXT: Record<CameraErrorCode, { title: string; next: string }> = {
  denied: {
    title: 'Camera access is blocked',
    next: 'Allow the camera for this site in the browser’s site settings, then try again. You can type codes below meanwhile.',
  },
  'not-found': {
    title: 'No camera found',
    next: 'Connect a camera, or type codes and use a hardware scanner below.',
  },
  'in-use': {
    title: 'The camera is busy',
    next: 'Close other apps or tabs using the camera, then try again.',
  },
  insecure: {
    title: 'The camera needs a secure connection',
    next: 'Open the app over HTTPS (or on localhost). A phone on the LAN needs the server behind HTTPS.',
  },
  unsupported: {
    title: 'This browser has no camera access',
    next: 'Use a current Chrome, Safari or Firefox, or type codes below.',
  },
  failed: {
    title: 'The camera could not start',
    next: 'Try again; if it keeps failing, restart the browser.',
  },
};
