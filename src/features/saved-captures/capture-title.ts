import type { Capture } from '#contract';

/** What a capture is called on screen: its product, else its value, else what kind it is. */
export function captureTitle(c: Pick<Capture, 'product_name' | 'raw_value' | 'capture_type'>) {
  return (
    c.product_name ?? (c.raw_value || (c.capture_type === 'IMAGE' ? 'Image capture' : 'Capture'))
  );
}
