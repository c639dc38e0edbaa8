import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePhotoGuide } from './use-photo-guide';

describe('usePhotoGuide', () => {
  it('walks front, back, nutrition, ingredients, barcode, then leaves the guide', () => {
    const { result } = renderHook(() => usePhotoGuide(true));
    const seen = [];
    for (let i = 0; i < 5; i++) {
      seen.push([result.current.type, result.current.step]);
      act(() => result.current.photographed());
    }
    expect(seen).toEqual([
      ['front', 1],
      ['back', 2],
      ['nutrition', 3],
      ['ingredients', 4],
      ['barcode', 5],
    ]);
    expect(result.current).toMatchObject({ type: 'other', guided: false, step: null });
  });

  it('skips a step, and a type chosen by hand leaves the guide', () => {
    const { result } = renderHook(() => usePhotoGuide(true));
    act(() => result.current.skipped());
    expect(result.current.type).toBe('back');
    act(() => result.current.chosen('recycling'));
    expect(result.current).toMatchObject({ type: 'recycling', guided: false });
    act(() => result.current.photographed());
    expect(result.current.type).toBe('recycling');
  });

  it('starts again for a new product', () => {
    const { result, rerender } = renderHook(({ product }) => usePhotoGuide(true, product), {
      initialProps: { product: 'A' },
    });
    act(() => result.current.photographed());
    act(() => result.current.photographed());
    expect(result.current.type).toBe('nutrition');
    rerender({ product: 'B' });
    expect(result.current).toMatchObject({ type: 'front', step: 1 });
  });
});
