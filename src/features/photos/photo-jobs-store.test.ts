import { beforeEach, describe, expect, it } from 'vitest';
import { usePhotoJobsStore } from './photo-jobs-store';

const store = () => usePhotoJobsStore.getState();

describe('photo jobs', () => {
  beforeEach(() => usePhotoJobsStore.setState({ jobs: [], savedHere: {} }));

  it('lets a saved photo’s bytes go, counts it, and keeps only the newest saved ones', () => {
    for (let i = 0; i < 15; i++) {
      const id = `p${i}`;
      store().shot(
        { id, kind: 'photo', sessionId: 'S', photoType: 'front', captureShortId: null },
        i,
      );
      store().changed(id, { upload: new Blob(['x'.repeat(100)]) });
      store().saved(id, { bytes: 100 });
      store().pruned(12);
    }
    expect(store().savedHere['S']).toBe(15);
    const saved = store().jobs.filter((j) => j.stage === 'saved');
    expect(saved.map((j) => j.id)).toEqual(Array.from({ length: 12 }, (_, i) => `p${i + 3}`));
    expect(saved.every((j) => j.upload === undefined && j.bytes === 100)).toBe(true);
  });

  it('never prunes a photo that is not saved yet, and counts IMAGE captures apart', () => {
    store().shot(
      { id: 'a', kind: 'photo', sessionId: 'S', photoType: 'back', captureShortId: null },
      0,
    );
    store().changed('a', { stage: 'failed', error: { message: 'Too large', status: 413 } });
    store().shot(
      { id: 'b', kind: 'image-capture', sessionId: 'S', photoType: 'other', captureShortId: null },
      1,
    );
    store().saved('b', {});
    store().pruned(0);
    expect(store().jobs.map((j) => [j.id, j.stage])).toEqual([['a', 'failed']]);
    expect(store().savedHere['S']).toBeUndefined();
  });
});
