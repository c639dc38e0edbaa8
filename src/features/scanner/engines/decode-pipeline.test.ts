import { describe, expect, it } from 'vitest';
import { confirmed, decodeFrame, plausible } from './decode-pipeline';
import type { DecodedSymbol, DecoderEngine, Frame } from './types';

const frame: Frame = { data: new Uint8ClampedArray(64 * 48 * 4), width: 64, height: 48 };
const quad = (x: number, y: number, w: number, h: number) => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];
const sym = (
  text: string,
  format: DecodedSymbol['format'] = 'ean13',
  points = quad(0, 0, 20, 10),
): DecodedSymbol => ({ format, text, gs1: false, points });

/** A scripted engine: answers call N with the Nth list, recording the frame sizes it saw. */
function scripted(...answers: DecodedSymbol[][]): DecoderEngine & { sizes: string[] } {
  const sizes: string[] = [];
  let call = 0;
  return {
    name: 'zxing-wasm',
    sizes,
    decode: (f) => {
      sizes.push(`${f.width}x${f.height}`);
      return Promise.resolve(answers[call++] ?? []);
    },
  };
}

describe('decodeFrame', () => {
  it('returns what the whole frame gives, without a retry', async () => {
    const engine = scripted([sym('4006381333931')]);
    expect(await decodeFrame(engine, frame, { formats: ['ean13'] })).toMatchObject({
      pass: 'frame',
      symbols: [{ text: '4006381333931' }],
    });
    expect(engine.sizes).toEqual(['64x48']);
  });

  it('retries the enlarged centre at two scales and maps points back to the frame', async () => {
    const engine = scripted(
      [],
      [sym('4006381333931', 'ean13', quad(8, 8, 32, 8))],
      [sym('4006381333931')],
    );
    const result = await decodeFrame(engine, frame, { formats: ['ean13'] });
    expect(engine.sizes).toEqual(['64x48', '64x48', '80x60']);
    expect(result.pass).toBe('centre');
    expect(result.symbols[0]?.points[0]).toEqual({ x: 16 + 4, y: 12 + 4 });
  });

  it('drops a centre read the two scales disagree on, or that is ambiguous', async () => {
    expect(
      (
        await decodeFrame(scripted([], [sym('2075181072311')], [sym('5025121072311')]), frame, {
          formats: ['ean13'],
        })
      ).symbols,
    ).toEqual([]);
    const ambiguous = scripted(
      [],
      [sym('2075181072311')],
      [sym('2075181072311'), sym('6025188012311')],
    );
    expect((await decodeFrame(ambiguous, frame, { formats: ['ean13'] })).symbols).toEqual([]);
  });

  it('can skip the retry, and decodes only the ROI when one is set', async () => {
    const none = scripted();
    expect((await decodeFrame(none, frame, { formats: ['qr'], retryCentre: false })).pass).toBe(
      'none',
    );
    expect(none.sizes).toEqual(['64x48']);
    const roi = scripted([sym('x', 'qr', quad(1, 1, 5, 5))]);
    const result = await decodeFrame(roi, frame, {
      formats: ['qr'],
      roi: { x: 10, y: 20, width: 30, height: 20 },
    });
    expect(roi.sizes).toEqual(['30x20']);
    expect(result.symbols[0]?.points[0]).toEqual({ x: 11, y: 21 });
  });

  it('crops with the cropper it is given (the worker passes a canvas one)', async () => {
    const asked: string[] = [];
    const crop = (_f: Frame, rect: { width: number }, scale: number): Frame => {
      asked.push(`${rect.width}@${scale}`);
      return { data: new Uint8ClampedArray(4), width: 1, height: 1 };
    };
    await decodeFrame(scripted([], [sym('4006381333931')], [sym('4006381333931')]), frame, {
      formats: ['ean13'],
      roi: { x: 0, y: 0, width: 40, height: 40 },
      crop,
    });
    expect(asked).toEqual(['40@1', '20@2', '20@2.5']);
  });

  it('skips the second enlargement when the first finds nothing', async () => {
    const engine = scripted();
    expect((await decodeFrame(engine, frame, { formats: ['ean13'] })).pass).toBe('none');
    expect(engine.sizes).toEqual(['64x48', '64x48']);
  });
});

describe('plausible', () => {
  it('drops 1D slivers read off texture, keeps real symbols and every 2D one', () => {
    expect(plausible(sym('7034759003930', 'ean13', quad(246, 84, 338, 3)))).toBe(false);
    expect(plausible(sym('5030159003930', 'ean13', quad(281, 81, 343, 117)))).toBe(true);
    expect(plausible(sym('x', 'qr', quad(0, 0, 300, 1)))).toBe(true);
    // Two points (ZXing-JS's scan line) cannot be judged, so they are let through.
    expect(
      plausible(
        sym('4006381333931', 'ean13', [
          { x: 0, y: 5 },
          { x: 200, y: 5 },
        ]),
      ),
    ).toBe(true);
  });
});

describe('confirmed', () => {
  const top = sym('0012345000065', 'upce', quad(243, 129, 152, 1));
  const bottom = sym('0012345000065', 'upce', quad(243, 348, 152, 1));

  it('keeps slivers of one text seen at two places, merged into one symbol', () => {
    const result = confirmed([top, bottom]);
    expect(result).toHaveLength(1);
    expect(result[0]?.points).toEqual([
      { x: 243, y: 129 },
      { x: 395, y: 129 },
      { x: 395, y: 349 },
      { x: 243, y: 349 },
    ]);
  });

  it('drops a lone sliver, and slivers that disagree', () => {
    expect(confirmed([top])).toEqual([]);
    expect(confirmed([top, { ...bottom, text: '0012345000072' }])).toEqual([]);
    // The same sliver reported twice at one place is still one sighting.
    expect(confirmed([top, { ...top }])).toEqual([]);
  });

  it('passes plausible reads through, one per text', () => {
    const real = sym('4006381333931', 'ean13', quad(177, 131, 284, 216));
    expect(confirmed([real, { ...real }])).toHaveLength(1);
  });
});
