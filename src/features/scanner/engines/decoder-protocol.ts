import type { Symbology } from '../../../lib/gs1/symbology';
import type { PipelineResult } from './decode-pipeline';
import type { Rect } from './frame-ops';

/** Messages between the main thread and the decoder worker. */
export interface DecodeRequest {
  id: number;
  bitmap: ImageBitmap;
  formats: readonly Symbology[];
  roi: Rect | null;
}

export type DecodeResponse =
  | { id: number; ok: true; result: PipelineResult; decodeMs: number }
  | { id: number; ok: false; error: string };
