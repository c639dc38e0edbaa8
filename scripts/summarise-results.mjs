// Adds up the JSON reports of Vitest and Playwright into CI's closing line
// "N passed, N failed". A missing report (its runner never ran) counts as one failure, so a run
// that stopped early can never look green. Usage: VITEST.json PLAYWRIGHT.json [MORE-VITEST.json...]
// (the other Node majors' unit and smoke reports).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const [vitestFile, playwrightFile, ...moreVitest] = process.argv.slice(2);

for (const file of [vitestFile, ...moreVitest]) {
  if (file && existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    if (r.numTotalTests === 0) failed += 1;
    // CI shows only the end of its log: name each failure here, or it cannot be found again.
    for (const suite of r.testResults ?? []) {
      for (const t of suite.assertionResults ?? []) {
        if (t.status === 'failed') {
          const why = (t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
          console.log(`summary: FAILED ${suite.name}: ${t.fullName}\n    ${why}`);
        }
      }
    }
    if (moreVitest.includes(file)) {
      console.log(`summary: ${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
    }
  } else {
    console.log(`summary: no unit-test report at ${file}`);
    failed += 1;
  }
}

if (playwrightFile && existsSync(playwrightFile)) {
  const s = JSON.parse(readFileSync(playwrightFile, 'utf8')).stats;
  passed += s.expected;
  failed += s.unexpected + s.flaky;
  skipped += s.skipped;
  if (s.expected + s.unexpected + s.flaky === 0) failed += 1;
  for (const t of failedSpecs(JSON.parse(readFileSync(playwrightFile, 'utf8')).suites ?? [])) {
    console.log(`summary: FAILED e2e ${t}`);
  }
} else {
  console.log(`summary: no e2e report at ${playwrightFile}`);
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);

/** Titles of the Playwright specs whose last try did not pass, walked through nested suites. */
function failedSpecs(suites, trail = []) {
  return suites.flatMap((suite) => {
    const here = [...trail, suite.title].filter(Boolean);
    const own = (suite.specs ?? [])
      .filter((spec) => spec.tests.some((t) => t.status === 'unexpected' || t.status === 'flaky'))
      .map((spec) => [...here, spec.title].join(' > '));
    return [...own, ...failedSpecs(suite.suites ?? [], here)];
  });
}
