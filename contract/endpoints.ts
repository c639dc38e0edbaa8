import { z } from 'zod/mini';
import { KeyInfo } from './api-key';
import { Capture, CreateCaptureRequest, UpdateCaptureRequest, UploadImageFields } from './capture';
import { DigitalLinkParseRequest, DigitalLinkParseResponse } from './digital-link';
import { Health } from './health';
import { IdParam, ProposalId } from './ids';
import {
  PresignQuery,
  PresignResponse,
  ProductPhoto,
  ProductPhotoList,
  RegisterPhotoRequest,
  ReorderPhotosRequest,
  UpdatePhotoRequest,
} from './photo';
import { ApplyProposalsResponse, Proposal, ProposalList, ReviewProposalRequest } from './proposal';
import {
  RedirectRule,
  ResolveUrlRequest,
  ResolveUrlResponse,
  SaveRedirectRequest,
} from './resolve';
import {
  CreateSessionRequest,
  SessionDetail,
  SessionStatusPoll,
  SessionSummary,
  UpdateSessionRequest,
} from './session';

/** Status -> body schema; null for no body (or the error envelope, for an error status). */
export type Responses = Readonly<Record<number, z.ZodMiniType | null>>;

/**
 * One endpoint of the API, named once: the server registers its route from this, the app
 * builds its calls from it, and the OpenAPI document describes it. `:name` in the path is a
 * parameter of `params`.
 */
export interface Endpoint<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
  R extends Responses = Responses,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  /** `key`: an API key is required; `public`: anyone (limited per address). */
  access: 'key' | 'public';
  params?: P;
  query?: Q;
  /** A JSON body; `form` endpoints take multipart/form-data with these fields instead. */
  body?: B;
  form?: boolean;
  responses: R;
}

const endpoint = <
  P extends z.ZodMiniType,
  Q extends z.ZodMiniType,
  B extends z.ZodMiniType,
  R extends Responses,
>(
  e: Endpoint<P, Q, B, R>,
) => e;

const V1 = '/scanner/api/v1';
const Id = z.object({ id: IdParam });
const SessionRef = z.object({ session_id: z.string().check(z.minLength(1), z.maxLength(64)) });

/** Every endpoint of the Scanner API (and the health check), by name. */
export const ENDPOINTS = {
  health: endpoint({
    method: 'GET',
    path: '/healthz',
    summary: 'Health check',
    tag: 'health',
    access: 'public',
    responses: { 200: Health },
  }),
  keyInfo: endpoint({
    method: 'GET',
    path: `${V1}/key`,
    summary: 'The API key in use: its kind and expiry (Part A extension)',
    tag: 'key',
    access: 'key',
    responses: { 200: KeyInfo },
  }),
  createSession: endpoint({
    method: 'POST',
    path: `${V1}/sessions`,
    summary: 'Create a scan session',
    tag: 'sessions',
    access: 'key',
    body: CreateSessionRequest,
    responses: { 201: SessionSummary },
  }),
  getSession: endpoint({
    method: 'GET',
    path: `${V1}/sessions/:id`,
    summary: 'Get session details',
    tag: 'sessions',
    access: 'key',
    params: Id,
    responses: { 200: SessionDetail, 304: null },
  }),
  updateSession: endpoint({
    method: 'PATCH',
    path: `${V1}/sessions/:id`,
    summary: 'Update session metadata (Part A extension)',
    tag: 'sessions',
    access: 'key',
    params: Id,
    body: UpdateSessionRequest,
    responses: { 200: SessionSummary },
  }),
  sessionStatus: endpoint({
    method: 'GET',
    path: `${V1}/sessions/:id/status`,
    summary: 'Poll session status',
    tag: 'sessions',
    access: 'key',
    params: Id,
    responses: { 200: SessionStatusPoll, 304: null },
  }),
  endSession: endpoint({
    method: 'POST',
    path: `${V1}/sessions/:id/end`,
    summary: 'End a scan session',
    tag: 'sessions',
    access: 'key',
    params: Id,
    responses: { 200: SessionSummary, 409: null },
  }),
  submitSession: endpoint({
    method: 'POST',
    path: `${V1}/sessions/:id/submit`,
    summary: 'Submit session for AI processing',
    tag: 'sessions',
    access: 'key',
    params: Id,
    responses: { 200: SessionSummary, 409: null },
  }),
  createCapture: endpoint({
    method: 'POST',
    path: `${V1}/captures`,
    summary: 'Submit a barcode or QR scan',
    tag: 'captures',
    access: 'key',
    body: CreateCaptureRequest,
    responses: { 201: Capture, 404: null, 409: null },
  }),
  uploadImage: endpoint({
    method: 'POST',
    path: `${V1}/captures/upload-image`,
    summary: 'Submit a capture with its image (multipart: image, and these fields)',
    tag: 'captures',
    access: 'key',
    body: UploadImageFields,
    form: true,
    responses: { 201: Capture, 404: null, 409: null, 413: null, 415: null },
  }),
  getCapture: endpoint({
    method: 'GET',
    path: `${V1}/captures/:id`,
    summary: 'Get capture status',
    tag: 'captures',
    access: 'key',
    params: Id,
    responses: { 200: Capture },
  }),
  updateCapture: endpoint({
    method: 'PATCH',
    path: `${V1}/captures/:id`,
    summary: 'Update capture metadata: a quantity, a note (Part A extension)',
    tag: 'captures',
    access: 'key',
    params: Id,
    body: UpdateCaptureRequest,
    responses: { 200: Capture, 409: null },
  }),
  deleteCapture: endpoint({
    method: 'DELETE',
    path: `${V1}/captures/:id`,
    summary: 'Remove a capture (Part A extension); removing it again answers 204 too',
    tag: 'captures',
    access: 'key',
    params: Id,
    responses: { 204: null, 409: null },
  }),
  retryCapture: endpoint({
    method: 'POST',
    path: `${V1}/captures/:id/retry`,
    summary: 'Retry a failed capture',
    tag: 'captures',
    access: 'key',
    params: Id,
    responses: { 200: Capture, 409: null },
  }),
  listProposals: endpoint({
    method: 'GET',
    path: `${V1}/captures/:id/proposals`,
    summary: 'List enrichment proposals',
    tag: 'proposals',
    access: 'key',
    params: Id,
    responses: { 200: ProposalList },
  }),
  reviewProposal: endpoint({
    method: 'PATCH',
    path: `${V1}/proposals/:proposal_id`,
    summary: 'Review an enrichment proposal',
    tag: 'proposals',
    access: 'key',
    params: z.object({ proposal_id: ProposalId }),
    body: ReviewProposalRequest,
    responses: { 200: Proposal, 409: null },
  }),
  applyProposals: endpoint({
    method: 'POST',
    path: `${V1}/captures/:id/apply`,
    summary: 'Apply accepted proposals',
    tag: 'proposals',
    access: 'key',
    params: Id,
    responses: { 200: ApplyProposalsResponse, 400: null },
  }),
  resolveUrl: endpoint({
    method: 'POST',
    path: `${V1}/resolve-url`,
    summary: 'Resolve a QR code URL',
    tag: 'resolve',
    access: 'key',
    body: ResolveUrlRequest,
    responses: { 200: ResolveUrlResponse },
  }),
  saveRedirect: endpoint({
    method: 'POST',
    path: `${V1}/captures/:id/save-redirect`,
    summary: 'Save a QR-resolved URL as a trade-item redirect',
    tag: 'resolve',
    access: 'key',
    params: Id,
    body: SaveRedirectRequest,
    responses: { 201: RedirectRule, 400: null },
  }),
  presignUpload: endpoint({
    method: 'GET',
    path: `${V1}/sessions/:session_id/presigned-upload-url`,
    summary: 'Get presigned S3 upload URL',
    tag: 'photos',
    access: 'key',
    params: SessionRef,
    query: PresignQuery,
    responses: { 200: PresignResponse },
  }),
  registerPhoto: endpoint({
    method: 'POST',
    path: `${V1}/sessions/:session_id/photos`,
    summary: 'Register a product photo',
    tag: 'photos',
    access: 'key',
    params: SessionRef,
    body: RegisterPhotoRequest,
    responses: { 201: ProductPhoto, 409: null },
  }),
  updatePhoto: endpoint({
    method: 'PATCH',
    path: `${V1}/sessions/:session_id/photos/:photo_id`,
    summary: 'Update photo classification',
    tag: 'photos',
    access: 'key',
    params: z.extend(SessionRef, { photo_id: z.string().check(z.minLength(1), z.maxLength(64)) }),
    body: UpdatePhotoRequest,
    responses: { 200: ProductPhoto, 409: null },
  }),
  reorderPhotos: endpoint({
    method: 'POST',
    path: `${V1}/sessions/:session_id/photos/reorder`,
    summary: 'Reorder product photos',
    tag: 'photos',
    access: 'key',
    params: SessionRef,
    body: ReorderPhotosRequest,
    responses: { 200: ProductPhotoList, 409: null },
  }),
  parseDigitalLink: endpoint({
    method: 'POST',
    path: '/products/api/v1/digital-link/parse',
    summary: 'Parse a GS1 Digital Link URL into structured AIs',
    tag: 'digital-link',
    access: 'key',
    body: DigitalLinkParseRequest,
    responses: { 200: DigitalLinkParseResponse },
  }),
} as const;

export type EndpointName = keyof typeof ENDPOINTS;

/** The success status an endpoint answers with: its first 2xx. */
export function successStatus(e: Pick<Endpoint, 'responses'>): number {
  return Number(Object.keys(e.responses).find((s) => Number(s) >= 200 && Number(s) < 300) ?? 200);
}

/** The schema of an endpoint's success body (null for 204). */
export type SuccessSchema<R extends Responses> = R extends { 200: infer S }
  ? S
  : R extends { 201: infer S }
    ? S
    : null;

/** What the endpoint's success answer parses to. */
export type SuccessOf<E extends Endpoint> =
  SuccessSchema<E['responses']> extends z.ZodMiniType
    ? z.output<SuccessSchema<E['responses']>>
    : null;

/** The params an endpoint's path needs, as strings. */
export type ParamsOf<E extends Endpoint> = E['params'] extends z.ZodMiniType
  ? z.input<E['params']>
  : undefined;

/**
 * The endpoint's path with its parameters filled in, each percent-encoded: an id that holds
 * `/`, `%`, `?` or `#` stays one segment and means only itself.
 */
export function pathTo(e: Pick<Endpoint, 'path'>, params: Record<string, string> = {}): string {
  return e.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${e.path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
}
