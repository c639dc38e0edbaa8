// Writes a brotli (.br) and a gzip (.gz) copy of every compressible hashed asset of the build
// (dist/assets: immutable, a change is a new name), at the highest levels, once. The shell, the
// manifest and the service worker keep being compressed per request: they change in place, and
// a stale .br beside a new service worker would hide the update. The server sends them as they are (@fastify/static `preCompressed`)
// instead of compressing each request: a service worker's precache would otherwise cost a
// brotli pass over ~2 MB per install, and build-time brotli is smaller than request-time.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist', 'assets');
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|wasm|webmanifest|json|txt)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(name)) yield full;
  }
}

let count = 0;
let before = 0;
let after = 0;
for (const file of files(root)) {
  const bytes = readFileSync(file);
  if (bytes.length < 1024) continue;
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  count += 1;
  before += bytes.length;
  after += br.length;
}
console.log(
  `precompressed ${count} files: ${(before / 1024).toFixed(0)} kB -> ${(after / 1024).toFixed(0)} kB brotli`,
);
