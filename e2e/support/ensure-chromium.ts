import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium';

/**
 * Makes sure a Chromium exists before the e2e run: use one that is there, else try
 * Playwright's download, else (as root) Debian's package. If all fail, say exactly what to do.
 */
function run(command: string, args: string[]): boolean {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function main(): number {
  if (process.env['CHROMIUM_PATH'] && !findChromium()) {
    console.error(`CHROMIUM_PATH=${process.env['CHROMIUM_PATH']} is not an executable file.`);
    return 1;
  }
  let found = findChromium();
  if (!found) {
    run('npx', ['playwright', 'install', 'chromium']);
    found = findChromium();
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!found && isRoot) {
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium'])) {
      found = findChromium();
    }
  }
  if (!found) {
    console.error(
      [
        'No Chromium for the end-to-end tests. Install one of:',
        '  - Debian/Ubuntu: sudo apt-get install -y chromium',
        '  - Playwright:    npx playwright install chromium',
        '  - or set CHROMIUM_PATH=/path/to/chrome',
      ].join('\n'),
    );
    return 1;
  }
  console.log(`ensure-chromium: using ${found.path} (${found.source})`);
  return 0;
}

process.exit(main());
