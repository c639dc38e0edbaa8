import { describe, expect, it } from 'vitest';
import { controlsOf, focusAt, setTorch } from './camera-controls';

/** A track that records constraints and refuses some, as devices do. */
function fakeTrack(refuse = false) {
  const applied: unknown[] = [];
  const track = {
    applyConstraints: (c: MediaTrackConstraints) => {
      if (refuse) return Promise.reject(new DOMException('no', 'OverconstrainedError'));
      applied.push(c);
      return Promise.resolve();
    },
  } as unknown as MediaStreamTrack;
  return { track, applied };
}

describe('camera controls', () => {
  it('offers only what the capabilities show', () => {
    expect(controlsOf({})).toEqual({ torch: false, zoomLevels: [], focus: false });
    expect(
      controlsOf({
        torch: true,
        zoom: { min: 1, max: 8 },
        focusMode: ['continuous', 'single-shot'],
      }),
    ).toEqual({ torch: true, zoomLevels: [1, 2], focus: true });
    // A 1x-1.5x zoom range cannot give 2x; continuous-only focus cannot be tapped.
    expect(controlsOf({ zoom: { min: 1, max: 1.5 }, focusMode: ['continuous'] })).toEqual({
      torch: false,
      zoomLevels: [],
      focus: false,
    });
  });

  it('applies torch and focus as advanced constraints, clamping the point', async () => {
    const { track, applied } = fakeTrack();
    expect(await setTorch(track, true)).toBe(true);
    expect(await focusAt(track, { x: 1.4, y: 0.25 })).toBe(true);
    expect(applied).toEqual([
      { advanced: [{ torch: true }] },
      { advanced: [{ focusMode: 'single-shot', pointsOfInterest: [{ x: 1, y: 0.25 }] }] },
    ]);
  });

  it('answers false, without throwing, when the device refuses (OverconstrainedError)', async () => {
    const { track } = fakeTrack(true);
    expect(await setTorch(track, true)).toBe(false);
  });
});
