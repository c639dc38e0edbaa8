import { describe, expect, it } from 'vitest';
import { CAPTURE_STATES, PROPOSAL_STATES, SESSION_STATES, STATES, type StateLook } from './states';

const all: [string, StateLook][] = [
  ...Object.entries(STATES),
  ...Object.entries(CAPTURE_STATES),
  ...Object.entries(SESSION_STATES),
  ...Object.entries(PROPOSAL_STATES),
];

describe('the vocabulary of states', () => {
  it('gives each state words and an icon, so none is told by colour alone', () => {
    for (const [, state] of all) {
      expect(state.word).toMatch(/^[A-Z]/);
      expect(state.icon).not.toBe('');
    }
  });

  it('keeps amber for duplicates and blue for scans waiting on this device, nothing else', () => {
    const amber = all.filter(([, s]) => s.tone === 'duplicate').map(([name]) => name);
    const blue = all.filter(([, s]) => s.tone === 'queued').map(([, s]) => s.word);
    expect(amber).toEqual(['duplicate']);
    expect(blue).toEqual([
      'Queued offline',
      'Queued, server busy',
      'Waiting for the server',
      'Queued, will upload when online',
    ]);
  });

  it('gives the outcomes of PRODUCT.md their sounds and colours', () => {
    expect(STATES.accepted).toMatchObject({ tone: 'accepted', sound: 'accepted' });
    expect(STATES.duplicate).toMatchObject({ tone: 'duplicate', sound: 'duplicate' });
    expect(STATES.rejected).toMatchObject({ tone: 'rejected', sound: 'rejected' });
    expect(STATES.queuedOffline).toMatchObject({ tone: 'queued', sound: 'queued' });
  });

  it('shows a finished session and a finished capture in the same colour', () => {
    expect(SESSION_STATES.COMPLETED.tone).toBe(CAPTURE_STATES.COMPLETED.tone);
  });
});
