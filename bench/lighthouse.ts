import { runBrowserBench } from './browser-run';
import { printTable, writeResults } from './report';
import type { Bench } from './types';

/** One Lighthouse run, as e2e/bench/lighthouse.bench.ts writes it. */
interface LighthouseRow {
  screen: string;
  load: 'cold' | 'warm';
  scores: Record<string, number | null>;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  transferKb: number | null;
}

/** `npm run bench -- lighthouse`: the four scores of Home, a session and the scanner. */
export const lighthouseBench: Bench = (options) => {
  const rows = runBrowserBench<LighthouseRow[]>('lighthouse', options);
  const table = rows.map((r) => ({
    screen: r.screen,
    load: r.load,
    performance: r.scores['performance'] ?? '–',
    accessibility: r.scores['accessibility'] ?? '–',
    'best practices': r.scores['best-practices'] ?? '–',
    seo: r.scores['seo'] ?? '–',
    'FCP (ms)': r.fcpMs === null ? '–' : Math.round(r.fcpMs),
    'LCP (ms)': r.lcpMs === null ? '–' : Math.round(r.lcpMs),
    'TBT (ms)': r.tbtMs === null ? '–' : Math.round(r.tbtMs),
    'transfer (kB)': r.transferKb === null ? '–' : r.transferKb.toFixed(0),
  }));
  printTable(table);
  writeResults('lighthouse', table, options.jsonFile);
  return Promise.resolve();
};
