import type { Metadata, Proposal, ProposalStatus } from '#contract';
import { randomUUID } from 'node:crypto';
import type { PendingEnrichment, ProductRow } from '../../catalog/products.repository';
import type { Clock } from '../../clock';
import { iso } from '../../clock';
import { type Db, statement } from '../../db/database';
import { readMetadata } from '../../db/json';
import { notFound } from '../../http/errors';

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

export function proposalsRepository(db: Db, clock: Clock) {
  return {
    /** One proposal per pending enrichment value, unless the capture already has them. */
    createFor(
      captureId: string,
      orgId: string,
      product: ProductRow,
      pending: PendingEnrichment[],
    ): number {
      const existing = db
        .prepare('SELECT COUNT(*) AS n FROM proposals WHERE capture_id = ?')
        .get(captureId) as { n: number };
      if (existing.n > 0) return 0;
      const insert = statement(
        db,
        `INSERT INTO proposals (id, capture_id, org_id, field_name, current_value, proposed_value, confidence, reasoning, source, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const now = iso(clock);
      for (const p of pending) {
        insert.run(
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
        );
      }
      return pending.length;
    },
    forCapture: (captureId: string) =>
      db
        .prepare('SELECT * FROM proposals WHERE capture_id = ? ORDER BY created, rowid')
        .all(captureId) as ProposalRow[],
    get(orgId: string, id: string): ProposalRow {
      const row = db
        .prepare('SELECT * FROM proposals WHERE id = ? AND org_id = ?')
        .get(id.toLowerCase(), orgId) as ProposalRow | undefined;
      if (!row) throw notFound('Proposal');
      return row;
    },
    review(id: string, status: 'ACCEPTED' | 'REJECTED', metadata: Metadata): void {
      statement(
        db,
        'UPDATE proposals SET status = ?, reviewed_at = ?, metadata = ? WHERE id = ?',
      ).run(status, iso(clock), JSON.stringify(metadata), id);
    },
    markApplied(id: string): void {
      statement(db, 'UPDATE proposals SET applied_at = ? WHERE id = ?').run(iso(clock), id);
    },
    /** Review progress across a session, for its extraction status. */
    sessionReview: (sessionId: string) =>
      db
        .prepare(
          `SELECT COUNT(*) AS total, SUM(p.status = 'PENDING') AS pending, SUM(p.status = 'ACCEPTED') AS accepted
           FROM proposals p JOIN captures c ON c.id = p.capture_id WHERE c.session_id = ?`,
        )
        .get(sessionId) as { total: number; pending: number | null; accepted: number | null },
  };
}

export type ProposalsRepository = ReturnType<typeof proposalsRepository>;
