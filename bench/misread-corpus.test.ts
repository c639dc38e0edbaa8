import { describe, expect, it } from 'vitest';
import { identify } from '../src/lib/gs1/identify';
import { RETAIL_SYMBOLOGIES } from '../src/lib/gs1/symbology';
import { runStrategy, STRATEGIES } from '../src/features/scanner/engines/decode-pipeline';
import { CAMERA_TIMINGS, ScanGate } from '../src/features/scanner/guards/scan-gate';
import { MISREAD_CORPUS, renderMisreadCase } from './decoders/misread-corpus';
import { jittered, seeded } from './decoders/jitter';
import { nodeWasmEngine } from './node-engines';

const engine = nodeWasmEngine();
const asGtin = (text: string) => text.padStart(14, '0');

describe('the misread corpus', () => {
  it('makes raw ZXing-C++ misread every case on its own', { timeout: 60_000 }, async () => {
    // Without this the corpus would prove nothing about the app's guards.
    for (const c of MISREAD_CORPUS) {
      const frame = await renderMisreadCase(c);
      const texts = (await engine.decode(frame, [c.symbology], c.hints))
        .filter((s) => identify(s).ok)
        .map((s) => asGtin(s.text));
      expect(texts, `${c.value} should misread`).toContain(asGtin(c.misreadAs));
    }
  });

  it(
    'gives no wrong capture through the app: every strategy on 15 jittered frames, then the gate',
    { timeout: 300_000 },
    async () => {
      const wrong: string[] = [];
      let right = 0;
      for (const [n, c] of MISREAD_CORPUS.entries()) {
        const base = await renderMisreadCase(c);
        const random = seeded(n);
        let clock = 0;
        const gate = new ScanGate({
          agreementFrames: 2,
          cooldownMs: 2_000,
          ...CAMERA_TIMINGS,
          now: () => clock,
        });
        for (let i = 0; i < 15; i++, clock += 33) {
          const frame = i === 0 ? base : jittered(base, random);
          // Every strategy's reads, not only the first that read: the worst case for the gate.
          for (const strategy of STRATEGIES) {
            const symbols = await runStrategy(engine, frame, strategy, {
              formats: RETAIL_SYMBOLOGIES,
            });
            for (const s of symbols) {
              const outcome = gate.offer(s);
              if (outcome.kind !== 'accepted') continue;
              if (asGtin(outcome.decoded.text) === asGtin(c.value)) right += 1;
              else
                wrong.push(
                  `${c.value} accepted as ${outcome.decoded.text} (${strategy.name}, frame ${i}, ${s.evidence})`,
                );
            }
          }
        }
      }
      console.log(`misread corpus: ${MISREAD_CORPUS.length} cases, ${right} read right`);
      expect(wrong).toEqual([]);
    },
  );
});
