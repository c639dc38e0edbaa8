import { describe, expect, it } from 'vitest';
import { formatApiKey } from '#contract';
import { LEASE_MS } from './pipeline/jobs';
import { freshDatabaseUrl, testEngine } from './test/harness';
import { postJson, startLocalServer, type LocalServer } from './test/server-process';

const KEY = formatApiKey('csb', 'TwoInstancesTwoInstancesTwoInst1');

const post = (server: LocalServer, url: string, body: unknown, idem?: string) =>
  postJson({ url: server.url, key: KEY }, url, body, idem);

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer. A is killed with
 * SIGKILL under load; the clients retry on B with the same Idempotency-Keys. Nothing that A
 * acknowledged is lost or doubled, and B finishes the pipeline jobs A was holding once their
 * leases run out.
 */
describe.skipIf(testEngine !== 'postgres')(
  'two instances, one killed',
  { timeout: 120_000 },
  () => {
    it('loses no acknowledged capture, and the other finishes its jobs', async () => {
      const env = {
        SCANNER_DATABASE_URL: await freshDatabaseUrl(),
        SCANNER_BOOTSTRAP_KEY: KEY,
        SCANNER_RATE_LIMIT_PER_MINUTE: '1000000',
        SCANNER_IP_RATE_LIMIT_PER_MINUTE: '1000000',
        // Slow steps, so that A dies holding jobs half done.
        SCANNER_PIPELINE_DELAY_MS: '300',
      };
      const a = await startLocalServer(env);
      const b = await startLocalServer(env);
      try {
        const session = (
          (await (await post(a, '/scanner/api/v1/sessions', {})).json()) as {
            id: string;
          }
        ).id;
        const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
        const body = (k: string) => ({
          session_short_id: session,
          capture_type: 'BARCODE',
          raw_value: '4006381333931',
          metadata: { client_capture_id: k },
        });
        const acknowledged = new Map<string, string>();
        const started = performance.now();
        const inFlight = keys.map(async (k) => {
          try {
            const res = await post(a, '/scanner/api/v1/captures', body(k), k);
            if (res.status === 201) acknowledged.set(k, ((await res.json()) as { id: string }).id);
          } catch {
            // A died with the connection open: the client retries on B below.
          }
        });
        // Mid-load: once A has answered some, while it still works on the rest.
        for (let i = 0; i < 1000 && acknowledged.size < 30; i++)
          await new Promise((r) => setTimeout(r, 10));
        const killedAfter = performance.now() - started;
        a.process.kill('SIGKILL');
        await Promise.all(inFlight);

        for (const k of keys) {
          let res = await post(b, '/scanner/api/v1/captures', body(k), k);
          // A claim A held when it died answers 409 until its lease runs out.
          for (let i = 0; res.status === 409 && i < 40; i++) {
            await new Promise((r) => setTimeout(r, 1000));
            res = await post(b, '/scanner/api/v1/captures', body(k), k);
          }
          expect(res.status, k).toBe(201);
          const { id } = (await res.json()) as { id: string };
          if (acknowledged.has(k)) expect(id).toBe(acknowledged.get(k));
        }

        const statuses = async () =>
          (
            (await (
              await fetch(`${b.url}/scanner/api/v1/sessions/${session}`, {
                headers: { 'x-api-key': KEY },
              })
            ).json()) as { captures: { status: string; metadata: { client_capture_id: string } }[] }
          ).captures;
        await expect
          .poll(async () => (await statuses()).every((c) => c.status === 'COMPLETED'), {
            timeout: LEASE_MS + 30_000,
            interval: 500,
          })
          .toBe(true);
        const ids = (await statuses()).map((c) => c.metadata.client_capture_id);
        expect(new Set(ids)).toEqual(new Set(keys));
        expect(ids).toHaveLength(keys.length);
        console.log(
          `two instances: A killed after ${Math.round(killedAfter)} ms with ${acknowledged.size} of 100 acknowledged; B delivered all 100 once and finished every job`,
        );
      } finally {
        await b.stop();
        if (a.process.exitCode === null && a.process.signalCode === null) await a.stop();
      }
    });
  },
);
