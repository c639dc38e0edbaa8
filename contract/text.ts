import { z } from 'zod/mini';

/**
 * Length in Unicode code points, the way the upstream (Python/Django) counts `max_length`.
 * `String.prototype.length` counts UTF-16 units and would reject a 500-emoji value that the
 * real API accepts.
 */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** A string bounded in code points, the unit the upstream API counts in. */
export function boundedText(min: number, max: number) {
  return z.string().check(
    z.refine(
      (v) => {
        const n = codePointLength(v);
        return n >= min && n <= max;
      },
      `Must be ${min === 0 ? `at most ${max}` : `${min}-${max}`} characters.`,
    ),
  );
}

export const DateTime = z.iso.datetime({ offset: true });

const HTTP_URL = /^https?:\/\//i;
export const isHttpUrl = (v: string): boolean => {
  if (!HTTP_URL.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
};
