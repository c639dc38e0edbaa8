import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatApiKey } from '#contract';
import { postJson, startLocalServer, type LocalServer } from './test/server-process';

/**
 * The real server as a process, killed with SIGKILL while captures are in flight. Whatever the
 * kill interrupts, the client's retry with the same Idempotency-Key must end as the one
 * capture: a 201 (new or replayed), never a 409 that lasts, never a duplicate.
 */
const KEY = formatApiKey('csb', 'CrashCrashCrashCrashCrashCrash12');
const ENV = {
  SCANNER_BOOTSTRAP_KEY: KEY,
  SCANNER_RATE_LIMIT_PER_MINUTE: '1000000',
  SCANNER_IP_RATE_LIMIT_PER_MINUTE: '1000000',
};

const post = (server: LocalServer, url: string, body: unknown, idem?: string) =>
  postJson({ url: server.url, key: KEY }, url, body, idem);

const scan = (session: string, idem: string) => ({
  session_short_id: session,
  capture_type: 'BARCODE',
  raw_value: '4006381333931',
  metadata: { client_capture_id: idem },
});

/** Sends until the server gives its final word, waiting out in-flight 409s as the app does. */
async function deliver(server: LocalServer, session: string, idem: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await post(server, '/scanner/api/v1/captures', scan(session, idem), idem);
    if (res.status !== 409 || !res.headers.get('retry-after')) return res;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${idem} stayed 409`);
}

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

describe('the server under SIGKILL', { timeout: 120_000 }, () => {
  it('never loses an acknowledged capture, never doubles one, never wedges a key', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-crash-'));
    let server = await startLocalServer(ENV, { dataDir, keepData: true });
    const session = (
      (await (await post(server, '/scanner/api/v1/sessions', {})).json()) as {
        id: string;
      }
    ).id;
    const acknowledged = new Map<string, string>();
    const sent: string[] = [];
    const ROUNDS = Number(process.env['CRASH_ROUNDS'] ?? 10);
    const PER_ROUND = 100;
    for (let round = 0; round < ROUNDS; round++) {
      const keys = Array.from({ length: PER_ROUND }, (_, i) => `r${round}-${i}`);
      sent.push(...keys);
      const inFlight = keys.map(async (k) => {
        try {
          const res = await post(server, '/scanner/api/v1/captures', scan(session, k), k);
          if (res.status === 201) acknowledged.set(k, ((await res.json()) as { id: string }).id);
        } catch {
          // The connection died with the server: the outbox would retry, and so do we below.
        }
      });
      await new Promise((r) => setTimeout(r, 10 + round * 25)); // early, mid-load, late
      server.process.kill('SIGKILL');
      await Promise.all(inFlight);
      const dead = server.process;
      // A process killed by a signal keeps exitCode null: look at signalCode too.
      if (dead.exitCode === null && dead.signalCode === null) {
        await new Promise((r) => dead.once('exit', r));
      }
      server = await startLocalServer(ENV, { dataDir, keepData: true });
      for (const k of keys) {
        const res = await deliver(server, session, k);
        expect(res.status, `${k}: ${await res.clone().text()}`).toBe(201);
        const { id } = (await res.json()) as { id: string };
        if (acknowledged.has(k)) expect(id).toBe(acknowledged.get(k));
      }
    }
    const detail = (await (
      await fetch(`${server.url}/scanner/api/v1/sessions/${session}`, {
        headers: { 'x-api-key': KEY },
      })
    ).json()) as { captures: { metadata: { client_capture_id: string } }[] };
    const ids = detail.captures.map((c) => c.metadata.client_capture_id);
    expect(ids).toHaveLength(ROUNDS * PER_ROUND);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(sent));
    console.log(
      `crash loop: ${ROUNDS} kills, ${sent.length} sent, ${acknowledged.size} acknowledged before a kill, ${ids.length} present, ${ids.length - new Set(ids).size} duplicates, 0 wedged keys`,
    );
    await server.stop();
  });

  it('reads no forged upload into memory: 24 bogus 15 MB uploads leave RSS within 30 MB', async () => {
    const server = await startLocalServer(ENV);
    try {
      const pid = server.process.pid ?? 0;
      const file = new Uint8Array(15 * 1024 * 1024 - 1024).fill(7);
      const upload = () => {
        const form = new FormData();
        form.append('key', 'sessions/x/front/y.jpg');
        form.append('policy', Buffer.from('{"key":"sessions/x/front/y.jpg"}').toString('base64'));
        form.append('x-amz-signature', 'f'.repeat(64));
        form.append('file', new Blob([file], { type: 'image/jpeg' }), 'y.jpg');
        return fetch(`${server.url}/scanner/uploads`, { method: 'POST', body: form }).then(
          (r) => r.status,
          () => 'reset',
        );
      };
      // Warm up the paths involved, so the baseline includes the code they load.
      await Promise.all(Array.from({ length: 2 }, upload));
      const before = rssOf(pid);
      const statuses = await Promise.all(Array.from({ length: 24 }, upload));
      const after = rssOf(pid);
      console.log(
        `bogus uploads: RSS ${(before / 2 ** 20).toFixed(0)} MB -> ${(after / 2 ** 20).toFixed(0)} MB`,
      );
      expect(statuses.every((s) => s === 403 || s === 'reset')).toBe(true);
      expect(statuses).toContain(403);
      expect(after - before).toBeLessThan(30 * 1024 * 1024);
    } finally {
      await server.stop();
    }
  });
});
