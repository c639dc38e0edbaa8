import type { Symbology } from '../../../lib/gs1/symbology';
import type { PipelineResult } from './decode-pipeline';
import type { Rect } from './frame-ops';
import type { EngineName, EnginePreference } from './select-engine';

/** One camera frame on its way to the worker, transferred (never copied). */
export type CameraFrame = ImageBitmap | VideoFrame;

/** Messages between the main thread and the decoder worker. */
export type DecoderRequest =
  | { type: 'init'; preference: EnginePreference; formats: readonly Symbology[] }
  | {
      type: 'decode';
      id: number;
      /** A VideoFrame where the browser has them (no copy on the main thread), else a bitmap. */
      bitmap: CameraFrame;
      formats: readonly Symbology[];
      roi: Rect | null;
      /** Codes to look for in this frame (batch mode asks for many). */
      maxSymbols?: number;
    };

export type DecoderResponse =
  | { type: 'ready'; engine: EngineName; fellBack: boolean }
  | {
      type: 'result';
      id: number;
      ok: true;
      result: PipelineResult;
      decodeMs: number;
      /** Mean brightness of the frame, for the black-stream watchdog. */
      luma: number;
    }
  | { type: 'result'; id: number; ok: false; error: string };
