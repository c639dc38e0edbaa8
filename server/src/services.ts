import path from 'node:path';
import { keysRepository } from './auth/keys.repository';
import { orgsRepository } from './auth/orgs.repository';
import { productsRepository } from './catalog/products.repository';
import type { Clock } from './clock';
import type { Sql } from './store/sql';
import type { OriginResolver } from './http/origins';
import { idempotencyStore } from './limits/idempotency';
import { jobQueue } from './pipeline/jobs';
import { Pipeline } from './pipeline/pipeline';
import { analyzeUrl } from './qr/qr-analyzer';
import { capturesRepository } from './routes/captures/captures.repository';
import { photosRepository } from './routes/photos/photos.repository';
import { proposalsRepository } from './routes/proposals/proposals.repository';
import { sessionsRepository } from './routes/sessions/sessions.repository';
import { uploadsRepository } from './routes/uploads/uploads.repository';
import { folderObjects, type ObjectStore } from './storage/object-store';
import { presigner } from './storage/presign';

export interface ServiceOptions {
  sql: Sql;
  clock: Clock;
  dataDir: string;
  /** Uploaded images; a folder under dataDir when not given. */
  objects?: ObjectStore;
  pipelineDelayMs: number;
  allowPrivateUrls: boolean;
  origins: OriginResolver;
  /** Signs presigned upload URLs; shared by every instance on the database. */
  presignSecret: string;
  /** Largest accepted upload in bytes: Part A's 15 MB unless configured lower. */
  uploadMaxBytes: number;
  onPipelineError: (error: unknown, captureId: string) => void;
}

/** Everything the routes use, built once per app from the database and the clock. */
export function createServices(options: ServiceOptions) {
  const { sql, clock } = options;
  const sessions = sessionsRepository(sql, clock);
  const captures = capturesRepository(sql, clock);
  const products = productsRepository(sql, clock);
  const proposals = proposalsRepository(sql, clock);
  const pipeline = new Pipeline({
    captures,
    products,
    proposals,
    sessions,
    clock,
    stepDelayMs: options.pipelineDelayMs,
    analyzeUrl: (url) => analyzeUrl(url, options.allowPrivateUrls),
    onError: options.onPipelineError,
    jobs: jobQueue(sql, clock),
    sql,
  });
  return {
    sql,
    clock,
    allowPrivateUrls: options.allowPrivateUrls,
    origins: options.origins,
    uploadMaxBytes: options.uploadMaxBytes,
    orgs: orgsRepository(sql, clock),
    keys: keysRepository(sql, clock),
    sessions,
    captures,
    products,
    proposals,
    photos: photosRepository(sql, clock),
    idempotency: idempotencyStore(sql, clock),
    uploads: uploadsRepository(sql, clock),
    objects: options.objects ?? folderObjects(path.join(options.dataDir, 'objects')),
    presign: presigner(options.presignSecret, clock),
    pipeline,
  };
}

export type Services = ReturnType<typeof createServices>;
