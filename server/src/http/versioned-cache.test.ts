import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  it('builds once per version, and again when the version moves', () => {
    const cache = new VersionedCache();
    let builds = 0;
    const build = () => `body ${++builds}`;
    expect(cache.get('s', 1, build)).toBe('body 1');
    expect(cache.get('s', 1, build)).toBe('body 1');
    expect(cache.get('s', 2, build)).toBe('body 2');
    expect(builds).toBe(2);
  });

  it('forgets the least recently built key when full', () => {
    const cache = new VersionedCache(2);
    let builds = 0;
    const build = () => String(++builds);
    cache.get('a', 1, build);
    cache.get('b', 1, build);
    cache.get('c', 1, build);
    expect(cache.get('b', 1, build)).toBe('2');
    expect(cache.get('a', 1, build)).toBe('4');
  });
});
