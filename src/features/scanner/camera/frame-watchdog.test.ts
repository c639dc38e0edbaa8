import { describe, expect, it } from 'vitest';
import { FrameWatchdog } from './frame-watchdog';

function setup() {
  let t = 0;
  const dog = new FrameWatchdog({ stallMs: 2_000, blackMs: 3_000, blackLuma: 12, now: () => t });
  return { dog, advance: (ms: number) => (t += ms) };
}

describe('FrameWatchdog', () => {
  it('is quiet while frames keep arriving', () => {
    const { dog, advance } = setup();
    for (let i = 0; i < 200; i++) {
      advance(33);
      dog.frame(120);
    }
    expect(dog.check()).toBeNull();
  });

  it('calls a stream that sends no frame for stallMs stalled', () => {
    const { dog, advance } = setup();
    dog.frame(120);
    advance(1_999);
    expect(dog.check()).toBeNull();
    advance(1);
    expect(dog.check()).toBe('stalled');
  });

  it('calls a stream of black frames black, and one light frame clears it', () => {
    const { dog, advance } = setup();
    for (let i = 0; i < 60; i++) {
      advance(33);
      dog.frame(3);
    }
    expect(dog.check()).toBeNull();
    for (let i = 0; i < 40; i++) {
      advance(33);
      dog.frame(3);
    }
    expect(dog.check()).toBe('black');
    expect(dog.lit).toBe(false);
    dog.frame(40);
    expect(dog.check()).toBeNull();
    expect(dog.lit).toBe(true);
  });

  it('gives a restarted stream a fresh grace period', () => {
    const { dog, advance } = setup();
    advance(5_000);
    expect(dog.check()).toBe('stalled');
    dog.reset();
    expect(dog.check()).toBeNull();
  });
});
