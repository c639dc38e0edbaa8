export interface WedgeOptions {
  /** A scanner types faster than this, on average, between keys (people manage ~100 ms+). */
  maxMeanGapMs: number;
  /** And never pauses longer than this inside one code. */
  maxGapMs: number;
  minLength: number;
  terminators: readonly string[];
}

// People sustain ~100 ms a key at best; scanners type at 2-20 ms. 50 ms leaves room for a busy main thread.
export const DEFAULT_WEDGE: WedgeOptions = {
  maxMeanGapMs: 50,
  maxGapMs: 120,
  minLength: 4,
  terminators: ['Enter', 'Tab'],
};

/**
 * Recognises a Bluetooth or USB keyboard-wedge scanner by how it types: a burst of printable
 * keys much faster than a person, ended by Enter or Tab. Feed it every key press that did not
 * go to a text field; it returns the code when a burst ends, otherwise null.
 */
export class WedgeDetector {
  private buffer = '';
  private times: number[] = [];

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE) {}

  key(key: string, at: number): string | null {
    const last = this.times[this.times.length - 1];
    if (last !== undefined && at - last > this.options.maxGapMs) this.clear();
    if (this.options.terminators.includes(key)) {
      const code = this.isScan() ? this.buffer : null;
      this.clear();
      return code;
    }
    if (key.length !== 1) {
      // Shift and friends arrive between characters of a scan; other keys end the burst.
      if (key !== 'Shift') this.clear();
      return null;
    }
    this.buffer += key;
    this.times.push(at);
    return null;
  }

  private isScan(): boolean {
    if (this.buffer.length < this.options.minLength) return false;
    const first = this.times[0] ?? 0;
    const last = this.times[this.times.length - 1] ?? 0;
    return (last - first) / (this.times.length - 1) <= this.options.maxMeanGapMs;
  }

  private clear(): void {
    this.buffer = '';
    this.times = [];
  }
}
