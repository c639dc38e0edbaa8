import { PNG } from 'pngjs';

/** Encodes fields and files as multipart/form-data, the way a browser would. */
export async function multipart(
  fields: Record<string, string>,
  files: Record<string, { bytes: Uint8Array; name: string; type?: string }>,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files))
    form.append(
      k,
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { 'content-type': response.headers.get('content-type') ?? '' },
  };
}

/** A small real PNG. */
export function pngBytes(size = 8): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data.fill(200);
  return PNG.sync.write(png);
}
