import { type Job, type JobQueue, LEASE_MS } from './jobs';

/**
 * Jobs one instance runs at once. A job spends nearly all its time waiting (the step delay, a
 * URL's lookup), not computing, so this bounds memory and leases, not CPU: with 8, a store's
 * ten phones scanning one code a second each outran the pipeline and their captures queued.
 */
const CONCURRENCY = 128;
/** How often an instance looks for jobs others enqueued, or a crashed one left behind. */
const POLL_MS = 1_000;

/**
 * Claims jobs from the shared queue and runs them, up to CONCURRENCY at once: at once when
 * this instance enqueues one (after its transaction commits), and on a slow poll for the
 * rest. `work` answers whether the job finished; an unfinished one (this instance stopping)
 * keeps its row for the next claim.
 */
export class JobRunner {
  private running = 0;
  private claiming = false;
  private again = false;
  private busy = 0;
  private waiters: (() => void)[] = [];
  private poll: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly jobs: JobQueue,
    private readonly work: (job: Job, alive: () => Promise<boolean>) => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (!this.poll) {
      this.poll = setInterval(() => this.kick(), POLL_MS);
      this.poll.unref();
    }
    this.kick();
  }

  /** Looks for jobs now. */
  kick(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    this.track(this.claimAll());
  }

  /** Resolves once nothing is being claimed or run here (tests wait on this, not on time). */
  idle(): Promise<void> {
    return this.busy === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops claiming; a clean stop frees this instance's leases, a crash (`release: false`) not. */
  async stop({ release = true } = {}): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (release) await this.jobs.release();
  }

  private async claimAll(): Promise<void> {
    try {
      while (!this.stopped && this.running < CONCURRENCY) {
        const job = await this.jobs.claim();
        if (!job) break;
        this.running += 1;
        this.track(this.run(job));
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.claiming = false;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    }
  }

  private async run(job: Job): Promise<void> {
    // A step may wait on the network for longer than the lease: the lease is kept alive apart.
    const heartbeat = setInterval(() => {
      this.jobs.renew(job.id).catch((error: unknown) => this.onError(error));
    }, LEASE_MS / 3);
    heartbeat.unref();
    try {
      const finished = await this.work(job, () => this.jobs.holds(job.id));
      if (finished && !this.stopped) await this.jobs.done(job.id);
    } catch (error) {
      this.onError(error);
    } finally {
      clearInterval(heartbeat);
      this.running -= 1;
      this.kick();
    }
  }

  private track(task: Promise<void>): void {
    this.busy += 1;
    void task.finally(() => {
      this.busy -= 1;
      if (this.busy === 0) this.waiters.splice(0).forEach((w) => w());
    });
  }
}
