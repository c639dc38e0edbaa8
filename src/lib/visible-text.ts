/**
 * Characters that change how text reads without being seen: bidi overrides and isolates (a
 * scanned `invoice\u202Efdp.exe` would read "invoiceexe.pdf"), zero-width characters, the BOM
 * and C0/C1 controls. Scanned values come from anyone's label.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** The text with every hidden character shown as ⟨U+XXXX⟩, so the operator sees what was read. */
export function visibleText(text: string): string {
  return text.replace(
    HIDDEN,
    (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}
