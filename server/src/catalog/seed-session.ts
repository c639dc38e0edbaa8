import type { CaptureMode } from '#contract';
import { systemClock } from '../clock';
import type { Sql } from '../store/sql';
import { capturesRepository } from '../routes/captures/captures.repository';
import { sessionsRepository } from '../routes/sessions/sessions.repository';

/** Valid EAN-13s from a counter: 12 digits, then the check digit. */
function ean13(n: number): string {
  const body = `200${String(n).padStart(9, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * An ACTIVE session holding `count` settled captures, for load and list testing (`npm run
 * seed`, the benchmarks). One transaction: 10,000 rows in well under a second, all or nothing.
 */
export function seedSession(
  sql: Sql,
  orgId: string,
  count: number,
  mode: CaptureMode,
): Promise<string> {
  const sessions = sessionsRepository(sql, systemClock);
  const captures = capturesRepository(sql, systemClock);
  return sql.transaction(async () => {
    const session = await sessions.create({
      orgId,
      captureMode: mode,
      userAgent: 'npm run seed',
      deviceContext: { source: 'seed' },
      metadata: {},
    });
    for (let i = 0; i < count; i++) {
      const gtin = `0${ean13(i)}`;
      const row = await captures.create({
        sessionId: session.id,
        orgId,
        captureType: 'BARCODE',
        rawValue: gtin.slice(1),
        gtin,
        metadata: { format: 'ean13', engine: 'seed' },
        gs1DlData: {},
      });
      await sql.run(
        `UPDATE captures SET status = ?, processed_at = created, error_message = ? WHERE id = ?`,
        [i % 10 === 9 ? 'NOT_FOUND' : 'COMPLETED', '', row.id],
      );
    }
    return session.id;
  });
}
