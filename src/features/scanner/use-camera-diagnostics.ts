import { useEffect } from 'react';
import type { CameraStatus } from './camera/use-camera';
import { useDiagnosticsStore } from './diagnostics-store';

/** Reports the camera's state (which camera, at what size, and its failures) to diagnostics. */
export function useCameraDiagnostics(status: CameraStatus): void {
  const camera = status.state === 'live' ? status.camera : null;
  const error = status.state === 'error' ? status.error : null;
  useEffect(() => {
    if (camera)
      useDiagnosticsStore.getState().cameraLive({
        label: camera.label,
        width: camera.settings.width ?? null,
        height: camera.settings.height ?? null,
      });
  }, [camera]);
  useEffect(() => {
    if (error) useDiagnosticsStore.getState().failed(`camera: ${error.code}: ${error.message}`);
  }, [error]);
}
