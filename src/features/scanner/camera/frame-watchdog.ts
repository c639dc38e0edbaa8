export type WatchdogVerdict = 'stalled' | 'black' | null;

export interface WatchdogOptions {
  /** No new frame for this long: the stream froze (a USB camera unplugged, a driver hang). */
  stallMs: number;
  /** Only near-black frames for this long: the stream runs but shows nothing. */
  blackMs: number;
  /** Mean luma (0..255) below which a frame counts as black. */
  blackLuma: number;
  now: () => number;
}

/**
 * Decides when a camera stream needs a restart, from frame timestamps and brightness. It is
 * fed by the scan loop and asked on a timer, because a frozen stream sends no frames to react to.
 */
export class FrameWatchdog {
  private lastFrame: number;
  private lightSince: number;
  private sawLight = false;

  constructor(private readonly options: WatchdogOptions) {
    this.lastFrame = options.now();
    this.lightSince = this.lastFrame;
  }

  /** A new frame arrived, with its mean luma when known. */
  frame(luma: number | null): void {
    const now = this.options.now();
    this.lastFrame = now;
    if (luma === null || luma >= this.options.blackLuma) {
      this.lightSince = now;
      this.sawLight = true;
    }
  }

  /** Whether a frame with a picture has arrived since the start (or the last reset). */
  get lit(): boolean {
    return this.sawLight;
  }

  check(): WatchdogVerdict {
    const now = this.options.now();
    if (now - this.lastFrame >= this.options.stallMs) return 'stalled';
    if (now - this.lightSince >= this.options.blackMs) return 'black';
    return null;
  }

  /** After a restart, the new stream gets the full grace period. */
  reset(): void {
    this.lastFrame = this.options.now();
    this.lightSince = this.lastFrame;
    this.sawLight = false;
  }
}
