import { create } from 'zustand';
import type { PhotoType } from '#contract';
import { PHOTO_TYPE_LABEL } from './photo-types';
import type { QualityIssue, QualityReport } from './processing/photo-quality';

/**
 * One photo on its way from the shutter to the server. The blobs are this device's client state
 * until the server has the photo; after that the gallery (server data) takes over.
 *
 * - processing: scored and compressed in the worker;
 * - review: flagged (blurry, dark); the operator keeps it or takes it again;
 * - sending: uploading (progress 0–1) and registering;
 * - queued: the network is away or the server is busy; it is sent again by itself;
 * - saved: registered on the server;
 * - failed: the server refused it (413, 415, ...); kept, with the reason and the next step.
 */
export interface PhotoJob {
  id: string;
  /** A gallery photo, or an IMAGE capture (a product without a readable barcode). */
  kind: 'photo' | 'image-capture';
  sessionId: string;
  photoType: PhotoType;
  captureShortId: string | null;
  stage: 'processing' | 'review' | 'sending' | 'queued' | 'saved' | 'failed';
  takenAt: number;
  /** The shutter's wall-clock time, for the file name. */
  takenAtIso: string;
  progress: number;
  /** The bytes to send; let go once the server has them (a day of photos would fill memory). */
  upload?: Blob;
  /** Bytes sent, kept after `upload` is let go. */
  bytes?: number;
  thumb?: Blob;
  thumbUrl?: string;
  width?: number;
  height?: number;
  sourceBytes?: number | null;
  /** How the camera made the still: its photo mode, or a frame of the video. */
  how?: 'photo' | 'frame';
  report?: QualityReport;
  error?: { message: string; status: number | null };
  /** The photo's (or the IMAGE capture's) id on the server, once saved. */
  savedId?: string;
  /** ms from the shutter to the server's 201, for the closing numbers and support. */
  savedAfterMs?: number;
}

const ISSUE_TEXT: Record<QualityIssue, string> = {
  blurry: 'blurry',
  dark: 'too dark',
  overexposed: 'washed out',
};

/** "Front photo", or "Image capture": how the screens name a job. */
export const jobName = (job: Pick<PhotoJob, 'kind' | 'photoType'>) =>
  job.kind === 'image-capture' ? 'Image capture' : `${PHOTO_TYPE_LABEL[job.photoType]} photo`;

/** "blurry and too dark": what the quality check found. */
export const issuesText = (job: Pick<PhotoJob, 'report'>) =>
  job.report?.issues.map((i) => ISSUE_TEXT[i]).join(' and ') ?? '';

interface PhotoJobsState {
  jobs: PhotoJob[];
  /** Photos (not IMAGE captures) this device saved, per session: the tray forgets, this not. */
  savedHere: Record<string, number>;
  /** The server has the photo: its bytes are let go and the count goes up. */
  saved: (id: string, change: Partial<PhotoJob>) => void;
  shot: (
    job: Pick<PhotoJob, 'id' | 'kind' | 'sessionId' | 'photoType' | 'captureShortId'>,
    takenAt: number,
  ) => void;
  changed: (id: string, change: Partial<PhotoJob>) => void;
  /** The operator let a photo go (retake, or discard after a failure): its thumbnail goes too. */
  dropped: (id: string) => void;
  /** Saved photos beyond the newest `keep` leave the tray; the gallery has them. */
  pruned: (keep: number) => void;
}

export const usePhotoJobsStore = create<PhotoJobsState>()((set, get) => ({
  jobs: [],
  savedHere: {},
  saved: (id, change) => {
    const job = get().jobs.find((j) => j.id === id);
    if (!job) return;
    set((s) => ({
      jobs: s.jobs.map((j) =>
        j.id === id ? { ...j, ...change, stage: 'saved', upload: undefined, thumb: undefined } : j,
      ),
      savedHere:
        job.kind === 'photo'
          ? { ...s.savedHere, [job.sessionId]: (s.savedHere[job.sessionId] ?? 0) + 1 }
          : s.savedHere,
    }));
  },
  shot: (job, takenAt) =>
    set((s) => ({
      jobs: [
        ...s.jobs,
        {
          ...job,
          stage: 'processing',
          takenAt,
          takenAtIso: new Date().toISOString(),
          progress: 0,
        },
      ],
    })),
  changed: (id, change) =>
    set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...change } : j)) })),
  dropped: (id) => {
    const job = get().jobs.find((j) => j.id === id);
    if (job?.thumbUrl) URL.revokeObjectURL(job.thumbUrl);
    set((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) }));
  },
  pruned: (keep) => {
    const saved = get().jobs.filter((j) => j.stage === 'saved');
    const gone = new Set(saved.slice(0, Math.max(0, saved.length - keep)).map((j) => j.id));
    if (!gone.size) return;
    for (const j of get().jobs) if (gone.has(j.id) && j.thumbUrl) URL.revokeObjectURL(j.thumbUrl);
    set((s) => ({ jobs: s.jobs.filter((j) => !gone.has(j.id)) }));
  },
}));

export const photoJob = (id: string) => usePhotoJobsStore.getState().jobs.find((j) => j.id === id);

/** Photos and IMAGE captures (of one session, or all) not yet on the server, at any stage. */
export const unsavedJobCount = (s: { jobs: PhotoJob[] }, sessionId?: string) =>
  s.jobs.filter(
    (j) => j.stage !== 'saved' && (sessionId === undefined || j.sessionId === sessionId),
  ).length;
