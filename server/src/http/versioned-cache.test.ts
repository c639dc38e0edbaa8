import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  it('builds once per version, and again when the version moves', async () => {
    const cache = new VersionedCache();
    let builds = 0;
    const build = () => Promise.resolve(`body ${++builds}`);
    expect(await cache.get('s', 1, build)).toBe('body 1');
    expect(await cache.get('s', 1, build)).toBe('body 1');
    expect(await cache.get('s', 2, build)).toBe('body 2');
    expect(builds).toBe(2);
  });

  it('shares a build in progress between readers of one version', async () => {
    const cache = new VersionedCache();
    let builds = 0;
    const build = () =>
      new Promise<string>((resolve) => setTimeout(() => resolve(`b${++builds}`), 5));
    expect(await Promise.all([cache.get('s', 1, build), cache.get('s', 1, build)])).toEqual([
      'b1',
      'b1',
    ]);
    expect(builds).toBe(1);
  });

  it('does not keep a build that failed', async () => {
    const cache = new VersionedCache();
    await expect(cache.get('s', 1, () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(await cache.get('s', 1, () => Promise.resolve('ok'))).toBe('ok');
  });

  it('forgets the least recently built key when full', async () => {
    const cache = new VersionedCache(2);
    let builds = 0;
    const build = () => Promise.resolve(String(++builds));
    await cache.get('a', 1, build);
    await cache.get('b', 1, build);
    await cache.get('c', 1, build);
    expect(await cache.get('b', 1, build)).toBe('2');
    expect(await cache.get('a', 1, build)).toBe('4');
  });
});
