import type { Metadata, Proposal, ProposalStatus } from '#contract';
import { randomUUID } from 'node:crypto';
import type { PendingEnrichment, ProductRow } from '../../catalog/products.repository';
import type { Clock } from '../../clock';
import { iso } from '../../clock';
import { readMetadata } from '../../db/json';
import { notFound } from '../../store/errors';
import type { Sql } from '../../store/sql';

export interface ProposalRow {
  id: string;
  capture_id: string;
  org_id: string;
  field_name: Proposal['field_name'];
  current_value: string;
  proposed_value: string;
  confidence: string;
  reasoning: string;
  source: string;
  status: ProposalStatus;
  metadata: string;
  created: string;
  reviewed_at: string | null;
  applied_at: string | null;
}

export function toProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    field_name: row.field_name,
    current_value: row.current_value,
    proposed_value: row.proposed_value,
    confidence: row.confidence,
    reasoning: row.reasoning,
    source: row.source,
    status: row.status,
    created: row.created,
    metadata: readMetadata(row.metadata),
    reviewed_at: row.reviewed_at,
  };
}

export function proposalsRepository(sql: Sql, clock: Clock) {
  return {
    /** One proposal per pending enrichment value, unless the capture already has them. */
    async createFor(
      captureId: string,
      orgId: string,
      product: ProductRow,
      pending: PendingEnrichment[],
    ): Promise<number> {
      const existing = await sql.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM proposals WHERE capture_id = ?',
        [captureId],
      );
      if (existing && existing.n > 0) return 0;
      const now = iso(clock);
      for (const p of pending) {
        await sql.run(
          `INSERT INTO proposals (id, capture_id, org_id, field_name, current_value, proposed_value, confidence, reasoning, source, created)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            randomUUID(),
            captureId,
            orgId,
            p.field_name,
            product[p.field_name],
            p.proposed_value,
            p.confidence,
            p.reasoning,
            p.source,
            now,
          ],
        );
      }
      return pending.length;
    },
    // In the order they were proposed: SQLite's rowid, PostgreSQL's seq column.
    forCapture: (captureId: string) =>
      sql.all<ProposalRow>(
        `SELECT * FROM proposals WHERE capture_id = ? ORDER BY created, ${sql.dialect === 'sqlite' ? 'rowid' : 'seq'}`,
        [captureId],
      ),
    async get(orgId: string, id: string): Promise<ProposalRow> {
      const row = await sql.get<ProposalRow>(
        'SELECT * FROM proposals WHERE id = ? AND org_id = ?',
        [id.toLowerCase(), orgId],
      );
      if (!row) throw notFound('Proposal');
      return row;
    },
    async review(id: string, status: 'ACCEPTED' | 'REJECTED', metadata: Metadata): Promise<void> {
      await sql.run('UPDATE proposals SET status = ?, reviewed_at = ?, metadata = ? WHERE id = ?', [
        status,
        iso(clock),
        JSON.stringify(metadata),
        id,
      ]);
    },
    async markApplied(id: string): Promise<void> {
      await sql.run('UPDATE proposals SET applied_at = ? WHERE id = ?', [iso(clock), id]);
    },
    /** Review progress across a session, for its extraction status. */
    sessionReview: async (sessionId: string) =>
      (await sql.get<{ total: number; pending: number | null; accepted: number | null }>(
        `SELECT COUNT(*) AS total,
           SUM(CASE WHEN p.status = 'PENDING' THEN 1 ELSE 0 END) AS pending,
           SUM(CASE WHEN p.status = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted
         FROM proposals p JOIN captures c ON c.id = p.capture_id WHERE c.session_id = ?`,
        [sessionId],
      )) ?? { total: 0, pending: null, accepted: null },
  };
}

export type ProposalsRepository = ReturnType<typeof proposalsRepository>;
