import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { ConfigError } from '../env';
import type { Pem } from './certificates';

/**
 * A certificate and key brought by the store (SCANNER_TLS_CERT / SCANNER_TLS_KEY), read and
 * checked to belong together now, so a wrong path or a mismatched key stops start-up with the
 * variable's name instead of failing at the first phone's handshake.
 */
export function readTlsFiles(certPath: string, keyPath: string): Pem {
  const readVar = (name: string, file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `${name}=${JSON.stringify(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
  };
  const pem = {
    cert: readVar('SCANNER_TLS_CERT', certPath),
    key: readVar('SCANNER_TLS_KEY', keyPath),
  };
  try {
    tls.createSecureContext(pem);
  } catch (error) {
    throw new ConfigError(
      `SCANNER_TLS_CERT=${JSON.stringify(certPath)} and SCANNER_TLS_KEY=${JSON.stringify(keyPath)} do not make a usable pair: ${(error as Error).message}.`,
    );
  }
  return pem;
}
