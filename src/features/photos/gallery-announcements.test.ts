import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { galleryAnnouncements } from './gallery-announcements';

// Only the ids matter to the announcements; the rest of dnd-kit's objects is left out.
const active = (id: string) => ({ id }) as unknown as Active;
const over = (id: string) => ({ id }) as unknown as Over;

describe('gallery announcements', () => {
  const say = () =>
    galleryAnnouncements(['a', 'b', 'c'], (id) => `Photo ${id.toUpperCase()}`, { moved: false });

  it('says where a photo was picked up and lets the first report of its own place pass', () => {
    const a = say();
    expect(a.onDragStart({ active: active('a') })).toBe('Picked up Photo A at position 1.');
    expect(a.onDragOver({ active: active('a'), over: over('a') })).toBeUndefined();
    expect(a.onDragOver({ active: active('a'), over: over('c') })).toBe(
      'Photo A is over position 3.',
    );
    // Back at its own place after being elsewhere: now that is news.
    expect(a.onDragOver({ active: active('a'), over: over('a') })).toBe(
      'Photo A is over position 1.',
    );
    expect(a.onDragEnd({ active: active('a'), over: over('b') })).toBe(
      'Photo A dropped at position 2.',
    );
  });

  it('starts afresh with every pick-up', () => {
    const a = say();
    a.onDragStart({ active: active('a') });
    a.onDragOver({ active: active('a'), over: over('b') });
    a.onDragStart({ active: active('b') });
    expect(a.onDragOver({ active: active('b'), over: over('b') })).toBeUndefined();
  });

  it('says when a photo is over no place, and when it is put back or cancelled', () => {
    const a = say();
    expect(a.onDragOver({ active: active('b'), over: null })).toBe('Photo B is not over a place.');
    expect(a.onDragEnd({ active: active('b'), over: null })).toBe('Photo B was put back.');
    expect(a.onDragCancel({ active: active('b'), over: null })).toBe(
      'Moving Photo B was cancelled.',
    );
  });
});
