import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { s3Objects } from '../storage/s3-objects';

/**
 * An S3-compatible server on a free loopback port (s3rver, files in a temp folder) with one
 * bucket, and an s3Objects store on it: the AWS SDK speaking real S3 requests over HTTP.
 */
export async function startS3(bucket = 'scanner-test') {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'scanner-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    endpoint,
    directory,
    store: (prefix?: string) =>
      s3Objects({ bucket, prefix, endpoint, client: { region: 'us-east-1', credentials } }),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
