import type { Page } from '@playwright/test';

/**
 * Opens the page's camera on its own (not through the app), waits for a few frames and returns
 * one as PNG bytes. This checks the fixtures themselves, independently of the scanner.
 */
export async function grabCameraFrame(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
    });
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    // Skip the first frames: a capture device may start on a black frame.
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
    }
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    stream.getTracks().forEach((t) => t.stop());
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  return Buffer.from(base64, 'base64');
}

/** What getUserMedia fails with on this page, or 'ok'. */
export function cameraOutcome(page: Page): Promise<string> {
  return page.evaluate(async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      stream.getTracks().forEach((t) => t.stop());
      return 'ok';
    } catch (error) {
      return (error as DOMException).name;
    }
  });
}
