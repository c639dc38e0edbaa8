import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { clientHas, NOT_MODIFIED, Serialized } from './route';
import type { VersionedCache } from './versioned-cache';

type Encoding = 'br' | 'gzip';
const negotiator = new Negotiator<Encoding>({ supportedValues: ['br', 'gzip'], cache: new Map() });
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const compressors: Record<Encoding, (json: string) => Promise<Buffer>> = {
  // Quality 4, as @fastify/compress uses: near gzip's speed, and smaller.
  br: (json) => brotli(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
  gzip: (json) => gzipped(json),
};
/** Below this, @fastify/compress's own (synchronous) path costs less than the thread pool. */
const SMALL = 16 * 1024;

/**
 * A serialised answer shared by its readers, and each compressed form of it made once, in
 * zlib's thread pool. @fastify/compress would compress a big string again for every reader,
 * synchronously, on the event loop: at 10,000 captures that stalls every other request.
 */
export class EncodedBody {
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(readonly json: string) {}

  as(encoding: Encoding): Promise<Buffer> {
    let body = this.encoded.get(encoding);
    if (!body) {
      body = compressors[encoding](this.json);
      this.encoded.set(encoding, body);
    }
    return body;
  }
}

/**
 * A GET whose answer changes only with a version (a session's): its ETag and no-cache headers,
 * a 304 when the client's copy is current, else the answer built once per version (`cache`,
 * by `key`) and sent in the best encoding the client accepts.
 */
export async function versionedAnswer<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: VersionedCache<EncodedBody>,
  at: { key: string; version: number; etag: string },
  build: () => Promise<T>,
): Promise<Serialized | typeof NOT_MODIFIED> {
  void reply.header('ETag', at.etag).header('Cache-Control', 'private, no-cache');
  if (clientHas(request, at.etag)) return NOT_MODIFIED;
  const body = await cache.get(
    at.key,
    at.version,
    async () => new EncodedBody(JSON.stringify(await build())),
  );
  return sendEncoded(request, reply, body);
}

/** The body in the best encoding the client accepts, its headers set (compress then skips it). */
async function sendEncoded(
  request: FastifyRequest,
  reply: FastifyReply,
  body: EncodedBody,
): Promise<Serialized> {
  void reply.type('application/json');
  if (body.json.length < SMALL) return new Serialized(body.json);
  const vary = reply.getHeader('Vary');
  const varies = vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding';
  void reply.header('Vary', varies);
  const encoding = negotiator.negotiate(request.headers['accept-encoding'] ?? '');
  if (!encoding) return new Serialized(body.json);
  void reply.header('Content-Encoding', encoding);
  return new Serialized(await body.as(encoding));
}
