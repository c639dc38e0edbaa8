import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { checkKey, isValidKey, type ObjectStore } from './object-store';

export interface S3Options {
  bucket: string;
  /** Put before every key ("scanner/"), so one bucket can hold more than this. */
  prefix?: string;
  /**
   * An S3-compatible service (MinIO, Ceph, a test server): addressed by path, not by a bucket
   * subdomain. Unset: AWS itself, region and credentials from the SDK's usual sources.
   */
  endpoint?: string;
  client?: S3ClientConfig;
}

/** Objects in an S3 bucket, through the AWS SDK: what several instances share without NFS. */
export function s3Objects(options: S3Options): ObjectStore {
  const s3 = new S3Client({
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...options.client,
  });
  const Bucket = options.bucket;
  const Key = (key: string) => `${options.prefix ?? ''}${checkKey(key)}`;
  return {
    isValidKey,
    async put(key, bytes) {
      await s3.send(new PutObjectCommand({ Bucket, Key: Key(key), Body: bytes }));
    },
    async get(key) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket, Key: Key(key) }));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async remove(key) {
      // S3 answers 204 for a key that is not there: removing twice is no error, as required.
      await s3.send(new DeleteObjectCommand({ Bucket, Key: Key(key) }));
    },
  };
}
