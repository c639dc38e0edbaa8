import { Capture, type CaptureType, SCANNER_API_PREFIX, withLegacyId } from '#contract';
import type { ApiClient } from '../../lib/api-client';

export interface ScanToSend {
  sessionId: string;
  captureType: Extract<CaptureType, 'BARCODE' | 'MANUAL'>;
  rawValue: string;
  gtin: string;
  gs1DlData: Record<string, string>;
  format: string;
  engine: string;
  decodeMs: number | null;
}

/**
 * The one way an accepted scan becomes a capture. The client capture id is both the
 * Idempotency-Key and a metadata key, so a retried send never makes a second capture, even
 * against an upstream without idempotency (Part A). The offline outbox will wrap this function.
 */
export function enqueueCapture(
  client: ApiClient,
  scan: ScanToSend,
  clientCaptureId: string = crypto.randomUUID(),
) {
  const metadata: Record<string, string> = {
    client_capture_id: clientCaptureId,
    format: scan.format,
    engine: scan.engine,
  };
  if (scan.decodeMs !== null) metadata['decode_ms'] = scan.decodeMs.toFixed(1);
  return client.request(withLegacyId(Capture), `${SCANNER_API_PREFIX}/captures`, {
    method: 'POST',
    headers: { 'Idempotency-Key': clientCaptureId },
    body: {
      session_short_id: scan.sessionId,
      capture_type: scan.captureType,
      raw_value: scan.rawValue,
      gtin: scan.gtin,
      gs1_dl_data: scan.gs1DlData,
      metadata,
    },
  });
}
