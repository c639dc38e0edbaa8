import { describe, expect, it } from 'vitest';
import {
  Capture,
  CreateCaptureRequest,
  CreateSessionRequest,
  DigitalLinkParseResponse,
  IdParam,
  PresignQuery,
  Proposal,
  RegisterPhotoRequest,
  ReorderPhotosRequest,
  ResolveUrlRequest,
  resolveSessionRef,
  ReviewProposalRequest,
  SaveRedirectRequest,
  SessionDetail,
  SessionStatusPoll,
  SessionSummary,
  ShortId,
  UpdatePhotoRequest,
  UploadImageFields,
  withLegacyId,
} from './index';

const ID = '7NfJBmWq2nZp8cX4kTzR3a';
const NOW = '2026-11-29T12:00:00.000Z';

const capture = {
  id: ID,
  status: 'PENDING',
  capture_type: 'BARCODE',
  raw_value: '4006381333931',
  gtin: '04006381333931',
  error_message: '',
  created: NOW,
  metadata: {},
  gs1_dl_data: {},
  product_short_id: null,
  product_name: null,
  processed_at: null,
  uploaded_image_key: null,
  qr_analysis: null,
};

describe('ids', () => {
  it('accepts the 22-character shortuuid over the 57-symbol alphabet only', () => {
    expect(ShortId.safeParse(ID).success).toBe(true);
    for (const bad of [
      ID.slice(1),
      `${ID}2`,
      ID.replace('7', '0'),
      ID.replace('N', 'l'),
      ID.replace('N', 'I'),
    ]) {
      expect(ShortId.safeParse(bad).success).toBe(false);
    }
  });
  it('accepts the canonical UUID form in path parameters', () => {
    expect(IdParam.safeParse('3c90c3cc-0d44-4b50-8888-8dd25736052a').success).toBe(true);
    expect(IdParam.safeParse('not-an-id').success).toBe(false);
  });
  it('reads id, then short_id, then public_id from older revisions', () => {
    const schema = withLegacyId(Capture);
    const { id: _drop, ...rest } = capture;
    expect(schema.parse({ ...rest, short_id: ID }).id).toBe(ID);
    expect(schema.parse({ ...rest, public_id: ID }).id).toBe(ID);
    expect(schema.parse({ ...capture, public_id: 'ignored' }).id).toBe(ID);
  });
});

describe('sessions', () => {
  it('fills the documented defaults on create', () => {
    expect(CreateSessionRequest.parse({})).toEqual({
      organization_short_id: '',
      user_agent: '',
      device_context: {},
      capture_mode: 'barcode_scan',
    });
  });
  it('rejects an unknown capture mode and an oversized device context', () => {
    expect(CreateSessionRequest.safeParse({ capture_mode: 'video' }).success).toBe(false);
    const huge = { blob: 'x'.repeat(20_000) };
    expect(CreateSessionRequest.safeParse({ device_context: huge }).success).toBe(false);
  });
  it('parses a summary with counts defaulting to 0, and a detail with children', () => {
    const base = {
      id: ID,
      status: 'ACTIVE',
      capture_mode: 'both',
      created: NOW,
      modified: NOW,
      metadata: {},
    };
    expect(SessionSummary.parse(base)).toMatchObject({ capture_count: 0, photo_count: 0 });
    expect(
      SessionDetail.parse({ ...base, captures: [capture], product_photos: [] }).captures,
    ).toHaveLength(1);
    expect(SessionSummary.safeParse({ ...base, status: 'DONE' }).success).toBe(false);
  });
  it('parses the status poll', () => {
    const poll = {
      session_status: 'COMPLETED',
      extraction_status: 'processing',
      captures: [{ id: ID, status: 'NOT_FOUND', proposal_count: 0 }],
    };
    expect(SessionStatusPoll.parse(poll)).toEqual(poll);
  });
});

describe('captures', () => {
  const write = { session_short_id: ID, capture_type: 'BARCODE', raw_value: '4006381333931' };

  it('normalises the GTIN and defaults the optional fields', () => {
    expect(CreateCaptureRequest.parse({ ...write, gtin: '4006381333931' })).toMatchObject({
      gtin: '04006381333931',
      gs1_dl_data: {},
    });
    expect(CreateCaptureRequest.parse(write).gtin).toBe('');
  });
  it('accepts the older names of the session reference', () => {
    const { session_short_id: _s, ...rest } = write;
    const parsed = CreateCaptureRequest.parse({ ...rest, session_public_id: ID });
    expect(resolveSessionRef(parsed)).toBe(ID);
    const missing = CreateCaptureRequest.safeParse(rest);
    expect(missing.error?.issues[0]?.path).toEqual(['session_short_id']);
  });
  it('bounds raw_value to 1-500 characters, counting emoji as one', () => {
    expect(CreateCaptureRequest.safeParse({ ...write, raw_value: '' }).success).toBe(false);
    expect(CreateCaptureRequest.safeParse({ ...write, raw_value: '🍎'.repeat(500) }).success).toBe(
      true,
    );
    expect(CreateCaptureRequest.safeParse({ ...write, raw_value: 'x'.repeat(501) }).success).toBe(
      false,
    );
  });
  it('keys gs1_dl_data by AI code', () => {
    expect(
      CreateCaptureRequest.safeParse({
        ...write,
        gs1_dl_data: { '01': '09506000134352', '10': 'LOT1' },
      }).success,
    ).toBe(true);
    expect(
      CreateCaptureRequest.safeParse({ ...write, gs1_dl_data: { gtin: '09506000134352' } }).success,
    ).toBe(false);
  });
  it('rejects a bad GTIN with the field named', () => {
    const r = CreateCaptureRequest.safeParse({ ...write, gtin: '4006381333932' });
    expect(r.error?.issues[0]?.path).toEqual(['gtin']);
  });
  it('defaults upload-image fields to an IMAGE capture', () => {
    expect(UploadImageFields.parse({ session_short_id: ID })).toMatchObject({
      capture_type: 'IMAGE',
      raw_value: '',
      gtin: '',
    });
    expect(
      UploadImageFields.safeParse({ session_short_id: ID, capture_type: 'MANUAL' }).success,
    ).toBe(false);
  });
});

describe('photos', () => {
  it('defaults the presign query and the registration', () => {
    expect(PresignQuery.parse({})).toEqual({ photo_type: 'other', original_filename: 'photo.jpg' });
    expect(RegisterPhotoRequest.parse({ s3_key: 'k' })).toMatchObject({
      photo_type: 'other',
      original_filename: '',
    });
  });
  it('requires a photo_type on update and rejects unknown types', () => {
    expect(UpdatePhotoRequest.safeParse({}).success).toBe(false);
    expect(UpdatePhotoRequest.safeParse({ photo_type: 'selfie' }).success).toBe(false);
    expect(UpdatePhotoRequest.safeParse({ photo_type: 'nutrition' }).success).toBe(true);
  });
  it('rejects an empty or repeating reorder list', () => {
    expect(ReorderPhotosRequest.safeParse({ photo_short_ids: [] }).success).toBe(false);
    expect(ReorderPhotosRequest.safeParse({ photo_short_ids: [ID, ID] }).success).toBe(false);
  });
});

describe('proposals, QR and digital link', () => {
  it('parses a proposal with a decimal-string confidence', () => {
    const p = {
      id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      field_name: 'brand_name',
      current_value: '',
      proposed_value: 'Faber-Castell',
      confidence: '0.87',
      reasoning: 'Printed on the front.',
      source: 'bedrock_claude',
      status: 'PENDING',
      created: NOW,
      metadata: {},
      reviewed_at: null,
    };
    expect(Proposal.parse(p)).toEqual(p);
    expect(Proposal.safeParse({ ...p, confidence: '1.5' }).success).toBe(false);
    expect(ReviewProposalRequest.safeParse({ status: 'PENDING' }).success).toBe(false);
  });
  it('accepts any text for resolve-url but only http(s) for save-redirect', () => {
    expect(ResolveUrlRequest.safeParse({ url: 'ftp://example.com' }).success).toBe(true);
    expect(ResolveUrlRequest.safeParse({ url: 'x'.repeat(2049) }).success).toBe(false);
    expect(SaveRedirectRequest.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
    expect(SaveRedirectRequest.safeParse({ url: 'https://example.com/p' }).success).toBe(true);
  });
  it('parses a digital-link parse response', () => {
    const r = {
      is_valid: true,
      url: 'https://gtin1.com/01/00614141123452/10/LOT1',
      gtin: '00614141123452',
      lot: 'LOT1',
      expiry: null,
      serial: null,
      raw_ais: { '01': '00614141123452', '10': 'LOT1' },
    };
    expect(DigitalLinkParseResponse.parse(r)).toEqual(r);
  });
});
