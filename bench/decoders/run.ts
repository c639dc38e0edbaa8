import path from 'node:path';
import { LINEAR, RETAIL_SYMBOLOGIES, type Symbology } from '../../src/lib/gs1/symbology';
import type { Frame } from '../../src/features/scanner/engines/types';
import { type FramePadding, listLabelledImages, loadFrame, REAL_IMAGES } from '../real-images';
import { printTable, writeResults } from '../report';
import type { BenchOptions } from '../types';
import { sameValue, formatOfSet } from './compare';
import { generateCorpus } from './corpus';
import { type FramesCase, measureFramesToRead, printFramesTables } from './frames';
import { type BenchEngine, browserDefaultsEngine, pipelineEngine, rawWasmEngine } from './engines';

type Corpus = 'generated' | 'real';
interface Case {
  corpus: Corpus;
  format: Symbology;
  expected: string;
  input: string | Buffer;
}

const VGA = { width: 640, height: 480 };
/**
 * The frames each image is shown in. A photo smaller than the frame is edge-copied into it, as a
 * camera sees a label go on around the code; pasting on white is the named stress variant.
 */
const SIZES: Record<
  string,
  { size: { width: number; height: number }; padding: FramePadding } | null
> = {
  native: null,
  '640x480': { size: VGA, padding: 'edge' },
  '1280x720': { size: { width: 1280, height: 720 }, padding: 'edge' },
  '640x480 on white': { size: VGA, padding: 'white' },
};
/** 1D codes are read along a line, so only a half turn matters; 2D codes get all four. */
const rotationsOf = (format: Symbology) => (LINEAR.has(format) ? [0, 180] : [0, 90, 180, 270]);

export interface DecoderRow {
  corpus: Corpus;
  engine: string;
  size: string;
  format: Symbology | 'all';
  read: number;
  total: number;
  misreads: number;
  median_ms: number;
  p95_ms: number;
}

async function cases(options: BenchOptions): Promise<Case[]> {
  const generated = (await generateCorpus({ quick: options.quick })).map((img): Case => ({
    corpus: 'generated',
    format: img.format,
    expected: img.expected,
    input: img.png,
  }));
  const dir = options.imagesDir ? path.resolve(options.imagesDir) : REAL_IMAGES;
  const perSet = new Map<string, number>();
  const real = listLabelledImages(dir).flatMap((img): Case[] => {
    const format = formatOfSet(img.set);
    if (!format) return [];
    // Quick: two photos per set, enough to prove the path works.
    const seen = perSet.get(img.set) ?? 0;
    perSet.set(img.set, seen + 1);
    if (options.quick && seen >= 2) return [];
    return [{ corpus: 'real', format, expected: img.expected, input: img.file }];
  });
  if (!real.length) console.log(`(no labelled images in ${dir}; real-photo rows skipped)`);
  return [...generated, ...real];
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) : 0;

/** Every engine on every case, size and rotation; figures per corpus, engine, size and format. */
export async function measureDecoders(options: BenchOptions): Promise<DecoderRow[]> {
  const engines: BenchEngine[] = [pipelineEngine, rawWasmEngine, browserDefaultsEngine()];
  const stats = new Map<string, { row: DecoderRow; times: number[] }>();
  const add = (key: Omit<DecoderRow, 'read' | 'total' | 'misreads' | 'median_ms' | 'p95_ms'>) => {
    const id = `${key.corpus}|${key.engine}|${key.size}|${key.format}`;
    let entry = stats.get(id);
    if (!entry) {
      entry = {
        row: { ...key, read: 0, total: 0, misreads: 0, median_ms: 0, p95_ms: 0 },
        times: [],
      };
      stats.set(id, entry);
    }
    return entry;
  };
  const sizes = options.quick ? ['640x480'] : Object.keys(SIZES);
  for (const c of await cases(options)) {
    for (const size of sizes) {
      for (const rotation of options.quick ? [0] : rotationsOf(c.format)) {
        const frameOf = SIZES[size] ?? null;
        const frame: Frame = await loadFrame(
          c.input,
          frameOf?.size ?? null,
          rotation,
          frameOf?.padding,
        );
        for (const engine of engines) {
          const started = performance.now();
          const results = await engine.decode(frame, RETAIL_SYMBOLOGIES);
          const ms = performance.now() - started;
          const read = results.some((r) => sameValue(c.format, r.text, c.expected));
          const wrong = results.some((r) => !sameValue(c.format, r.text, c.expected));
          for (const format of [c.format, 'all'] as const) {
            const entry = add({ corpus: c.corpus, engine: engine.name, size, format });
            entry.row.total += 1;
            if (read) entry.row.read += 1;
            if (wrong) entry.row.misreads += 1;
            entry.times.push(ms);
          }
        }
      }
    }
  }
  return [...stats.values()].map(({ row, times }) => {
    const sorted = times.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      ...row,
      median_ms: round(percentile(sorted, 0.5)),
      p95_ms: round(percentile(sorted, 0.95)),
    };
  });
}

const share = (r: DecoderRow | undefined) =>
  r ? `${((100 * r.read) / Math.max(1, r.total)).toFixed(1)}% (${r.read}/${r.total})` : '–';
const ratio = (a: DecoderRow | undefined, b: DecoderRow | undefined) =>
  a && b && b.read > 0 ? `${(a.read / b.read).toFixed(2)}x` : '–';

/** Prints our pipeline beside raw zxing-wasm and @zxing/browser's defaults, with ratios. */
export function printDecoderTables(rows: DecoderRow[]): void {
  const [ours, raw, browser] = [pipelineEngine.name, rawWasmEngine.name, '@zxing/browser defaults'];
  const find = (corpus: Corpus, engine: string, size: string, format: string) =>
    rows.find(
      (r) => r.corpus === corpus && r.engine === engine && r.size === size && r.format === format,
    );
  const line = (corpus: Corpus, size: string, format: string) => {
    const [p, w, b] = [ours, raw, browser].map((e) => find(corpus, e, size, format));
    return {
      format,
      size,
      pipeline: share(p),
      'zxing-wasm': share(w),
      '@zxing/browser': share(b),
      'vs wasm': ratio(p, w),
      'vs browser': ratio(p, b),
      'misreads p/w/b': [p, w, b].map((r) => r?.misreads ?? '–').join(' / '),
      'median ms p/w/b': [p, w, b].map((r) => r?.median_ms ?? '–').join(' / '),
      'p95 ms p/w/b': [p, w, b].map((r) => r?.p95_ms ?? '–').join(' / '),
    };
  };
  for (const corpus of ['generated', 'real'] as const) {
    const sizes = [...new Set(rows.filter((r) => r.corpus === corpus).map((r) => r.size))];
    if (!sizes.length) continue;
    console.log(`\n### ${corpus === 'generated' ? 'Generated corpus' : 'Real photos'}: overall\n`);
    printTable(sizes.map((size) => line(corpus, size, 'all')));
    const size = sizes.includes('640x480') ? '640x480' : (sizes[0] ?? '');
    const formats = [
      ...new Set(
        rows.filter((r) => r.corpus === corpus && r.format !== 'all').map((r) => r.format),
      ),
    ];
    console.log(
      `\n### ${corpus === 'generated' ? 'Generated corpus' : 'Real photos'}: per format, ${size}\n`,
    );
    printTable(formats.map((format) => line(corpus, size, format)));
  }
}

/** The real photos as a 640x480 camera sees them (edge-copied), for the frames-to-read measure. */
async function framesCases(options: BenchOptions): Promise<FramesCase[]> {
  const real = (await cases(options)).filter((c) => c.corpus === 'real');
  return Promise.all(
    real.map(async (c) => ({
      format: c.format,
      expected: c.expected,
      frame: await loadFrame(c.input, VGA, 0, 'edge'),
    })),
  );
}

export async function decodersBench(options: BenchOptions): Promise<void> {
  const started = performance.now();
  const rows = await measureDecoders(options);
  printDecoderTables(rows);
  const frames = await measureFramesToRead(await framesCases(options));
  printFramesTables(frames);
  writeResults(
    'decoders-frames',
    frames.map(({ frames: f, ...r }) => ({ ...r, frames: f.join(' ') })),
    options.jsonFile ? options.jsonFile.replace(/(\.json)?$/, '-frames.json') : null,
  );
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  writeResults('decoders', rows, options.jsonFile);
}
