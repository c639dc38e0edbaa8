import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoWithOffset } from './device-time';

describe('isoWithOffset', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the local time with the offset, naming the same instant', () => {
    const date = new Date('2026-12-06T08:00:00.045Z');
    vi.spyOn(date, 'getTimezoneOffset').mockReturnValue(-90); // UTC+01:30
    vi.spyOn(date, 'getHours').mockReturnValue(9);
    vi.spyOn(date, 'getMinutes').mockReturnValue(30);
    expect(isoWithOffset(date)).toBe('2026-12-06T09:30:00.045+01:30');
  });

  it('writes a negative offset, and round-trips through Date.parse in any zone', () => {
    const date = new Date('2026-01-02T03:04:05.006Z');
    vi.spyOn(date, 'getTimezoneOffset').mockReturnValue(300); // UTC-05:00
    expect(isoWithOffset(date)).toMatch(/-05:00$/);
    const real = new Date('2026-07-01T12:00:00.500Z');
    expect(Date.parse(isoWithOffset(real))).toBe(real.getTime());
  });
});
