import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { startLocalServer } from '../test/server-process';
import { selfSignedLocalhost } from '../test/tls';

/** The real server as a process, started as `npm start -- --lan` starts it (on loopback here). */
const LAN_ENV = { SCANNER_TLS_NAMES: 'scanner.test' };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  certificate?: string;
}

function get(url: string, ca?: string, agent?: https.Agent): Promise<Answer> {
  const u = new URL(url);
  const client = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      u.protocol === 'https:'
        ? { ca, servername: u.hostname === '127.0.0.1' ? undefined : u.hostname, agent }
        : {},
      (res) => {
        const socket = res.socket as TLSSocket | null;
        const certificate =
          typeof socket?.getPeerCertificate === 'function'
            ? socket.getPeerCertificate().fingerprint256
            : undefined;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ...(certificate ? { certificate } : {}),
          });
        });
      },
    );
    req.on('error', reject);
  });
}

const portOf = (url: string) => new URL(url).port;

describe('npm start -- --lan', { timeout: 60_000 }, () => {
  it('serves HTTPS with its own CA, /trust in both formats, and redirects plain HTTP', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scanner-lan-'));
    const started = Date.now();
    const server = await startLocalServer(LAN_ENV, { dataDir, keepData: true, args: ['--lan'] });
    const coldMs = Date.now() - started;
    try {
      expect(server.url).toMatch(/^https:\/\//);
      expect(server.output()).toContain('Created a local certificate authority');
      expect(server.output()).toMatch(
        /scan this to trust this server and connect: https:\S+\/trust#key=/,
      );
      const ca = readFileSync(path.join(dataDir, 'tls', 'ca.crt'), 'utf8');
      // The e2e suite reaches it as scanner.test (Chromium's host rules); Node goes by address.
      const at = (p: string) => get(`https://127.0.0.1:${portOf(server.url)}${p}`, ca);

      const health = await at('/healthz');
      expect(health.status).toBe(200);
      expect(health.headers['strict-transport-security']).toBe('max-age=31536000');

      const page = await at('/trust');
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body.toString()).toContain('only identifies');
      const crt = await at('/trust/closient-scanner-ca.crt');
      expect(crt.headers['content-type']).toBe('application/x-x509-ca-cert');
      expect(new x509.X509Certificate(crt.body).toString('pem')).toBe(
        new x509.X509Certificate(ca).toString('pem'),
      );
      const profile = await at('/trust/closient-scanner.mobileconfig');
      expect(profile.headers['content-type']).toBe('application/x-apple-aspen-config');
      expect(profile.body.toString()).toContain('<string>com.apple.security.root</string>');
      expect(profile.body.toString()).toContain(crt.body.toString('base64'));

      const plain = await get(`http://127.0.0.1:${portOf(server.url)}/sessions/x?y=1`);
      expect(plain.status).toBe(308);
      expect(plain.headers.location).toBe(`https://127.0.0.1:${portOf(server.url)}/sessions/x?y=1`);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      console.log(`--lan cold start to serving (first start, CA made): ${coldMs} ms`);
    } finally {
      await server.stop();
    }

    // A later start keeps the CA and the certificate; a new name gets a new certificate only.
    const again = Date.now();
    const second = await startLocalServer(LAN_ENV, { dataDir, keepData: true, args: ['--lan'] });
    console.log(`--lan start to serving (later start): ${Date.now() - again} ms`);
    expect(second.output()).toContain('Using the local certificate authority');
    expect(second.output()).toContain('still covers');
    await second.stop();
    const renamed = await startLocalServer(
      { SCANNER_TLS_NAMES: 'scanner.test,till-9.store.test' },
      { dataDir, keepData: true, args: ['--lan'] },
    );
    expect(renamed.output()).toMatch(/Issued a server certificate for .*till-9\.store\.test/);
    await renamed.stop();
  });

  it('takes a store certificate from SCANNER_TLS_CERT/KEY and reloads it on SIGHUP without dropping connections', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scanner-byo-'));
    const first = await selfSignedLocalhost();
    const certPath = path.join(dir, 'cert.pem');
    const keyPath = path.join(dir, 'key.pem');
    writeFileSync(certPath, first.cert);
    writeFileSync(keyPath, first.key);
    const server = await startLocalServer({ SCANNER_TLS_CERT: certPath, SCANNER_TLS_KEY: keyPath });
    try {
      const url = `https://localhost:${portOf(server.url)}/healthz`;
      const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
      const before = await get(url, first.cert, agent);
      expect(before.status).toBe(200);

      const second = await selfSignedLocalhost();
      writeFileSync(certPath, second.cert);
      writeFileSync(keyPath, second.key);
      server.process.kill('SIGHUP');
      await expect.poll(() => server.output()).toContain('SIGHUP: certificate reloaded');

      // The kept-alive connection still works, on the certificate it was opened with...
      const sameSocket = await get(url, first.cert, agent);
      expect(sameSocket.status).toBe(200);
      expect(sameSocket.certificate).toBe(before.certificate);
      agent.destroy();
      // ...and a new connection gets the new certificate.
      const fresh = await get(url, second.cert);
      expect(fresh.status).toBe(200);
      expect(fresh.certificate).not.toBe(before.certificate);
    } finally {
      await server.stop();
    }
  });

  it('stops start-up on a bad certificate path or a key that does not match, naming the variable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scanner-byo-bad-'));
    const a = await selfSignedLocalhost();
    const b = await selfSignedLocalhost();
    writeFileSync(path.join(dir, 'a.crt'), a.cert);
    writeFileSync(path.join(dir, 'b.key'), b.key);
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env: { ...process.env, PORT: '0', SCANNER_DATA_DIR: dir, ...env },
        encoding: 'utf8',
      });
    const missing = start({
      SCANNER_TLS_CERT: path.join(dir, 'nope.crt'),
      SCANNER_TLS_KEY: path.join(dir, 'b.key'),
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/SCANNER_TLS_CERT=".*nope\.crt": cannot be read \(ENOENT\)/);
    const mismatched = start({
      SCANNER_TLS_CERT: path.join(dir, 'a.crt'),
      SCANNER_TLS_KEY: path.join(dir, 'b.key'),
    });
    expect(mismatched.status).toBe(1);
    expect(mismatched.stderr).toMatch(
      /SCANNER_TLS_CERT=.* and SCANNER_TLS_KEY=.* do not make a usable pair/,
    );
    const half = start({ SCANNER_TLS_CERT: path.join(dir, 'a.crt') });
    expect(half.stderr).toMatch(/set both or neither/);
  });
});
