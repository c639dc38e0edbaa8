import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from './store/sqlite';
import { describe, expect, it } from 'vitest';
import { formatApiKey } from '#contract';
import { startLocalServer } from './test/server-process';

/** These run the real `server/src/main.ts` as a process, as `npm start` does. */
const api = (base: string, key: string, url: string, init: RequestInit = {}) =>
  fetch(`${base}${url}`, {
    ...init,
    headers: { 'content-type': 'application/json', 'x-api-key': key, ...init.headers },
  });

describe('the server process', { timeout: 30_000 }, () => {
  it('on an empty data folder: creates the database, prints a key once, and that key works', async () => {
    const server = await startLocalServer();
    try {
      expect(server.key).toMatch(/^cpk_[A-Za-z0-9]{32}_[0-9a-f]{8}$/);
      expect(server.output()).toContain(`${server.url}/connect#key=`);
      // The same link as a terminal QR code, for a phone (half-block characters).
      expect(server.output()).toMatch(/[▀▄█]{10}/);
      const res = await api(server.url, server.key, '/scanner/api/v1/sessions', {
        method: 'POST',
        body: '{}',
      });
      expect(res.status).toBe(201);
    } finally {
      await server.stop();
    }
  });

  it('keeps an acknowledged write through kill -9, and prints no new key on restart', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-kill-'));
    const first = await startLocalServer({}, { dataDir, keepData: true });
    const session = (await (
      await api(first.url, first.key, '/scanner/api/v1/sessions', { method: 'POST', body: '{}' })
    ).json()) as { id: string };
    const capture = await api(first.url, first.key, '/scanner/api/v1/captures', {
      method: 'POST',
      body: JSON.stringify({
        session_short_id: session.id,
        capture_type: 'BARCODE',
        raw_value: '4006381333931',
      }),
    });
    expect(capture.status).toBe(201);
    const { id } = (await capture.json()) as { id: string };
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));

    const second = await startLocalServer({}, { dataDir });
    try {
      expect(second.output()).not.toContain('API key (shown once');
      const res = await api(second.url, first.key, `/scanner/api/v1/captures/${id}`);
      expect(res.status).toBe(200);
      // The pipeline resumes whatever the kill interrupted.
      await expect
        .poll(
          async () =>
            (
              (await (
                await api(second.url, first.key, `/scanner/api/v1/captures/${id}`)
              ).json()) as { status: string }
            ).status,
        )
        .toBe('COMPLETED');
    } finally {
      await second.stop();
    }
  });

  it('shuts down gracefully on SIGTERM', async () => {
    const server = await startLocalServer();
    const exit = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(server.output()).toContain('SIGTERM: shutting down');
    await server.stop();
  });

  it('uses SCANNER_BOOTSTRAP_KEY instead of printing a new key', async () => {
    const key = formatApiKey('cpk', 'QAqaQAqaQAqaQAqaQAqaQAqaQAqaQAqa');
    const server = await startLocalServer({ SCANNER_BOOTSTRAP_KEY: key });
    try {
      expect(
        (await api(server.url, key, '/scanner/api/v1/sessions', { method: 'POST', body: '{}' }))
          .status,
      ).toBe(201);
    } finally {
      await server.stop();
    }
  });

  it('refuses to start on a bad setting, naming it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT="eighty"');
  });

  it('refuses to start on a database URL it cannot use, naming the variable, hiding the password', () => {
    const start = (url: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env: {
          ...process.env,
          PORT: '0',
          SCANNER_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'scanner-badurl-')),
          SCANNER_DATABASE_URL: url,
        },
        encoding: 'utf8',
      });
    const unreachable = start('postgres://scanner:s3cret@127.0.0.1:1/store?connect_timeout=2');
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toContain('SCANNER_DATABASE_URL');
    expect(unreachable.stderr).toContain('scanner:***@127.0.0.1:1');
    const malformed = start('mysql://scanner:s3cret@db/store');
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toMatch(/SCANNER_DATABASE_URL="mysql:\/\/scanner:\*\*\*@db\/store"/);
    for (const r of [unreachable, malformed]) expect(r.stderr + r.stdout).not.toContain('s3cret');
  });

  it('manages keys from the CLI: create, list, revoke', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-cli-'));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/keys.ts', ...args], {
        env: { ...process.env, SCANNER_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    const created = cli('create', '--prefix', 'csb', '--label', 'qa');
    expect(created.status).toBe(0);
    const key = /csb_[A-Za-z0-9]{32}_[0-9a-f]{8}/.exec(created.stdout)?.[0] ?? '';
    const id = /Created key (\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(cli('list').stdout).toMatch(new RegExp(`${id}.*active.*qa`));
    const server = await startLocalServer({}, { dataDir, keepData: true });
    try {
      expect(
        (await api(server.url, key, '/scanner/api/v1/sessions', { method: 'POST', body: '{}' }))
          .status,
      ).toBe(201);
      expect(cli('revoke', id).status).toBe(0);
      expect(
        (await api(server.url, key, '/scanner/api/v1/sessions', { method: 'POST', body: '{}' }))
          .status,
      ).toBe(401);
    } finally {
      await server.stop();
    }
    expect(cli('revoke', id).status).toBe(1);
    expect(cli('create', '--prefix', 'xyz').stderr).toMatch(/--prefix must be one of/);
  });

  it('moves a store to another database with npm run db -- export / import', () => {
    const run = (dataDir: string, tool: string, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', `server/src/cli/${tool}.ts`, ...args], {
        env: { ...process.env, SCANNER_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    const from = mkdtempSync(path.join(os.tmpdir(), 'scanner-from-'));
    const to = mkdtempSync(path.join(os.tmpdir(), 'scanner-to-'));
    const file = path.join(from, 'store.jsonl');
    expect(run(from, 'keys', 'create', '--label', 'moved').status).toBe(0);
    expect(run(from, 'seed', 'session', '--captures', '25').status).toBe(0);
    const exported = run(from, 'db', 'export', file);
    expect(exported.stdout).toMatch(/Exported \d+ rows/);
    expect(run(to, 'db', 'import', file).stdout).toMatch(/Imported \d+ rows/);
    expect(run(to, 'keys', 'list').stdout).toBe(run(from, 'keys', 'list').stdout);
    // Importing again would mix two stores: refused, with the reason, and nothing changed.
    const again = run(to, 'db', 'import', file);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
    expect(run(to, 'db', 'export', file).stderr).toMatch(/already exists; export to a new file/);
    expect(run(to, 'db', 'frobnicate').status).toBe(2);
  });

  it('keys CLI: --help, unknown options, and keys for a second organization', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-cli-'));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/keys.ts', ...args], {
        env: { ...process.env, SCANNER_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage:[\s\S]*--org ID\|NAME/);
    const unknown = cli('create', '--nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--nope'[\s\S]*Usage:/);
    expect(unknown.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace

    expect(cli('create').status).toBe(0);
    const second = cli('create', '--org', 'Store 42', '--label', 'tills');
    expect(second.stdout).toMatch(/Created organization (\S+) \(Store 42\)/);
    const orgs = cli('orgs').stdout.trim().split('\n');
    expect(orgs).toHaveLength(2);
    const storeId = /(\S+)\s+Store 42/.exec(cli('orgs').stdout)?.[1] ?? '';
    // The same name again chooses it rather than making a third.
    expect(cli('create', '--org', 'Store 42').stdout).not.toMatch(/Created organization/);
    expect(cli('create', '--org', storeId).stdout).toContain(`for Store 42 (${storeId})`);
    const listed = cli('list', '--org', 'Store 42').stdout.trim().split('\n');
    expect(listed).toHaveLength(3);
    expect(listed.every((line) => line.includes(`org ${storeId}`))).toBe(true);
    expect(cli('list', '--org', 'Nobody').status).toBe(1);

    // A key's own limits: stored with it, and a bad number named.
    const limited = cli('create', '--label', 'kiosk', '--per-minute', '3', '--per-day', '100');
    expect(limited.status).toBe(0);
    const sql = openSqlite(path.join(dataDir, 'scanner.db'));
    expect(
      await sql.get(
        "SELECT rate_limit_per_minute AS m, rate_limit_per_day AS d FROM api_keys WHERE label = 'kiosk'",
      ),
    ).toEqual({ m: 3, d: 100 });
    await sql.close();
    const zero = cli('create', '--per-minute', '0');
    expect(zero.status).toBe(1);
    expect(zero.stderr).toMatch(/--per-minute must be a whole number from 1/);
  });
});
