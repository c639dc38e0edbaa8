import { bundleBench } from './bundle';
import { decodersBench } from './decoders/run';
import { latencyBench } from './latency';
import { lighthouseBench } from './lighthouse';
import { listBench } from './list';
import { photosBench } from './photos';
import { pollingBench } from './polling';
import { serverBench } from './server/run';
import { tlsBench } from './tls';
import { wireBench } from './wire';
import type { Bench, BenchOptions } from './types';

/**
 * `npm run bench [-- <name>...] [--quick] [--json FILE]`. With no name it runs every benchmark.
 * Each prints a markdown table and writes JSON under bench/results (git-ignored).
 */
const BENCHES: Record<string, Bench> = {
  decoders: decodersBench,
  latency: latencyBench,
  polling: pollingBench,
  server: serverBench,
  bundle: bundleBench,
  list: listBench,
  photos: photosBench,
  wire: wireBench,
  tls: tlsBench,
  lighthouse: lighthouseBench,
};

function parseArgs(argv: string[]): { names: string[]; options: BenchOptions } {
  const names: string[] = [];
  const options: BenchOptions = { quick: false, jsonFile: null, imagesDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--quick') options.quick = true;
    else if (arg === '--json') options.jsonFile = argv[++i] ?? null;
    else if (arg === '--images') options.imagesDir = argv[++i] ?? null;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else names.push(arg);
  }
  return { names, options };
}

async function main(): Promise<void> {
  const { names, options } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}.`,
    );
  }
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`\n## ${name}\n`);
    await BENCHES[name]?.(options);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
