import { z } from 'zod/mini';
import { type CaptureType, ENDPOINTS } from '#contract';
import type { ApiClient } from '../../lib/api-client';

/** An accepted scan, as the outbox keeps it until the server has it. */
export interface ScanToSend {
  sessionId: string;
  captureType: Extract<CaptureType, 'BARCODE' | 'MANUAL'>;
  rawValue: string;
  gtin: string;
  gs1DlData: Record<string, string>;
  format: string;
  engine: string;
  decodeMs: number | null;
  /** The device's time when the scan was accepted (ISO 8601 with offset), sent as `scanned_at`. */
  scannedAt: string;
  /** In count mode, how many of the product were counted (sent as `quantity`). */
  quantity?: number;
  /** The operator's note (sent as `note`). */
  note?: string;
}

/** A scan as kept; checked when read back, since an older version of the app may have written it. */
const StoredScan = z.object({
  sessionId: z.string().check(z.minLength(1)),
  captureType: z.enum(['BARCODE', 'MANUAL']),
  rawValue: z.string().check(z.minLength(1)),
  gtin: z.string(),
  gs1DlData: z.record(z.string(), z.string()),
  format: z.string(),
  engine: z.string(),
  decodeMs: z.nullable(z.number()),
  // Versions before device time did not keep it: such a scan is sent without one.
  scannedAt: z._default(z.string(), ''),
  quantity: z.optional(z.int().check(z.minimum(0))),
  note: z.optional(z.string()),
}) satisfies z.ZodMiniType<ScanToSend, unknown>;

export const parseScan = (payload: unknown): ScanToSend | null => {
  const parsed = StoredScan.safeParse(payload);
  return parsed.success ? parsed.data : null;
};

/**
 * The one way an accepted scan becomes a capture. The client capture id is both the
 * Idempotency-Key and a metadata key, so a resent scan never makes a second capture, even
 * against an upstream without idempotency (Part A).
 */
/** A change to a capture the server has: its quantity or note (Part A `PATCH /captures/{id}`). */
export interface CaptureChange {
  captureId: string;
  metadata: Record<string, string>;
}
export const parseCaptureChange = (payload: unknown): CaptureChange | null => {
  const parsed = z
    .object({
      captureId: z.string().check(z.minLength(1)),
      metadata: z.record(z.string(), z.string()),
    })
    .safeParse(payload);
  return parsed.success ? parsed.data : null;
};
export const sendCaptureChange = (client: ApiClient, change: CaptureChange) =>
  client.call(ENDPOINTS.updateCapture, {
    params: { id: change.captureId },
    body: { metadata: change.metadata },
  });

/** A capture to remove from the server (Part A `DELETE /captures/{id}`): 204, again if sent twice. */
export interface CaptureRemoval {
  captureId: string;
}
export const parseCaptureRemoval = (payload: unknown): CaptureRemoval | null => {
  const parsed = z.object({ captureId: z.string().check(z.minLength(1)) }).safeParse(payload);
  return parsed.success ? parsed.data : null;
};
export async function sendCaptureRemoval(client: ApiClient, removal: CaptureRemoval) {
  await client.call(ENDPOINTS.deleteCapture, { params: { id: removal.captureId } });
  return { id: removal.captureId };
}

export function sendCapture(client: ApiClient, scan: ScanToSend, clientCaptureId: string) {
  const metadata: Record<string, string> = {
    client_capture_id: clientCaptureId,
    format: scan.format,
    engine: scan.engine,
  };
  if (scan.scannedAt) metadata['scanned_at'] = scan.scannedAt;
  if (scan.decodeMs !== null) metadata['decode_ms'] = scan.decodeMs.toFixed(1);
  if (scan.quantity !== undefined) metadata['quantity'] = String(scan.quantity);
  if (scan.note) metadata['note'] = scan.note;
  return client.call(
    ENDPOINTS.createCapture,
    {
      body: {
        session_short_id: scan.sessionId,
        capture_type: scan.captureType,
        raw_value: scan.rawValue,
        gtin: scan.gtin,
        gs1_dl_data: scan.gs1DlData,
        metadata,
      },
    },
    { headers: { 'Idempotency-Key': clientCaptureId } },
  );
}
