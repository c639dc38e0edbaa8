import type { Capture } from '#contract';

/** A gap the operator would notice: under it, "scanned" and "received" are the same moment. */
const NOTICEABLE_MS = 60_000;

/**
 * When a capture was scanned (the device's `scanned_at`, kept however late it was sent) and,
 * where that differs noticeably, when the server received it. Captures from older app versions
 * or other clients carry no device time: the server's time is then the only one.
 */
export function scanTimes(capture: Pick<Capture, 'created' | 'metadata'>): {
  scanned: Date;
  received: Date | null;
} {
  const created = new Date(capture.created);
  const device = Date.parse(capture.metadata['scanned_at'] ?? '');
  if (Number.isNaN(device)) return { scanned: created, received: null };
  const scanned = new Date(device);
  const apart = Math.abs(created.getTime() - device) >= NOTICEABLE_MS;
  return { scanned, received: apart ? created : null };
}
