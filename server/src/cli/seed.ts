import { parseArgs } from 'node:util';
import { CaptureMode } from '#contract';
import { seedSession } from '../catalog/seed-session';
import { openForCli } from './open';

const USAGE = `Usage:
  npm run seed -- session [--captures N] [--mode barcode_scan|product_photography|both]

Creates an ACTIVE session holding N settled captures (default 10000) for load and list
testing, and prints its id. Uses the same SCANNER_DATA_DIR as npm start.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      captures: { type: 'string', default: '10000' },
      mode: { type: 'string', default: 'barcode_scan' },
    },
  });
  const count = Number(values.captures);
  const mode = CaptureMode.safeParse(values.mode);
  if (positionals[0] !== 'session' || !Number.isInteger(count) || count < 0 || !mode.success) {
    console.error(USAGE);
    return 2;
  }
  const { sql, orgs } = await openForCli();
  try {
    const org = (await orgs.first()) ?? (await orgs.create('Local organization'));
    const id = await seedSession(sql, org.id, count, mode.data);
    console.log(id);
    return 0;
  } finally {
    await sql.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
