import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Prints rows as a markdown table, columns in the order of the first row's keys. */
export function printTable(rows: Record<string, string | number>[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`| ${columns.map(() => '---').join(' | ')} |`);
  for (const row of rows)
    console.log(`| ${columns.map((c) => String(row[c] ?? '')).join(' | ')} |`);
}

/** Writes a benchmark's figures to bench/results/<name>.json (and to --json FILE if given). */
export function writeResults(name: string, data: unknown, extraFile: string | null): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(data, null, 2)}\n`;
  writeFileSync(path.join(RESULTS_DIR, `${name}.json`), json);
  if (extraFile) writeFileSync(extraFile, json);
}
