import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorityAllows,
  certificateNames,
  covers,
  createAuthority,
  issueServerCertificate,
  type Pem,
  SERVER_CERT_DAYS,
  spkiHash,
} from './certificates';

const DNS = ['scanner.test', 'till-3', 'till-3.local', 'localhost'];
let ca: Pem;
beforeAll(async () => {
  ca = await createAuthority(DNS);
});

/** Connects with Node's TLS, trusting the authority alone, and says whether the chain held. */
async function handshake(
  server: Pem,
  servername: string | undefined,
  host = '127.0.0.1',
  authority: Pem = ca,
) {
  const srv = tls.createServer({ cert: server.cert, key: server.key }, (s) => s.end());
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  try {
    return await new Promise<{ ok: boolean; error?: string }>((resolve) => {
      const socket = tls.connect({
        port,
        host,
        ca: authority.cert,
        ...(servername ? { servername } : {}),
      });
      socket.once('secureConnect', () => {
        socket.end();
        resolve({ ok: socket.authorized });
      });
      socket.once('error', (e: NodeJS.ErrnoException) =>
        resolve({ ok: false, error: e.code ?? e.message }),
      );
    });
  } finally {
    srv.close();
  }
}

describe('the local certificate authority', () => {
  it('is a CA that may only sign server certificates for its names and LAN ranges', () => {
    const cert = new x509.X509Certificate(ca.cert);
    expect(cert.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    expect(cert.getExtension('2.5.29.30')?.critical).toBe(true);
    expect(ca.cert).not.toContain('PRIVATE KEY');
    expect(authorityAllows(ca.cert, ['scanner.test', 'a.till-3.local'])).toBe(true);
    expect(authorityAllows(ca.cert, ['example.com'])).toBe(false);
    const years = (cert.notAfter.getTime() - cert.notBefore.getTime()) / (365 * 86_400_000);
    expect(years).toBeGreaterThan(9.9);
  });

  it('issues a server certificate whose chain verifies against the CA alone, by name and by IP', async () => {
    const server = await issueServerCertificate(ca, {
      dns: ['scanner.test', 'localhost'],
      ips: ['127.0.0.1', '192.168.1.20'],
    });
    expect(certificateNames(server.cert)).toEqual({
      dns: ['scanner.test', 'localhost'],
      ips: ['127.0.0.1', '192.168.1.20'],
    });
    const cert = new x509.X509Certificate(server.cert);
    const days = (cert.notAfter.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeLessThanOrEqual(SERVER_CERT_DAYS);
    expect(days).toBeGreaterThan(SERVER_CERT_DAYS - 1);
    expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toContain(
      x509.ExtendedKeyUsage.serverAuth,
    );
    expect(await handshake(server, 'scanner.test')).toEqual({ ok: true });
    expect(await handshake(server, undefined)).toEqual({ ok: true }); // 127.0.0.1 in the SAN
    expect((await handshake(server, 'other.test')).ok).toBe(false);
  });

  it('cannot vouch for a name or a public address outside its constraints', async () => {
    const outside = await issueServerCertificate(ca, { dns: ['example.com'], ips: [] });
    expect((await handshake(outside, 'example.com')).ok).toBe(false);
    const publicIp = await issueServerCertificate(ca, { dns: [], ips: ['8.8.8.8'] });
    expect((await handshake(publicIp, undefined)).ok).toBe(false);
    // The control: the same certificate from an authority whose constraints name example.com.
    const other = await createAuthority(['example.com']);
    const inside = await issueServerCertificate(other, { dns: ['example.com'], ips: [] });
    expect(await handshake(inside, 'example.com', '127.0.0.1', other)).toEqual({ ok: true });
  });

  it('tells when the addresses changed, so the next start issues a new certificate', async () => {
    const server = await issueServerCertificate(ca, { dns: ['localhost'], ips: ['192.168.1.20'] });
    expect(covers(server.cert, { dns: ['localhost'], ips: ['192.168.1.20'] })).toBe(true);
    expect(covers(server.cert, { dns: ['localhost'], ips: ['192.168.1.21'] })).toBe(false);
    expect(covers(server.cert, { dns: ['till-3.local'], ips: [] })).toBe(false);
    // Near its end, it is renewed too.
    const late = new Date(Date.now() + (SERVER_CERT_DAYS - 3) * 86_400_000);
    expect(covers(server.cert, { dns: ['localhost'], ips: [] }, late)).toBe(false);
  });

  it("gives the SPKI hash Chromium's --ignore-certificate-errors-spki-list takes", () => {
    expect(spkiHash(ca.cert)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});
