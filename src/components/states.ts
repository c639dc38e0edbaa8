import type { CaptureStatus, ProposalStatus, SessionStatus } from '#contract';

/**
 * The app's one vocabulary of states (PRODUCT.md, "Every scan outcome gets its own colour,
 * sound and words"). Each colour means one thing: green that it worked, amber a duplicate and
 * nothing else, red that it did not work, blue that it waits on this device and nothing else,
 * grey that it is under way. Every chip, flash and announcement reads its words and colour here.
 */
export type Tone = 'accepted' | 'duplicate' | 'rejected' | 'queued' | 'neutral';

/** The scan outcomes that make a sound (see scanner/feedback). */
export type Sound = 'accepted' | 'duplicate' | 'rejected' | 'queued';

export interface StateLook {
  word: string;
  tone: Tone;
  /** Shown beside the word, so that no state is told by colour alone. */
  icon: string;
  sound: Sound | null;
}

const look = (word: string, tone: Tone, icon: string, sound: Sound | null = null): StateLook => ({
  word,
  tone,
  icon,
  sound,
});

export const STATES = {
  // A scan, the moment it happens.
  accepted: look('Scanned', 'accepted', '✓', 'accepted'),
  duplicate: look('Already scanned', 'duplicate', '⧉', 'duplicate'),
  rejected: look('Not accepted', 'rejected', '✕', 'rejected'),
  counted: look('Counted', 'accepted', '+', 'accepted'),
  undone: look('Undone', 'neutral', '↶'),
  // A scan or photo on its way.
  queuedOffline: look('Queued offline', 'queued', '◷', 'queued'),
  queuedBusy: look('Queued, server busy', 'queued', '◷', 'queued'),
  waiting: look('Waiting for the server', 'queued', '◷', 'queued'),
  sending: look('Sending', 'neutral', '↑'),
  held: look('Waiting for you', 'neutral', '!'),
  notSaved: look('Not saved', 'rejected', '✕', 'rejected'),
  notKept: look('Not saved on this device', 'rejected', '✕', 'rejected'),
  saved: look('Saved', 'accepted', '✓'),
  sent: look('Sent', 'accepted', '✓'),
  // A photo before it is sent.
  checking: look('Checking', 'neutral', '…'),
  checkPhoto: look('Check this photo', 'neutral', '!'),
  uploading: look('Uploading', 'neutral', '↑'),
  photoQueued: look('Queued, will upload when online', 'queued', '◷'),
} as const satisfies Record<string, StateLook>;

export type StateName = keyof typeof STATES;

/** A capture as the server reports it: saved, then looked up. */
export const CAPTURE_STATES: Record<CaptureStatus, StateLook> = {
  PENDING: look('Saved, looking up', 'neutral', '…'),
  LOOKING_UP: look('Looking up', 'neutral', '…'),
  ENRICHING: look('Enriching', 'neutral', '…'),
  RESOLVING: look('Resolving link', 'neutral', '…'),
  COMPLETED: look('Product found', 'accepted', '✓'),
  NOT_FOUND: look('Unknown product', 'neutral', '?'),
  FAILED: look('Lookup failed', 'rejected', '✕'),
};

/** A session: finished is green, like a finished capture. */
export const SESSION_STATES: Record<SessionStatus, StateLook> = {
  ACTIVE: look('Active', 'accepted', '●'),
  COMPLETED: look('Completed', 'accepted', '✓'),
  EXPIRED: look('Expired', 'neutral', '–'),
};

/** An enrichment proposal, under review. */
export const PROPOSAL_STATES: Record<ProposalStatus, StateLook> = {
  PENDING: look('To review', 'neutral', '•'),
  ACCEPTED: look('Accepted', 'accepted', '✓'),
  REJECTED: look('Rejected', 'rejected', '✕'),
};

/** A code in view in batch mode: the colour of its outline and the words of its button. */
export const BATCH_STATES = {
  reading: look('Reading', 'neutral', '…'),
  captured: look('Scanned', 'accepted', '✓'),
  'in-session': look('Already in this session', 'duplicate', '⧉'),
  refused: look('Not accepted', 'rejected', '✕'),
  excluded: look('Left out', 'neutral', '–'),
} as const satisfies Record<string, StateLook>;

/** Why a scan waits, in the table's words. */
export const QUEUED_STATE = {
  offline: STATES.queuedOffline,
  busy: STATES.queuedBusy,
  unconfirmed: STATES.waiting,
} as const;
