import { accessSync, constants } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that make Debian's Chromium work on a closed network: without the background-networking
 * ones, its connections are refused (../shared/e2e-camera/README.md, section 2).
 */
export const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export interface ChromiumChoice {
  path: string;
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}

/** The browser for tests: `CHROMIUM_PATH`, then Playwright's own download, then the system one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice | null {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) return isExecutable(fromEnv) ? { path: fromEnv, source: 'CHROMIUM_PATH' } : null;
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser registry entry; that is just "not downloaded".
  }
  if (bundled && isExecutable(bundled)) return { path: bundled, source: 'playwright' };
  if (isExecutable(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  return null;
}

/** For the Playwright config, which must not install anything: `ensure-chromium` ran first. */
export function chromiumPathOrThrow(): string {
  const found = findChromium();
  if (!found) throw new Error('No Chromium found. Run `npx tsx e2e/support/ensure-chromium.ts`.');
  return found.path;
}
