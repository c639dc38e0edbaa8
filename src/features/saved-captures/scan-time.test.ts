import { describe, expect, it } from 'vitest';
import { scanTimes } from './scan-time';

describe('scanTimes', () => {
  it('is the device time, with the server time beside it when they are a minute apart', () => {
    const late = scanTimes({
      created: '2026-12-06T17:00:00.000Z',
      metadata: { scanned_at: '2026-12-06T10:00:00.000+01:00' },
    });
    expect(late.scanned.toISOString()).toBe('2026-12-06T09:00:00.000Z');
    expect(late.received?.toISOString()).toBe('2026-12-06T17:00:00.000Z');
    const prompt = scanTimes({
      created: '2026-12-06T09:00:59.000Z',
      metadata: { scanned_at: '2026-12-06T09:00:00.000Z' },
    });
    expect(prompt.received).toBeNull();
    const edge = scanTimes({
      created: '2026-12-06T09:01:00.000Z',
      metadata: { scanned_at: '2026-12-06T09:00:00.000Z' },
    });
    expect(edge.received).not.toBeNull();
  });

  it('falls back to the server time when the device time is missing or unreadable', () => {
    for (const metadata of [{}, { scanned_at: 'yesterday-ish' }] as Record<string, string>[]) {
      const t = scanTimes({ created: '2026-12-06T17:00:00.000Z', metadata });
      expect(t.scanned.toISOString()).toBe('2026-12-06T17:00:00.000Z');
      expect(t.received).toBeNull();
    }
  });
});
