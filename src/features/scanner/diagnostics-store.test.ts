import { beforeEach, describe, expect, it } from 'vitest';
import { summaryLine, useDiagnosticsStore, figures } from './diagnostics-store';

beforeEach(() => useDiagnosticsStore.getState().started(`s-${Math.random()}`));

describe('diagnostics', () => {
  it('keeps decode times and attempts per second from recent frames', () => {
    const d = useDiagnosticsStore.getState();
    for (let i = 0; i < 100; i++) d.frame(i < 50 ? 5 : 10, 10_000 + i * 50);
    const s = useDiagnosticsStore.getState();
    expect(s.decodeMs).toHaveLength(60);
    // The last second holds 20 frames at 50 ms apart.
    expect(figures(s)).toEqual({ decodeMedianMs: 10, decodeP95Ms: 10, attemptsPerSecond: 20 });
  });

  it('sums up in one metadata value of at most 500 characters', () => {
    const d = useDiagnosticsStore.getState();
    d.engineChosen('zxing-wasm', false);
    d.frame(7.25, 1);
    d.counted({ accepted: 3, duplicates: 1, rejected: 2 });
    d.cameraLive({ label: 'Back Camera', width: 1280, height: 720 });
    d.failed('x'.repeat(600));
    const line = summaryLine(useDiagnosticsStore.getState());
    expect(line).toContain('engine=zxing-wasm; decode_ms_p50=7.3');
    expect(line).toContain('misreads_caught=2; camera=Back Camera 1280x720; torch=off');
    expect(line.length).toBeLessThanOrEqual(500);
    expect(line).not.toContain('last_error');
    d.failed('NotReadableError: camera in use');
    expect(summaryLine(useDiagnosticsStore.getState())).toMatch(/last_error=NotReadableError/);
  });
});
