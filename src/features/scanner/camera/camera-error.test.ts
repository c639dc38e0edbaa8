import { describe, expect, it } from 'vitest';
import { toCameraError } from './camera-error';

describe('toCameraError', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'not-found'],
    ['OverconstrainedError', 'not-found'],
    ['NotReadableError', 'in-use'],
    ['TypeError', 'failed'],
  ])('maps %s to %s', (name, code) => {
    expect(toCameraError(new DOMException('x', name)).code).toBe(code);
  });
});
