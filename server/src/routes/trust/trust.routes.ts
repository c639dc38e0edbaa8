import type { FastifyInstance } from 'fastify';
import type { LanInfo } from '#contract';
import { LOOPBACK_HOSTNAMES } from '../../http/origins';
import { lanAddress } from '../../tls/secure-setup';
import { caDer, mobileConfig } from './trust-profiles';
import { TRUST_PAGE, TRUST_SCRIPT } from './trust-page';

export const TRUST_PATH = '/trust';

/**
 * Served with `--lan`: the page that onboards a phone, and the local CA in the two forms phones
 * install (Android: a DER `.crt`; iOS: a `.mobileconfig` profile). Public, limited per address.
 */
export function trustRoutes(app: FastifyInstance, caPem: string, serverName: string): void {
  const config = { access: 'public' } as const;
  const der = caDer(caPem);
  const profile = mobileConfig(caPem, serverName);
  app.get(TRUST_PATH, { config }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(TRUST_PAGE),
  );
  app.get(`${TRUST_PATH}/trust.js`, { config }, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(TRUST_SCRIPT),
  );
  app.get(`${TRUST_PATH}/closient-scanner-ca.crt`, { config }, (_request, reply) =>
    reply
      .type('application/x-x509-ca-cert')
      .header('Content-Disposition', 'attachment; filename="closient-scanner-ca.crt"')
      .send(der),
  );
  app.get(`${TRUST_PATH}/closient-scanner.mobileconfig`, { config }, (_request, reply) =>
    reply
      .type('application/x-apple-aspen-config')
      .header('Content-Disposition', 'attachment; filename="closient-scanner.mobileconfig"')
      .send(profile),
  );
  // The address a phone can use: the one this request came by, unless that was loopback.
  app.get(`${TRUST_PATH}/info.json`, { config }, (request): LanInfo => {
    const loopback = LOOPBACK_HOSTNAMES.includes(request.hostname);
    const host = loopback ? lanAddress() : request.hostname;
    const port = request.socket.localPort;
    return {
      lan: true,
      trust_url: `${request.protocol}://${host}${port ? `:${port}` : ''}${TRUST_PATH}`,
    };
  });
}
