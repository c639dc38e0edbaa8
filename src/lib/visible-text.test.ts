import { describe, expect, it } from 'vitest';
import { visibleText } from './visible-text';

describe('visibleText', () => {
  it('shows a bidi override instead of obeying it', () => {
    expect(visibleText('invoice\u202Efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
  });

  it('shows zero-width, BOM, isolate and control characters, one by one', () => {
    expect(visibleText('a\u200Bb\uFEFFc\u2066d\u0009e\u001Df\u0085')).toBe(
      'a⟨U+200B⟩b⟨U+FEFF⟩c⟨U+2066⟩d⟨U+0009⟩e⟨U+001D⟩f⟨U+0085⟩',
    );
  });

  it('leaves ordinary text alone, right-to-left letters and emoji included', () => {
    for (const text of [
      '4006381333931',
      'https://id.gs1.org/01/09506000134352',
      'שלום עולם',
      'Ünïcødé ✓ 🙂',
    ])
      expect(visibleText(text)).toBe(text);
  });
});
