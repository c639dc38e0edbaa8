import { describe, expect, it } from 'vitest';
import { Capture, ProductPhoto, Proposal, SessionSummary } from '#contract';
import { toCapture, type CaptureRow } from './captures/captures.repository';
import { toPhoto, type PhotoRow } from './photos/photos.repository';
import { toProposal, type ProposalRow } from './proposals/proposals.repository';
import { toSessionSummary, type SessionRow } from './sessions/sessions.repository';

/** The repositories' pure helpers: a stored row to the contract's shape, field by field. */
const ID = '2222222222222222222222';
const AT = '2026-12-06T10:00:00.000Z';

describe('row mappers', () => {
  it('maps a capture row, its JSON columns parsed and its QR analysis optional', () => {
    const row: CaptureRow = {
      seq: 1,
      id: ID,
      uuid: 'u',
      session_id: 's',
      org_id: 'o',
      status: 'COMPLETED',
      capture_type: 'BARCODE',
      raw_value: 'https://example.com',
      gtin: '',
      error_message: 'none',
      metadata: '{"a":"1"}',
      gs1_dl_data: '{"01":"09506000134352"}',
      product_id: 'p',
      product_name: 'Thing',
      processed_at: AT,
      uploaded_image_key: 'k.jpg',
      qr_analysis: null,
      created: AT,
    };
    const capture = toCapture(row);
    expect(capture).toEqual({
      id: ID,
      status: 'COMPLETED',
      capture_type: 'BARCODE',
      raw_value: 'https://example.com',
      gtin: '',
      error_message: 'none',
      created: AT,
      metadata: { a: '1' },
      gs1_dl_data: { '01': '09506000134352' },
      product_short_id: 'p',
      product_name: 'Thing',
      processed_at: AT,
      uploaded_image_key: 'k.jpg',
      qr_analysis: null,
    });
    expect(Capture.safeParse(capture).success).toBe(true);
    expect(toCapture({ ...row, qr_analysis: '{"is_closient_url":false}' }).qr_analysis).toEqual({
      is_closient_url: false,
    });
  });

  it('maps photo, proposal and session rows', () => {
    const photo: PhotoRow = {
      id: ID,
      uuid: 'u',
      session_id: 's',
      org_id: 'o',
      photo_type: 'front',
      s3_key: 'sessions/s/front/x.jpg',
      original_filename: 'x.jpg',
      sort_order: 2,
      file_size: 10,
      capture_id: 'c',
      metadata: '{}',
      created: AT,
    };
    expect(toPhoto(photo)).toEqual({
      id: ID,
      photo_type: 'front',
      s3_key: 'sessions/s/front/x.jpg',
      original_filename: 'x.jpg',
      sort_order: 2,
      created: AT,
      metadata: {},
      file_size: 10,
      capture_short_id: 'c',
    });
    expect(ProductPhoto.safeParse(toPhoto(photo)).success).toBe(true);

    const proposal: ProposalRow = {
      id: '3f1c2b4e-8a6d-4c1e-9b2a-1234567890ab',
      capture_id: 'c',
      org_id: 'o',
      field_name: 'brand_name',
      current_value: '',
      proposed_value: 'Brand',
      confidence: '0.90',
      reasoning: 'label',
      source: 'catalog',
      status: 'PENDING',
      metadata: '{"m":"1"}',
      created: AT,
      reviewed_at: null,
      applied_at: null,
    };
    expect(toProposal(proposal)).toEqual({
      id: '3f1c2b4e-8a6d-4c1e-9b2a-1234567890ab',
      field_name: 'brand_name',
      current_value: '',
      proposed_value: 'Brand',
      confidence: '0.90',
      reasoning: 'label',
      source: 'catalog',
      status: 'PENDING',
      created: AT,
      metadata: { m: '1' },
      reviewed_at: null,
    });
    expect(Proposal.safeParse(toProposal(proposal)).success).toBe(true);

    const session: SessionRow = {
      id: ID,
      uuid: 'u',
      org_id: 'o',
      status: 'ACTIVE',
      capture_mode: 'both',
      extraction_status: 'pending',
      user_agent: 'ua',
      device_context: '{}',
      metadata: '{"k":"v"}',
      created: AT,
      modified: AT,
      capture_count: 3,
      photo_count: 1,
      version: 4,
    };
    expect(toSessionSummary(session)).toEqual({
      id: ID,
      status: 'ACTIVE',
      capture_mode: 'both',
      created: AT,
      modified: AT,
      metadata: { k: 'v' },
      capture_count: 3,
      photo_count: 1,
    });
    expect(SessionSummary.safeParse(toSessionSummary(session)).success).toBe(true);
  });
});
