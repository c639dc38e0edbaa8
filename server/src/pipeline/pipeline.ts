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
 * NOT_FOUND / FAILED) in the background, and moves submitted sessions' extraction along.
 * State lives in SQLite, so `resume()` picks up whatever a restart interrupted.
 */
export class Pipeline {
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly deps: PipelineDeps) {}

  enqueue(captureId: string): void {
    this.track(this.process(captureId));
  }

  submitSession(sessionId: string): void {
    this.track(this.extract(sessionId));
  }

  async resume(): Promise<void> {
    for (const { id } of await this.deps.captures.unfinished()) this.enqueue(id);
    for (const { id } of await this.deps.sessions.extractionUnfinished()) this.submitSession(id);
  }

  /** Resolves once nothing is in flight (tests wait on this instead of sleeping). */
  idle(): Promise<void> {
    return this.inFlight === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }

  private track(job: Promise<void>): void {
    this.inFlight += 1;
    void job.finally(() => {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.waiters.splice(0).forEach((w) => w());
    });
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

  private async step(id: string, status: CaptureStatus): Promise<boolean> {
    await this.pause();
    if (this.stopped) return false;
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

  private async process(id: string): Promise<void> {
    const { captures, products, proposals } = this.deps;
    try {
      if (!(await this.step(id, 'LOOKING_UP'))) return;
      const row = await captures.find(id);
      if (!row) return;
      const isUrl = isHttpUrl(row.raw_value);
      const gtin = gtinOf(row);
      let product: ProductRow | undefined = gtin ? await products.byGtin(gtin) : undefined;
      if (product?.lookup_error) throw new LookupFailure(product.lookup_error);
      await captures.update(id, { gtin: gtin ?? '', product_id: product?.id ?? null });
      if (!gtin && !isUrl && row.capture_type !== 'IMAGE') return this.finish(id, 'NOT_FOUND');

      if (!(await this.step(id, 'ENRICHING'))) return;
      if (product)
        await proposals.createFor(
          id,
          row.org_id,
          await products.viewFor(row.org_id, product),
          readJson<PendingEnrichment[]>(product.pending_enrichment),
        );

      if (!(await this.step(id, 'RESOLVING'))) return;
      if (isUrl) {
        const analysis = await this.deps.analyzeUrl(row.raw_value);
        await captures.update(id, { qr_analysis: JSON.stringify(analysis) });
        if (!product && analysis.extracted_gtin) {
          product = await products.byGtin(analysis.extracted_gtin);
          if (product)
            await captures.update(id, { gtin: analysis.extracted_gtin, product_id: product.id });
        }
      }
      await this.pause();
      if (this.stopped) return;
      const knownGtin = gtin ?? null;
      await this.finish(id, knownGtin && !product ? 'NOT_FOUND' : 'COMPLETED');
    } catch (error) {
      if (this.stopped) return;
      if (!(error instanceof LookupFailure)) this.deps.onError(error, id);
      await this.finish(
        id,
        'FAILED',
        error instanceof LookupFailure
          ? error.message
          : 'Processing failed unexpectedly; retry the capture.',
      );
    }
  }

  private async extract(sessionId: string): Promise<void> {
    await this.pause();
    if (this.stopped) return;
    await this.deps.sessions.setExtraction(sessionId, 'processing');
    await this.pause();
    await this.pause();
    if (this.stopped) return;
    await this.deps.sessions.setExtraction(sessionId, 'ready');
  }
}
