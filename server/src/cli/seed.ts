import { parseArgs } from 'node:util';
import { CaptureMode } from '#contract';
import { systemClock } from '../clock';
import { capturesRepository } from '../routes/captures/captures.repository';
import { sessionsRepository } from '../routes/sessions/sessions.repository';
import { openForCli } from './open';

const USAGE = `Usage:
  npm run seed -- session [--captures N] [--mode barcode_scan|product_photography|both]

Creates an ACTIVE session holding N settled captures (default 10000) for load and list
testing, and prints its id. Uses the same SCANNER_DATA_DIR as npm start.`;

/** Valid EAN-13s from a counter: 12 digits, then the check digit. */
function ean13(n: number): string {
  const body = `200${String(n).padStart(9, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function main(argv: string[]): number {
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
  const { db, orgs } = openForCli();
  try {
    const org = orgs.first() ?? orgs.create('Local organization');
    const sessions = sessionsRepository(db, systemClock);
    const captures = capturesRepository(db, systemClock);
    // One transaction: 10,000 rows in well under a second, and all or nothing.
    const id = db.transaction(() => {
      const session = sessions.create({
        orgId: org.id,
        captureMode: mode.data,
        userAgent: 'npm run seed',
        deviceContext: { source: 'seed' },
        metadata: {},
      });
      const settle = db.prepare(
        `UPDATE captures SET status = ?, processed_at = created, error_message = ? WHERE id = ?`,
      );
      for (let i = 0; i < count; i++) {
        const gtin = `0${ean13(i)}`;
        const row = captures.create({
          sessionId: session.id,
          orgId: org.id,
          captureType: 'BARCODE',
          rawValue: gtin.slice(1),
          gtin,
          metadata: { format: 'ean13', engine: 'seed' },
          gs1DlData: {},
        });
        settle.run(i % 10 === 9 ? 'NOT_FOUND' : 'COMPLETED', '', row.id);
      }
      return session.id;
    })();
    console.log(id);
    return 0;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
