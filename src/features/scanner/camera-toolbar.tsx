import { useId, useState } from 'react';
import type { LiveCamera } from './camera/use-camera';

interface ToolbarProps {
  camera: LiveCamera;
  onChooseCamera: (deviceId: string) => void;
  torch: (on: boolean) => Promise<boolean>;
  zoom: (level: number) => Promise<boolean>;
}

/**
 * The camera's own controls, each shown only when this device has it: a camera picker when there
 * is more than one, the torch, and 1x/2x zoom. A control the device then refuses stays as it was.
 */
export function CameraToolbar({ camera, onChooseCamera, torch, zoom }: ToolbarProps) {
  const [torchOn, setTorchOn] = useState(false);
  const [zoomLevel, setZoomLevel] = useState(1);
  const pickerId = useId();
  const { controls, cameras } = camera;
  if (cameras.length < 2 && !controls.torch && controls.zoomLevels.length === 0) return null;
  return (
    <div className="camera-toolbar">
      {cameras.length > 1 && (
        <>
          <label htmlFor={pickerId} className="visually-hidden">
            Camera
          </label>
          <select
            id={pickerId}
            value={camera.deviceId ?? ''}
            onChange={(event) => onChooseCamera(event.target.value)}
          >
            {cameras.map((c) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label}
              </option>
            ))}
          </select>
        </>
      )}
      {controls.torch && (
        <button
          type="button"
          className="button button-ghost"
          aria-pressed={torchOn}
          onClick={() => {
            void torch(!torchOn).then((ok) => ok && setTorchOn(!torchOn));
          }}
        >
          Torch
        </button>
      )}
      {controls.zoomLevels.map((level) => (
        <button
          key={level}
          type="button"
          className="button button-ghost"
          aria-pressed={zoomLevel === level}
          aria-label={`Zoom ${level}x`}
          onClick={() => {
            void zoom(level).then((ok) => ok && setZoomLevel(level));
          }}
        >
          {level}×
        </button>
      ))}
    </div>
  );
}
