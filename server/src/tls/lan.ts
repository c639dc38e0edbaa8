import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import {
  authorityAllows,
  inLanRange,
  type CertNames,
  covers,
  createAuthority,
  issueServerCertificate,
  type Pem,
  spkiHash,
} from './certificates';

export interface LanTls extends Pem {
  /** The authority's certificate, for phones to trust (served at /trust). */
  ca: string;
  caSpki: string;
  names: CertNames;
  /** What this start had to make: a phone must trust the CA again when it is new. */
  made: { authority: boolean; certificate: boolean };
}

/**
 * The names a phone on the LAN may use for this machine: its host name, `<host>.local`
 * (mDNS), localhost, any `extra` names, and every address of its interfaces.
 */
export function lanNames(extra: readonly string[] = []): CertNames {
  const host = os.hostname().toLowerCase();
  const dns = [
    ...new Set([host, `${host}.local`, 'localhost', ...extra.map((n) => n.toLowerCase())]),
  ];
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      const address = a.address.replace(/%.*$/, '');
      // A public address is outside what the local CA may vouch for: such a machine wants a
      // real certificate (SCANNER_TLS_CERT) rather than a phone-trusted local one.
      if (!a.internal && inLanRange(address)) ips.add(address);
    }
  }
  return { dns, ips: [...ips] };
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : null);

function writePrivate(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its old mode through writeFileSync
}

/** Whether `cert` was signed by the authority `ca` (a new CA means a new certificate). */
async function signedBy(cert: string, ca: string): Promise<boolean> {
  try {
    return await new x509.X509Certificate(cert).verify({
      publicKey: new x509.X509Certificate(ca).publicKey,
      signatureOnly: true,
    });
  } catch {
    return false;
  }
}

/**
 * The certificate authority and server certificate of `--lan`, kept in `<dataDir>/tls`. The CA
 * is made once (its key never leaves that folder) and again only if a wanted name falls outside
 * its constraints; the server certificate is issued again whenever the machine's addresses or
 * names changed, or it nears its end.
 */
export async function prepareLanTls(dataDir: string, extraNames: readonly string[] = []) {
  const dir = path.join(dataDir, 'tls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = {
    caCert: path.join(dir, 'ca.crt'),
    caKey: path.join(dir, 'ca.key'),
    cert: path.join(dir, 'server.crt'),
    key: path.join(dir, 'server.key'),
  };
  const names = lanNames(extraNames);
  let ca: Pem | null = null;
  const caCert = read(files.caCert);
  const caKey = read(files.caKey);
  if (caCert && caKey && authorityAllows(caCert, names.dns)) ca = { cert: caCert, key: caKey };
  const madeAuthority = !ca;
  if (!ca) {
    ca = await createAuthority(names.dns);
    writePrivate(files.caKey, ca.key);
    writeFileSync(files.caCert, ca.cert);
  }
  let server: Pem | null = null;
  const cert = read(files.cert);
  const key = read(files.key);
  if (cert && key && covers(cert, names) && (await signedBy(cert, ca.cert))) {
    server = { cert, key };
  }
  const madeCertificate = !server;
  if (!server) {
    server = await issueServerCertificate(ca, names);
    writePrivate(files.key, server.key);
    writeFileSync(files.cert, server.cert);
  }
  return {
    cert: server.cert,
    key: server.key,
    ca: ca.cert,
    caSpki: spkiHash(ca.cert),
    names,
    made: { authority: madeAuthority, certificate: madeCertificate },
  } satisfies LanTls;
}
