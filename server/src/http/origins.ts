import os from 'node:os';
import type { FastifyRequest } from 'fastify';

export interface OriginOptions {
  /**
   * Where clients reach this server (SCANNER_PUBLIC_ORIGIN), for a proxy in front of it. Unset,
   * the origin a client used is taken when it names this machine, and localhost otherwise.
   */
  publicOrigin?: string | undefined;
  /** Other web origins allowed to call the API from a browser (SCANNER_CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /** More names this machine answers to (SCANNER_TLS_NAMES). */
  extraHostnames?: readonly string[];
}

/** Host names (as Fastify's `request.hostname` gives them) that only reach this machine. */
export const LOOPBACK_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The names this machine answers to: loopback, its host name, and every interface address. */
export function ownHostnames(): Set<string> {
  const names = new Set(LOOPBACK_HOSTNAMES);
  const host = os.hostname().toLowerCase();
  names.add(host);
  names.add(`${host}.local`);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  }
  return names;
}

/**
 * Builds the origin the server tells clients to use (upload URLs), never from a Host header it
 * does not recognise: a forged Host would otherwise point a phone's photo upload elsewhere.
 */
export function originResolver(options: OriginOptions) {
  const own = ownHostnames();
  for (const name of options.extraHostnames ?? []) own.add(name.toLowerCase());
  const configured = options.publicOrigin?.replace(/\/+$/, '');
  const cors = new Set(options.corsOrigins ?? []);

  const requestOrigin = (request: FastifyRequest): string | null => {
    const hostname = request.hostname.toLowerCase();
    return own.has(hostname) ? `${request.protocol}://${request.host}` : null;
  };

  return {
    publicOrigin(request: FastifyRequest): string {
      if (configured) return configured;
      const own = requestOrigin(request);
      if (own) return own;
      const port = request.socket.localPort;
      return `${request.protocol}://localhost${port ? `:${port}` : ''}`;
    },
    /** CORS: the app's own origin, the configured public one, and the configured list. */
    corsAllowed(origin: string | undefined, request: FastifyRequest): boolean {
      if (!origin) return false;
      return origin === configured || cors.has(origin) || origin === requestOrigin(request);
    },
  };
}

export type OriginResolver = ReturnType<typeof originResolver>;
