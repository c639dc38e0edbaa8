import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorEnvelope } from '#contract';
import { screenShells } from './screen-preload';

/**
 * Serves the built app. Hashed assets are cached for a year; the shell, the manifest and the
 * service worker are revalidated on every load so that an update reaches installed PWAs.
 * Unknown paths outside the API get the shell, because the router owns them (deep links).
 */
export async function registerStaticApp(
  app: FastifyInstance,
  staticDir: string | undefined,
  apiPrefixes: readonly string[],
): Promise<void> {
  const built = staticDir !== undefined && fs.existsSync(path.join(staticDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      // `/` is the shell, with its preload hints, like every other page of the app (below).
      index: false,
      // The build writes .br and .gz beside each file (scripts/precompress.mjs): sent as they
      // are, so no request pays for compressing an asset.
      preCompressed: true,
      // Source maps and the build manifest stay on the build machine: they describe the app's
      // source, not its interface.
      allowedPath: (pathName) => !/\.(map|br|gz)$/.test(pathName) && !pathName.includes('/.vite/'),
      setHeaders(reply, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header(
          'Cache-Control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  const shellFor = built ? screenShells(staticDir) : () => null;
  app.setNotFoundHandler(async (req, reply) => {
    const isApi = apiPrefixes.some((p) => req.url.startsWith(p));
    const urlPath = req.url.split('?')[0] ?? '';
    const wantsPage =
      req.method === 'GET' && (urlPath === '/' || (req.headers.accept ?? '').includes('text/html'));
    if (!isApi && wantsPage) {
      if (!built) {
        return reply
          .code(503)
          .type('text/plain')
          .send(
            `The app is not built. Run \`npm run build\` (looked in ${staticDir ?? 'no folder'}).`,
          );
      }
      reply.header('Cache-Control', 'no-cache');
      const shell = shellFor(urlPath);
      return shell === null ? reply.sendFile('index.html') : reply.type('text/html').send(shell);
    }
    return reply.code(404).send(errorEnvelope(404, `No route for ${req.method} ${req.url}.`));
  });
}
