import { z } from 'zod';
import type { ApiClient } from '../../lib/api-client';
import { apiDelivery } from '../outbox/delivery-policy';
import { durableOutbox } from '../outbox/durable-outbox';
import { sendUntilDelivered } from '../outbox/send-until-delivered';
import { enqueueCapture, type ScanToSend } from './enqueue-capture';

/** The mutation key of every capture on its way, whichever screen (or page) started it. */
export const CAPTURE_SEND_KEY = ['send-capture'] as const;

export interface CaptureToDeliver {
  scan: ScanToSend;
  clientCaptureId: string;
}

/** A scan as kept in the outbox; checked when read back, since an older app may have written it. */
const StoredScan = z.object({
  sessionId: z.string().min(1),
  captureType: z.enum(['BARCODE', 'MANUAL']),
  rawValue: z.string().min(1),
  gtin: z.string(),
  gs1DlData: z.record(z.string(), z.string()),
  format: z.string(),
  engine: z.string(),
  decodeMs: z.number().nullable(),
}) satisfies z.ZodType<ScanToSend>;

export const readStoredScan = (payload: unknown): ScanToSend | null => {
  const parsed = StoredScan.safeParse(payload);
  return parsed.success ? parsed.data : null;
};

/**
 * Sends one capture until the server has it, then forgets it from the durable outbox; a capture
 * the server refuses for good stays there, marked, to be shown. The caller keeps it first.
 */
export async function deliverCapture(
  client: ApiClient,
  { scan, clientCaptureId }: CaptureToDeliver,
  onQueued: (error: unknown) => void,
) {
  try {
    const capture = await sendUntilDelivered(() => enqueueCapture(client, scan, clientCaptureId), {
      ...apiDelivery,
      onQueued,
    });
    await durableOutbox.delivered(clientCaptureId);
    return capture;
  } catch (error) {
    await durableOutbox.refused(clientCaptureId, error);
    throw error;
  }
}
