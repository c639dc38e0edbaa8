import type { CaptureMode } from '#contract';

export const MODE_LABEL: Record<CaptureMode, string> = {
  barcode_scan: 'Barcode',
  product_photography: 'Photos',
  both: 'Barcode and photos',
};

/** The screen a session's scanning happens on, by mode. */
export const scanPath = (id: string, mode: CaptureMode) =>
  `/sessions/${id}/${mode === 'product_photography' ? 'photos' : 'scan'}`;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "5 minutes ago", "yesterday": when a session was last used. */
export function timeAgo(ms: number, now = Date.now()): string {
  const seconds = Math.round((ms - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return 'just now';
}
