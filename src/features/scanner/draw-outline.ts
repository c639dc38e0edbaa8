import { coverFit } from './engines/frame-ops';
import type { FrameReport } from './scan-loop';

/**
 * Outlines each decoded symbol from its corner points. Boxes change every frame, so this draws
 * straight onto a canvas sized like the frame (and fitted like the video), not through React.
 */
export function drawOutline(canvas: HTMLCanvasElement | null, frame: FrameReport): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  if (canvas.width !== frame.width) canvas.width = frame.width;
  if (canvas.height !== frame.height) canvas.height = frame.height;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.lineWidth = Math.max(3, frame.width / 160);
  ctx.strokeStyle = '#3ddc84';
  for (const symbol of frame.symbols) {
    ctx.beginPath();
    symbol.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
    ctx.closePath();
    ctx.stroke();
  }
}

/** Where a tap on the video falls in the frame, as 0..1 of each side (for tap-to-focus). */
export function tapPoint(
  video: HTMLVideoElement,
  event: { clientX: number; clientY: number },
): { x: number; y: number } | null {
  if (!video.videoWidth) return null;
  const rect = video.getBoundingClientRect();
  const { scale, offsetX, offsetY } = coverFit(
    { width: video.videoWidth, height: video.videoHeight },
    rect,
  );
  return {
    x: (event.clientX - rect.left + offsetX) / scale / video.videoWidth,
    y: (event.clientY - rect.top + offsetY) / scale / video.videoHeight,
  };
}
