import { identify } from '../../src/lib/gs1/identify';
import { LINEAR, RETAIL_SYMBOLOGIES, type Symbology } from '../../src/lib/gs1/symbology';
import { createSchedule, decodeFrame } from '../../src/features/scanner/engines/decode-pipeline';
import { CAMERA_TIMINGS, ScanGate } from '../../src/features/scanner/guards/scan-gate';
import type { Frame } from '../../src/features/scanner/engines/types';
import { nodeWasmEngine } from '../node-engines';
import { printTable } from '../report';
import { sameValue } from './compare';
import { browserDefaultsEngine, rawWasmEngine } from './engines';
import { jittered, seeded } from './jitter';

/** How long the camera shows each photo, and the frame interval of a 30 fps camera. */
export const FRAMES_SHOWN = 15;
const FRAME_MS = 1000 / 30;

export interface FramesCase {
  format: Symbology;
  expected: string;
  frame: Frame;
}

/** Per engine: after how many frames each photo was read (null: not in 15), and misreads. */
export interface FramesRow {
  engine: string;
  format: Symbology | 'all';
  frames: (number | null)[];
  misreads: number;
}

/**
 * Something that watches frames of one photo and says, per frame, which texts it would hand
 * on to a capture: the app's worker and gate, or a bare decoder.
 */
interface Watcher {
  name: string;
  /** A new photo comes into view. */
  next(): void;
  frame(frame: Frame, index: number): Promise<{ format: Symbology; text: string }[]>;
}

/**
 * The app: the worker's pipeline with its real schedule (kept across photos, as the worker
 * keeps it, and timed on the real clock for its budget), then the gate with the scanner's
 * settings (check digits, the second look's evidence, rival texts, agreement across frames) on
 * the camera's clock: one frame every 33 ms.
 */
function appWatcher(): Watcher {
  const engine = nodeWasmEngine();
  let clock = 0;
  const schedule = createSchedule(() => performance.now());
  const newGate = () =>
    new ScanGate({
      agreementFrames: 2,
      cooldownMs: 2_000,
      ...CAMERA_TIMINGS,
      now: () => clock,
    });
  let gate = newGate();
  return {
    name: 'pipeline',
    next: () => (gate = newGate()),
    async frame(frame, index) {
      clock = index * FRAME_MS;
      const { symbols } = await decodeFrame(engine, frame, {
        formats: RETAIL_SYMBOLOGIES,
        schedule,
      });
      return symbols.flatMap((s) => {
        const outcome = gate.offer(s);
        return outcome.kind === 'accepted' ? [outcome.decoded] : [];
      });
    },
  };
}

/** A bare decoder: every text with a valid check digit is handed on, as a plain scanner does. */
function bareWatcher(engine: {
  name: string;
  decode: (
    f: Frame,
    formats: readonly Symbology[],
  ) => Promise<{ format: Symbology; text: string }[]>;
}): Watcher {
  return {
    name: engine.name,
    next: () => undefined,
    frame: async (frame) =>
      (await engine.decode(frame, RETAIL_SYMBOLOGIES)).filter(
        (s) => identify({ ...s, gs1: false }).ok,
      ),
  };
}

/**
 * Shows each photo to each watcher for up to 15 jittered frames (the same frames for all) and
 * counts the frames until the expected text is handed on. A wrong text handed on first is a
 * misread, and the photo counts as not read.
 */
export async function measureFramesToRead(cases: FramesCase[]): Promise<FramesRow[]> {
  const watchers = [appWatcher(), bareWatcher(rawWasmEngine), bareWatcher(browserDefaultsEngine())];
  const rows = new Map<string, FramesRow>();
  const row = (engine: string, format: Symbology | 'all') => {
    const key = `${engine}|${format}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { engine, format, frames: [], misreads: 0 }));
    return r;
  };
  for (const [n, c] of cases.entries()) {
    const random = seeded(1000 + n);
    const frames = Array.from({ length: FRAMES_SHOWN }, () => jittered(c.frame, random));
    for (const watcher of watchers) {
      watcher.next();
      let result: number | null = null;
      let wrong = false;
      for (const [i, frame] of frames.entries()) {
        const handed = await watcher.frame(frame, i);
        if (handed.some((s) => !sameValue(c.format, s.text, c.expected))) wrong = true;
        if (wrong) break;
        if (handed.length) {
          result = i + 1;
          break;
        }
      }
      for (const format of [c.format, 'all'] as const) {
        const r = row(watcher.name, format);
        r.frames.push(result);
        if (wrong) r.misreads += 1;
      }
    }
  }
  return [...rows.values()];
}

const within = (r: FramesRow | undefined, n: number) => {
  if (!r) return '–';
  const read = r.frames.filter((f) => f !== null && f <= n).length;
  return `${((100 * read) / Math.max(1, r.frames.length)).toFixed(1)}% (${read}/${r.frames.length})`;
};

/** Reads within 1, 3 and 15 frames, and misreads, per engine: overall, retail 1D, and by format. */
export function printFramesTables(rows: FramesRow[]): void {
  const engines = [...new Set(rows.map((r) => r.engine))];
  const line = (label: string, pick: (engine: string) => FramesRow | undefined) =>
    engines.map((engine) => {
      const r = pick(engine);
      return {
        photos: label,
        engine,
        'within 1 frame': within(r, 1),
        'within 3': within(r, 3),
        'within 15': within(r, FRAMES_SHOWN),
        misreads: r?.misreads ?? '–',
      };
    });
  const retail1d = (engine: string): FramesRow | undefined => {
    const parts = rows.filter(
      (r) => r.engine === engine && r.format !== 'all' && LINEAR.has(r.format),
    );
    return parts.length
      ? {
          engine,
          format: 'all',
          frames: parts.flatMap((p) => p.frames),
          misreads: parts.reduce((a, p) => a + p.misreads, 0),
        }
      : undefined;
  };
  const find = (engine: string, format: string) =>
    rows.find((r) => r.engine === engine && r.format === format);
  console.log('\n### Real photos, 640x480 edge-copied, 15 jittered frames: frames to read\n');
  printTable([...line('all', (e) => find(e, 'all')), ...line('1D', retail1d)]);
  const formats = [...new Set(rows.map((r) => r.format).filter((f) => f !== 'all'))];
  console.log('\n### Frames to read, per format (within 15 frames)\n');
  printTable(
    formats.map((format) => ({
      format,
      ...Object.fromEntries(engines.map((e) => [e, within(find(e, format), FRAMES_SHOWN)])),
      'misreads p/w/b': engines.map((e) => find(e, format)?.misreads ?? '–').join(' / '),
    })),
  );
}
