import os from 'node:os';
import type { Config } from '../env';
import { inLanRange, type Pem } from './certificates';
import { prepareLanTls } from './lan';
import { readTlsFiles } from './server-tls';

export interface SecureSetup {
  pem: Pem;
  /** The local CA (--lan), for /trust; null with a store's own certificate. */
  ca: string | null;
  caSpki: string | null;
  /** What changed this start, said in the terminal. */
  notes: string[];
  /** Reads the certificate again (SIGHUP); only a store's own files change under us. */
  reload: (() => Pem) | null;
}

/** HTTPS for this start: a store's own certificate, the local CA's (--lan), or none. */
export async function secureSetup(config: Config): Promise<SecureSetup | null> {
  if (config.tls) {
    const { certPath, keyPath } = config.tls;
    return {
      pem: readTlsFiles(certPath, keyPath),
      ca: null,
      caSpki: null,
      notes: [`TLS certificate: ${certPath} (SIGHUP reloads it)`],
      reload: () => readTlsFiles(certPath, keyPath),
    };
  }
  if (!config.lan) return null;
  const lan = await prepareLanTls(config.dataDir, config.tlsNames);
  const notes = [
    lan.made.authority
      ? 'Created a local certificate authority for this server (phones must trust it once: see /trust).'
      : 'Using the local certificate authority in the data folder.',
    lan.made.certificate
      ? `Issued a server certificate for ${[...lan.names.dns, ...lan.names.ips].join(', ')}.`
      : 'The server certificate still covers this machine’s names and addresses.',
    `CA fingerprint (SPKI SHA-256): ${lan.caSpki}`,
  ];
  return { pem: lan, ca: lan.ca, caSpki: lan.caSpki, notes, reload: null };
}

/**
 * The address a phone should type: the first LAN IPv4 address (one the certificate covers),
 * or the host name.
 */
export function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (!a.internal && a.family === 'IPv4' && inLanRange(a.address)) return a.address;
    }
  }
  return `${os.hostname().toLowerCase()}.local`;
}
