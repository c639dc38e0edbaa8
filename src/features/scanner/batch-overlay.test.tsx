import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BatchOverlay, boxOnScreen } from './batch-overlay';
import type { Track } from './guards/batch-tracker';

const square = (x: number, y: number, side: number) => [
  { x, y },
  { x: x + side, y },
  { x: x + side, y: y + side },
  { x, y: y + side },
];

describe('boxOnScreen', () => {
  it('maps frame pixels onto a video drawn with object-fit: cover', () => {
    // A 1280x720 frame on a 640x640 element: scaled by 640/720, 249 px cropped each side.
    const box = boxOnScreen(
      square(640, 360, 90),
      { width: 1280, height: 720 },
      { width: 640, height: 640 },
    );
    expect(box.left).toBeCloseTo(640 * (8 / 9) - (1280 * (8 / 9) - 640) / 2);
    expect(box.top).toBeCloseTo(320);
    expect(box.width).toBeCloseTo(80);
  });
});

describe('BatchOverlay', () => {
  const track = (state: Track['state'], reason?: string): Track => ({
    key: state,
    symbol: { format: 'ean13', text: '4006381333931', gs1: false, points: square(0, 0, 10) },
    state,
    points: square(100, 100, 10),
    lastSeen: 0,
    ...(reason ? { reason } : {}),
  });

  it('gives each code a button of at least 44 px, named by its value and state', () => {
    const onTap = vi.fn();
    render(
      <BatchOverlay
        view={{
          tracks: [track('captured'), track('refused', 'The check digit is wrong.')],
          frame: { width: 640, height: 480 },
        }}
        element={{ width: 640, height: 480 }}
        onTap={onTap}
      />,
    );
    const refused = screen.getByRole('button', {
      name: /EAN-13 4006381333931: Not accepted \(The check digit is wrong\.\)\. Leave out/,
    });
    expect(refused.style.width).toBe('44px');
    fireEvent.click(screen.getByRole('button', { name: /: Scanned\. Leave out/ }));
    expect(onTap).toHaveBeenCalledWith(expect.objectContaining({ state: 'captured' }));
  });
});
