import {
  isHttpUrl,
  parseDigitalLink,
  toGtin14,
  type CaptureStatus,
  type QrAnalysis,
} from '#contract';
import type {
  PendingEnrichment,
  ProductRow,
  ProductsRepository,
} from '../catalog/products.repository';
import type { Clock } from '../clock';
import { iso } from '../clock';
import { readJson } from '../db/json';
import type { CaptureRow, CapturesRepository } from '../routes/captures/captures.repository';
import type { ProposalsRepository } from '../routes/proposals/proposals.repository';
import type { SessionsRepository } from '../routes/sessions/sessions.repository';
import type { Sql } from '../store/sql';
import type { JobQueue } from './jobs';
import { JobRunner } from './runner';

export interface PipelineDeps {
  captures: CapturesRepository;
  products: ProductsRepository;
  proposals: ProposalsRepository;
  sessions: SessionsRepository;
  clock: Clock;
  /** Pause between steps, so that a person can watch the statuses move (0 in tests). */
  stepDelayMs: number;
  analyzeUrl: (url: string) => Promise<QrAnalysis>;
  onError: (error: unknown, captureId: string) => void;
  /** The shared queue the work is claimed from. */
  jobs: JobQueue;
  /** For running the queue's claim once an enqueueing transaction has committed. */
  sql: Sql;
}

/** A failure the operator should read as is (a supplier error, say), not a bug. */
class LookupFailure extends Error {}

/** The GTIN a capture stands for: the client's, a Digital Link's, or the digits scanned. */
function gtinOf(row: CaptureRow): string | null {
  if (row.gtin) return row.gtin;
  const dl = readJson<Record<string, string>>(row.gs1_dl_data)['01'];
  if (dl) return toGtin14(dl);
  if (isHttpUrl(row.raw_value)) return parseDigitalLink(row.raw_value).gtin;
  return /^\d+$/.test(row.raw_value) ? toGtin14(row.raw_value) : null;
}

/**
 * Runs captures through PENDING -> LOOKING_UP -> ENRICHING -> RESOLVING -> COMPLETED (or
 * NOT_FOUND / FAILED) in the background, and moves submitted sessions' extraction along. The
 * work is queued in the database (jobs.ts): any instance runs it, once, and what a crash or a
 * restart interrupted is picked up again.
 */
export class Pipeline {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private readonly runner: JobRunner;

  constructor(private readonly deps: PipelineDeps) {
    this.runner = new JobRunner(
      deps.jobs,
      (job, alive) =>
        job.kind === 'capture' ? this.process(job.target, alive) : this.extract(job.target, alive),
      (error) => deps.onError(error, '(the job queue)'),
    );
  }

  /** Queues a capture; it runs once the caller's transaction (if any) has committed. */
  async enqueue(captureId: string): Promise<void> {
    await this.deps.jobs.add('capture', captureId);
    this.deps.sql.afterCommit(() => this.runner.kick());
  }

  async submitSession(sessionId: string): Promise<void> {
    await this.deps.jobs.add('extraction', sessionId);
    this.deps.sql.afterCommit(() => this.runner.kick());
  }

  /** Starts claiming: first the work a database from before the queue left unfinished. */
  async resume(): Promise<void> {
    await this.deps.jobs.freeDeadLeases();
    await this.deps.jobs.backfill();
    this.runner.start();
  }

  /** Resolves once nothing is in flight here (tests wait on this instead of sleeping). */
  idle(): Promise<void> {
    return this.runner.idle();
  }

  /** A clean stop frees this instance's jobs at once; `release: false` leaves them as a crash would. */
  async stop(options: { release?: boolean } = {}): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    await this.runner.stop(options);
  }

  private pause(): Promise<void> {
    if (this.deps.stepDelayMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, this.deps.stepDelayMs);
      this.timers.add(timer);
    });
  }

  /** Waits, then moves on unless stopped or the job is no longer this instance's. */
  private async next(alive: () => Promise<boolean>): Promise<boolean> {
    await this.pause();
    return !this.stopped && (await alive());
  }

  private async step(
    id: string,
    status: CaptureStatus,
    alive: () => Promise<boolean>,
  ): Promise<boolean> {
    if (!(await this.next(alive))) return false;
    await this.deps.captures.update(id, { status });
    return true;
  }

  private finish(id: string, status: CaptureStatus, errorMessage = ''): Promise<void> {
    return this.deps.captures.update(id, {
      status,
      error_message: errorMessage,
      processed_at: iso(this.deps.clock),
    });
  }

  /** One capture's way through; true once it has reached a final status (or is gone). */
  private async process(id: string, alive: () => Promise<boolean>): Promise<boolean> {
    const { captures, products, proposals } = this.deps;
    try {
      if (!(await this.step(id, 'LOOKING_UP', alive))) return false;
      const row = await captures.find(id);
      if (!row) return true;
      const isUrl = isHttpUrl(row.raw_value);
      const gtin = gtinOf(row);
      let product: ProductRow | undefined = gtin ? await products.byGtin(gtin) : undefined;
      if (product?.lookup_error) throw new LookupFailure(product.lookup_error);
      await captures.update(id, { gtin: gtin ?? '', product_id: product?.id ?? null });
      if (!gtin && !isUrl && row.capture_type !== 'IMAGE') {
        await this.finish(id, 'NOT_FOUND');
        return true;
      }

      if (!(await this.step(id, 'ENRICHING', alive))) return false;
      if (product)
        await proposals.createFor(
          id,
          row.org_id,
          await products.viewFor(row.org_id, product),
          readJson<PendingEnrichment[]>(product.pending_enrichment),
        );

      if (!(await this.step(id, 'RESOLVING', alive))) return false;
      if (isUrl) {
        const analysis = await this.deps.analyzeUrl(row.raw_value);
        await captures.update(id, { qr_analysis: JSON.stringify(analysis) });
        if (!product && analysis.extracted_gtin) {
          product = await products.byGtin(analysis.extracted_gtin);
          if (product)
            await captures.update(id, { gtin: analysis.extracted_gtin, product_id: product.id });
        }
      }
      if (!(await this.next(alive))) return false;
      const knownGtin = gtin ?? null;
      await this.finish(id, knownGtin && !product ? 'NOT_FOUND' : 'COMPLETED');
      return true;
    } catch (error) {
      if (this.stopped) return false;
      if (!(error instanceof LookupFailure)) this.deps.onError(error, id);
      await this.finish(
        id,
        'FAILED',
        error instanceof LookupFailure
          ? error.message
          : 'Processing failed unexpectedly; retry the capture.',
      );
      return true;
    }
  }

  private async extract(sessionId: string, alive: () => Promise<boolean>): Promise<boolean> {
    if (!(await this.next(alive))) return false;
    await this.deps.sessions.setExtraction(sessionId, 'processing');
    await this.pause();
    if (!(await this.next(alive))) return false;
    await this.deps.sessions.setExtraction(sessionId, 'ready');
    return true;
  }
}
