import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';
import { jobQueue, LEASE_MS } from './jobs';

let t: TestApp;
afterEach(() => t.close());

describe('the pipeline', () => {
  it('moves every waiting capture along at once, not a few at a time', async () => {
    // Each step waits a minute: a capture that the runner took is parked in LOOKING_UP.
    t = await createTestApp({ pipelineDelayMs: 60_000 });
    const session = await t.createSession();
    const count = 40;
    for (let i = 0; i < count; i++) {
      const res = await t.call({
        method: 'POST',
        url: '/scanner/api/v1/captures',
        body: { session_short_id: session, capture_type: 'MANUAL', raw_value: `shelf ${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
    const taken = async () =>
      (await t.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM jobs WHERE owner IS NOT NULL'))
        ?.n ?? 0;
    // Claims run right after each commit; the loop only bounds a failing run.
    for (let i = 0; i < 100 && (await taken()) < count; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await taken()).toBe(count);
  });

  it('tells a step whether its job is still its own, by reading, until the lease runs out', async () => {
    t = await createTestApp();
    await t.app.services.pipeline.stop();
    const mine = jobQueue(t.sql, t.clock);
    const theirs = jobQueue(t.sql, t.clock);
    await mine.add('capture', 'c1');
    const job = await mine.claim();
    if (!job) throw new Error('no job claimed');
    const writes = await t.sql.get<{ n: number }>('SELECT total_changes() AS n').catch(() => null);
    expect(await mine.holds(job.id)).toBe(true);
    expect(await theirs.holds(job.id)).toBe(false);
    if (writes) expect(await t.sql.get('SELECT total_changes() AS n')).toEqual(writes);
    t.clock.advance(LEASE_MS);
    expect(await mine.holds(job.id)).toBe(false);
    expect((await theirs.claim())?.id).toBe(job.id);
    expect(await theirs.holds(job.id)).toBe(true);
  });
});
