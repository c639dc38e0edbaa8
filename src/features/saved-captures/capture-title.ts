import type { Capture } from '#contract';
import { visibleText } from '../../lib/visible-text';

/**
 * What a capture is called on screen: its product, else its value, else what kind it is. Hidden
 * characters are shown (⟨U+202E⟩), since a title also lands where no <bdi> can isolate it: a
 * select's options, a heading's text, an aria-label.
 */
export function captureTitle(c: Pick<Capture, 'product_name' | 'raw_value' | 'capture_type'>) {
  return visibleText(
    c.product_name ?? (c.raw_value || (c.capture_type === 'IMAGE' ? 'Image capture' : 'Capture')),
  );
}
