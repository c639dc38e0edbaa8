import { describe, expect, it } from 'vitest';
import { mergeGroupOrder } from './reorder';

describe('gallery order', () => {
  it('puts a reordered group back into its own positions and leaves the rest alone', () => {
    // a1, a2 belong to product A; b1, b2 to product B, interleaved as they were taken.
    expect(mergeGroupOrder(['a1', 'b1', 'a2', 'b2'], ['a2', 'a1'])).toEqual([
      'a2',
      'b1',
      'a1',
      'b2',
    ]);
  });

  it('is the new order itself when the group is the whole gallery', () => {
    expect(mergeGroupOrder(['x', 'y', 'z'], ['z', 'x', 'y'])).toEqual(['z', 'x', 'y']);
  });
});
