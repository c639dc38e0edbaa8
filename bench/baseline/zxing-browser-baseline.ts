// The baseline the project is measured against: @zxing/browser as its README uses it, with its
// default 500 ms delays between attempts, on the same camera. Each decode is marked on the
// page's performance timeline, as the app marks its accepted scans.
import { BrowserMultiFormatReader } from '@zxing/browser';

const status = document.getElementById('status') as HTMLParagraphElement;
const video = document.getElementById('video') as HTMLVideoElement;
const seen = new Map<string, number>();
const reader = new BrowserMultiFormatReader();

reader
  .decodeFromVideoDevice(undefined, video, (result) => {
    if (!result) return;
    const text = result.getText();
    const now = performance.now();
    const last = seen.get(text);
    seen.set(text, now);
    if (last !== undefined && now - last < 2_000) return;
    performance.mark('scanner:accepted', { detail: { text } });
    status.textContent = `Scanned: ${text}`;
  })
  .then(() => (status.textContent = 'scanning'))
  .catch((error: unknown) => (status.textContent = `error: ${String(error)}`));
