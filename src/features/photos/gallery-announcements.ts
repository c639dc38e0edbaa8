import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';

export const galleryInstructions: ScreenReaderInstructions = {
  draggable:
    'To move a photo, press Space, use the arrow keys to choose its place, and press Space again. Escape cancels.',
};

/**
 * What a screen reader hears while a photo is moved. `ids` is the order before the move, so
 * "position" is the place the photo would take. dnd-kit reports the photo over its own place as
 * soon as it is picked up; that is left unsaid until it has been somewhere else, so "Picked up"
 * is not cut short. `state` outlives renders, since the gallery re-renders mid-drag.
 */
export function galleryAnnouncements(
  ids: string[],
  describe: (id: string) => string,
  state: { moved: boolean },
): Announcements {
  const at = (id: string | number) => ids.indexOf(String(id)) + 1;
  return {
    onDragStart: ({ active }) => {
      state.moved = false;
      return `Picked up ${describe(String(active.id))} at position ${at(active.id)}.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return `${describe(String(active.id))} is not over a place.`;
      if (over.id === active.id && !state.moved) return undefined;
      state.moved = true;
      return `${describe(String(active.id))} is over position ${at(over.id)}.`;
    },
    onDragEnd: ({ active, over }) =>
      over
        ? `${describe(String(active.id))} dropped at position ${at(over.id)}.`
        : `${describe(String(active.id))} was put back.`,
    onDragCancel: ({ active }) => `Moving ${describe(String(active.id))} was cancelled.`,
  };
}
