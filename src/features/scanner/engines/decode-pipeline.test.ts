import { describe, expect, it } from 'vitest';
import {
  ConfirmedMemory,
  decodeFrame,
  lookAgainRect,
  merged,
  runStrategy,
  runsUpright,
} from './decode-pipeline';
import { StrategySchedule } from './strategy-schedule';
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
    decode: (f, _formats, hints) => {
      sizes.push(`${f.width}x${f.height}${hints ? ` ${JSON.stringify(hints)}` : ''}`);
      return Promise.resolve(answers[call++] ?? []);
    },
  };
}

describe('decodeFrame', () => {
  it('without a schedule, returns what the plain decode of the whole frame gives', async () => {
    const engine = scripted([sym('hello', 'qr')]);
    expect(await decodeFrame(engine, frame, { formats: ['qr'] })).toMatchObject({
      strategy: 'plain',
      tried: ['plain'],
      symbols: [{ text: 'hello' }],
    });
    expect(engine.sizes).toEqual(['64x48']);
  });

  it('looks again at a 1D read, enlarged twice, and says what that look read', async () => {
    const read = [sym('4006381333931', 'ean13', quad(10, 20, 40, 2))];
    const confirmed = scripted(read, [sym('4006381333931')]);
    expect((await decodeFrame(confirmed, frame, { formats: ['ean13'] })).symbols).toMatchObject([
      { text: '4006381333931', evidence: 'confirmed' },
    ]);
    // Its box (40 long) with 10 px of quiet zone each side, 12 px above and below its line, at 2x.
    expect(confirmed.sizes).toEqual(['64x48', '120x48 {"minLineCount":1,"tryRotate":false}']);
    const other = scripted(read, [sym('4006381333931'), sym('9780201379624')]);
    expect((await decodeFrame(other, frame, { formats: ['ean13'] })).symbols[0]?.evidence).toBe(
      'contradicted',
    );
    // Nothing at 2x: a look at 1.5x (90x36) decides.
    const later = scripted(read, [], [sym('4006381333931')]);
    expect((await decodeFrame(later, frame, { formats: ['ean13'] })).symbols[0]?.evidence).toBe(
      'confirmed',
    );
    expect(later.sizes.slice(2)).toEqual(['90x36 {"minLineCount":1,"tryRotate":false}']);
    // Nothing at 2x or 1.5x: a last look at 1.25x (75x30).
    const last = scripted(read, [], [], [sym('4006381333931')]);
    expect((await decodeFrame(last, frame, { formats: ['ean13'] })).symbols[0]?.evidence).toBe(
      'confirmed',
    );
    expect(last.sizes.slice(3)).toEqual(['75x30 {"minLineCount":1,"tryRotate":false}']);
    const nothing = scripted(read, [], [], []);
    expect((await decodeFrame(nothing, frame, { formats: ['ean13'] })).symbols[0]?.evidence).toBe(
      'unconfirmed',
    );
  });

  it('turns the look only for a code that reads up or down', async () => {
    // Read from top to bottom: its first two corners run down the frame.
    const upright = sym('4006381333931', 'ean13', [
      { x: 30, y: 5 },
      { x: 30, y: 40 },
      { x: 28, y: 40 },
      { x: 28, y: 5 },
    ]);
    const engine = scripted([upright], [sym('4006381333931')]);
    await decodeFrame(engine, frame, { formats: ['ean13'] });
    expect(engine.sizes[1]).toContain('"tryRotate":true');
    expect(runsUpright(upright)).toBe(true);
    expect(runsUpright(sym('x', 'ean13', quad(0, 0, 20, 10)))).toBe(false);
  });

  it("tries the schedule's strategies in turn, each as it says, until one reads", async () => {
    const schedule = new StrategySchedule(
      [
        { name: 'plain' },
        { name: 'one-line', hints: { minLineCount: 1 } },
        { name: 'centre-enlarged', centre: 0.5, scale: 2 },
      ],
      { budgetMs: 100, now: () => 0 },
    );
    const engine = scripted([], [], [sym('x', 'qr', quad(8, 8, 32, 8))]);
    const result = await decodeFrame(engine, frame, { formats: ['qr'], schedule });
    expect(engine.sizes).toEqual(['64x48', '64x48 {"minLineCount":1}', '64x48']);
    expect(result.strategy).toBe('centre-enlarged');
    // The centre half (32x24 at 16,12) enlarged twice: its (8,8) is the frame's (20,16).
    expect(result.symbols[0]?.points[0]).toEqual({ x: 16 + 4, y: 12 + 4 });
  });

  it('decodes only the ROI when one is set, and maps points back', async () => {
    const roi = scripted([sym('x', 'qr', quad(1, 1, 5, 5))]);
    const result = await decodeFrame(roi, frame, {
      formats: ['qr'],
      roi: { x: 10, y: 20, width: 30, height: 20 },
    });
    expect(roi.sizes).toEqual(['30x20']);
    expect(result.symbols[0]?.points[0]).toEqual({ x: 11, y: 21 });
  });

  it('decodes the viewfinder only, and a centre strategy its centre enlarged', async () => {
    const options = { formats: ['ean13'] as const, roi: { x: 4, y: 2, width: 40, height: 30 } };
    const engine = scripted();
    await runStrategy(engine, frame, { name: 'plain' }, options);
    await runStrategy(engine, frame, { name: 'centre', centre: 0.5, scale: 3 }, options);
    expect(engine.sizes).toEqual(['40x30', '60x45']);
  });

  it('filters the frame when the strategy says so', async () => {
    const grey: Frame = {
      data: Uint8ClampedArray.from({ length: 64 * 48 * 4 }, (_, i) =>
        i % 4 === 3 ? 255 : 100 + ((i >> 2) % 2) * 20,
      ),
      width: 64,
      height: 48,
    };
    let seen: Frame | null = null;
    const engine: DecoderEngine = {
      name: 'zxing-wasm',
      decode: (f) => {
        seen = f;
        return Promise.resolve([]);
      },
    };
    await runStrategy(
      engine,
      grey,
      { name: 'stretched', filter: 'stretch' },
      { formats: ['ean13'] },
    );
    const data = (seen as Frame | null)?.data ?? new Uint8ClampedArray();
    // 100 and 120 grey became black and white.
    expect([data[0], data[4]]).toEqual([0, 255]);
  });
});

describe('ConfirmedMemory', () => {
  it('skips the second look for a text confirmed lately, and only lately', async () => {
    let t = 0;
    const confirmed = new ConfirmedMemory(3_000, () => t);
    const read = [sym('4006381333931', 'ean13', quad(10, 20, 40, 2))];
    const engine = scripted(read, [sym('4006381333931')], read, read);
    const options = { formats: ['ean13'] as const, confirmed };
    await decodeFrame(engine, frame, options);
    t += 2_000;
    expect((await decodeFrame(engine, frame, options)).symbols[0]?.evidence).toBe('confirmed');
    expect(engine.sizes).toHaveLength(3);
    // Past its time, it is looked at again (and this time the look reads nothing).
    t += 3_001;
    expect((await decodeFrame(engine, frame, options)).symbols[0]?.evidence).toBe('unconfirmed');
    // The frame, then the three looks (2x, 1.5x, 1.25x) that read nothing.
    expect(engine.sizes).toHaveLength(7);
  });
});

describe('merged', () => {
  it('merges reads of one text into one symbol spanning them', () => {
    const top = sym('0012345000065', 'upca', quad(10, 10, 100, 2));
    const bottom = sym('0012345000065', 'upca', quad(12, 60, 100, 2));
    const [one, ...rest] = merged([top, bottom]);
    expect(rest).toEqual([]);
    expect(one?.points).toEqual(quad(10, 10, 102, 52));
  });

  it('keeps different texts apart', () => {
    expect(merged([sym('4006381333931'), sym('9780201379624')])).toHaveLength(2);
  });
});

describe('lookAgainRect', () => {
  it('stays inside the frame', () => {
    expect(lookAgainRect(sym('x', 'ean13', quad(0, 0, 64, 1)), frame)).toEqual({
      x: 0,
      y: 0,
      width: 64,
      height: 20,
    });
  });
});
