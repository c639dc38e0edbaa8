import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import type { LogLevel, MutantResult } from '@stryker-mutator/api/core';

/**
 * `npm run mutate [-- module-substring...]`: StrykerJS over the modules whose logic decides
 * whether a scan is saved, lost or duplicated, each judged by its own tests only, so the whole
 * run takes minutes. Prints a score per module; exits 1 when one is under BREAK.
 * StrykerJS 9.6: 10 needs Node 22, and this project supports Node 20.
 */
const BREAK = 90;
const MODULES: Record<string, string[]> = {
  'src/features/scanner/guards/scan-gate.ts': ['src/features/scanner/guards/scan-gate.test.ts'],
  'src/lib/gs1/identify.ts': ['src/lib/gs1/identify.test.ts'],
  'contract/gtin.ts': ['contract/gtin.test.ts'],
  'contract/metadata.ts': ['contract/metadata.test.ts'],
  'server/src/limits/idempotency.ts': [
    'server/src/limits/idempotency.test.ts',
    'server/src/limits/limits.test.ts',
  ],
  'server/src/limits/canonical-json.ts': [
    'server/src/limits/canonical-json.test.ts',
    'server/src/limits/idempotency.test.ts',
  ],
  'server/src/limits/rate-limiter.ts': [
    'server/src/limits/limits.test.ts',
    'server/src/http/access.test.ts',
  ],
  'server/src/http/json-body.ts': [
    'server/src/http/json-body.test.ts',
    'server/src/limits/idempotency.test.ts',
  ],
  'src/features/outbox/outbox.ts': ['src/features/outbox/outbox.test.ts'],
  'src/features/outbox/classify.ts': ['src/features/outbox/classify.test.ts'],
  'src/features/session/poll-policy.ts': ['src/features/session/poll-policy.test.ts'],
};

/** The lines of one exported function (`file:from-to`, Stryker's range form), found by name. */
function fn(file: string, name: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const from = lines.findIndex((l) => l.startsWith(`export function ${name}(`));
  const to = lines.findIndex((l, i) => i > from && l.startsWith('}'));
  if (from < 0 || to < 0) throw new Error(`No function ${name} in ${file}`);
  return `${file}:${from + 1}-${to + 1}`;
}

/** The SQL repositories' pure helpers: a stored row to the contract's shape. */
const ROW_MAPPERS = 'server/src/routes/row-mappers.test.ts';
for (const [file, name] of [
  ['server/src/routes/captures/captures.repository.ts', 'toCapture'],
  ['server/src/routes/photos/photos.repository.ts', 'toPhoto'],
  ['server/src/routes/proposals/proposals.repository.ts', 'toProposal'],
  ['server/src/routes/sessions/sessions.repository.ts', 'toSessionSummary'],
] as const) {
  MODULES[fn(file, name)] = [ROW_MAPPERS];
}

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

function score(results: MutantResult[]) {
  const counted = results.filter((r) => COUNTED.has(r.status));
  const detected = counted.filter((r) => DETECTED.has(r.status)).length;
  return {
    mutants: counted.length,
    killed: detected,
    survived: counted.length - detected,
    ignored: results.filter((r) => r.status === 'Ignored').length,
    score: counted.length ? (100 * detected) / counted.length : 100,
  };
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const chosen = Object.entries(MODULES).filter(
    ([file]) => !filters.length || filters.some((f) => file.includes(f)),
  );
  const rows: string[] = [];
  let failed = false;
  mkdirSync('reports/mutation', { recursive: true });
  for (const [file, tests] of chosen) {
    const started = Date.now();
    process.env['MUTATE_TESTS'] = tests.join(',');
    const name = file.replace(/[/.:-]/g, '_');
    const results = await new Stryker({
      testRunner: 'vitest',
      vitest: { configFile: 'vitest.mutate.config.ts', related: false },
      coverageAnalysis: 'perTest',
      mutate: [file],
      reporters: ['html', 'json'],
      htmlReporter: { fileName: `reports/mutation/${name}.html` },
      jsonReporter: { fileName: `reports/mutation/${name}.json` },
      thresholds: { high: 95, low: BREAK, break: null },
      concurrency: 2,
      tempDirName: '.stryker-tmp',
      logLevel: 'warn' as LogLevel,
    }).runMutationTest();
    const s = score(results);
    failed ||= s.score < BREAK;
    const survivors = results
      .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
      .map((r) => `${r.location.start.line}:${r.mutatorName}`);
    rows.push(
      `| ${file} | ${s.mutants} | ${s.killed} | ${s.survived} | ${s.ignored} | ${s.score.toFixed(1)}% | ${((Date.now() - started) / 1000).toFixed(0)} s |`,
    );
    console.log(`${file}: ${s.score.toFixed(1)}%; survivors at ${survivors.join(', ') || 'none'}`);
  }
  const table = [
    '| Module | Mutants | Killed | Survived | Marked equivalent | Score | Time |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  console.log(`\n${table}`);
  writeFileSync('reports/mutation/summary.md', `${table}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
