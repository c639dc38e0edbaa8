/// <reference lib="webworker" />
import { ANALYSIS_EDGE, assessQuality, fitScale } from './photo-quality';
import type {
  EncodeOptions,
  ProcessedPhoto,
  ProcessRequest,
  ProcessResponse,
} from './photo-protocol';

declare const self: DedicatedWorkerGlobalScope;

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);

function scaled(bitmap: ImageBitmap, edge: number): OffscreenCanvas {
  const scale = fitScale(bitmap.width, bitmap.height, edge);
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(bitmap.width * scale)),
    Math.max(1, Math.round(bitmap.height * scale)),
  );
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D context in the photo worker');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** The asked type; JPEG where the browser cannot encode it (Safari has no WebP encoder). */
async function encode(canvas: OffscreenCanvas, type: string, quality: number): Promise<Blob> {
  const blob = await canvas.convertToBlob({ type, quality });
  if (blob.type === type) return blob;
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

async function processPhoto(
  source: Blob | ImageBitmap,
  options: EncodeOptions,
): Promise<ProcessedPhoto> {
  // EXIF orientation is applied here, so the pixels (and the re-encoded file) are upright.
  const bitmap =
    source instanceof Blob
      ? await createImageBitmap(source, { imageOrientation: 'from-image' })
      : source;
  try {
    const analysis = scaled(bitmap, ANALYSIS_EDGE);
    const pixels = analysis
      .getContext('2d')!
      .getImageData(0, 0, analysis.width, analysis.height).data;
    const report = assessQuality(pixels, analysis.width, analysis.height);

    const full = scaled(bitmap, options.maxEdge);
    let upload = await encode(full, options.type, options.quality);
    // A camera JPEG already small enough is sent as it is rather than re-encoded larger.
    if (
      source instanceof Blob &&
      ACCEPTED.has(source.type) &&
      full.width === bitmap.width &&
      source.size <= upload.size
    )
      upload = source;
    const thumb = await encode(scaled(bitmap, options.thumbEdge), 'image/webp', 0.7);
    return {
      upload,
      width: full.width,
      height: full.height,
      thumb,
      report,
      sourceBytes: source instanceof Blob ? source.size : null,
      sourceWidth: bitmap.width,
      sourceHeight: bitmap.height,
    };
  } finally {
    bitmap.close();
  }
}

self.onmessage = (event: MessageEvent<ProcessRequest>) => {
  const { id, source, options } = event.data;
  processPhoto(source, options).then(
    (photo) => self.postMessage({ id, ok: true, ...photo } satisfies ProcessResponse),
    (error: unknown) =>
      self.postMessage({
        id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ProcessResponse),
  );
};
