import type { QualityReport } from './photo-quality';

export interface EncodeOptions {
  /** Longest edge of the uploaded image, in pixels. */
  maxEdge: number;
  /** Encoder quality, 0–1. */
  quality: number;
  /** What to encode the upload as. WebP is used only where the browser can encode it. */
  type: 'image/jpeg' | 'image/webp';
  /** Longest edge of the thumbnail kept on this device for the gallery. */
  thumbEdge: number;
}

export interface ProcessRequest {
  id: number;
  /** A still from ImageCapture (an encoded Blob) or a frame grabbed from the video. */
  source: Blob | ImageBitmap;
  options: EncodeOptions;
}

export interface ProcessedPhoto {
  upload: Blob;
  width: number;
  height: number;
  thumb: Blob;
  report: QualityReport;
  /** Bytes of the encoded still the camera gave, when it gave one (a frame grab has none). */
  sourceBytes: number | null;
  sourceWidth: number;
  sourceHeight: number;
}

export type ProcessResponse =
  ({ id: number; ok: true } & ProcessedPhoto) | { id: number; ok: false; error: string };
