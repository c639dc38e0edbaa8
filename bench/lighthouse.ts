import { runBrowserBench } from './browser-run';
import { median, printTable, writeResults } from './report';
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

/** The median of the runs' values, or '–' when a run has none. */
const middle = (values: (number | null)[]): number | '–' =>
  values.every((v) => v !== null) && values.length > 0 ? Math.round(median(values)) : '–';

/** The median score and, when the runs differ, their range: "96 (94–97)". */
const score = (values: (number | null)[]): string => {
  const m = middle(values);
  const present = values.filter((v) => v !== null);
  const [lo, hi] = [Math.min(...present), Math.max(...present)];
  return m === '–' || lo === hi ? String(m) : `${m} (${lo}–${hi})`;
};

/**
 * `npm run bench -- lighthouse`: the four scores of Home, a session and the scanner, cold and
 * warm, beside the @zxing/browser page. Each line is the median of the screen's runs.
 */
export const lighthouseBench: Bench = (options) => {
  const rows = runBrowserBench<LighthouseRow[]>('lighthouse', options);
  // Node 20 has no Map.groupBy.
  const groups = new Map<string, LighthouseRow[]>();
  for (const r of rows) {
    const key = `${r.screen}\u0000${r.load}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const table = [...groups.values()].flatMap((runs) => {
    const first = runs[0];
    if (!first) return [];
    const scores = (c: string) => score(runs.map((r) => r.scores[c] ?? null));
    return [
      {
        screen: first.screen,
        load: first.load,
        runs: runs.length,
        performance: scores('performance'),
        accessibility: scores('accessibility'),
        'best practices': scores('best-practices'),
        seo: scores('seo'),
        'FCP (ms)': middle(runs.map((r) => r.fcpMs)),
        'LCP (ms)': middle(runs.map((r) => r.lcpMs)),
        'TBT (ms)': middle(runs.map((r) => r.tbtMs)),
        'transfer (kB)': middle(runs.map((r) => r.transferKb)),
      },
    ];
  });
  printTable(table);
  writeResults('lighthouse', { medians: table, runs: rows }, options.jsonFile);
  return Promise.resolve();
};
