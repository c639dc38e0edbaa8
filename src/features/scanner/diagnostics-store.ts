import { create } from 'zustand';

/** The last frames' decode times kept for the figures (about 4 s at 15 decodes a second). */
const WINDOW = 60;
const MAX_ERRORS = 10;

export interface DiagnosticsState {
  sessionId: string | null;
  engine: string | null;
  fellBack: boolean;
  decodeMs: number[];
  /** performance.now() of recent decodes, for attempts per second. */
  frameTimes: number[];
  accepted: number;
  duplicates: number;
  /** Reads the check digits (or GS1 syntax) refused: misreads that never became captures. */
  rejected: number;
  camera: { label: string; width: number | null; height: number | null } | null;
  torch: boolean;
  restarts: number;
  errors: { at: number; message: string }[];
}

interface Actions {
  started: (sessionId: string) => void;
  engineChosen: (engine: string, fellBack: boolean) => void;
  frame: (decodeMs: number, at: number) => void;
  counted: (counts: { accepted: number; duplicates: number; rejected: number }) => void;
  cameraLive: (camera: DiagnosticsState['camera']) => void;
  torchSet: (on: boolean) => void;
  restarted: () => void;
  failed: (message: string) => void;
}

const EMPTY: DiagnosticsState = {
  sessionId: null,
  engine: null,
  fellBack: false,
  decodeMs: [],
  frameTimes: [],
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  camera: null,
  torch: false,
  restarts: 0,
  errors: [],
};

/**
 * What the scanner is doing, for the diagnostics screen and support. In memory only: it
 * describes this tab's scanner, and a reload starts it afresh.
 */
export const useDiagnosticsStore = create<DiagnosticsState & Actions>()((set) => ({
  ...EMPTY,
  started: (sessionId) => set((s) => (s.sessionId === sessionId ? s : { ...EMPTY, sessionId })),
  engineChosen: (engine, fellBack) => set({ engine, fellBack }),
  frame: (decodeMs, at) =>
    set((s) => ({
      decodeMs: [...s.decodeMs.slice(1 - WINDOW), decodeMs],
      frameTimes: [...s.frameTimes.filter((t) => at - t < 1_000), at],
    })),
  counted: (counts) => set(counts),
  cameraLive: (camera) => set({ camera }),
  torchSet: (torch) => set({ torch }),
  restarted: () => set((s) => ({ restarts: s.restarts + 1 })),
  failed: (message) =>
    set((s) => ({ errors: [...s.errors.slice(1 - MAX_ERRORS), { at: Date.now(), message }] })),
}));

const percentile = (values: number[], p: number) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? null;
};

export function figures(s: DiagnosticsState) {
  return {
    decodeMedianMs: percentile(s.decodeMs, 0.5),
    decodeP95Ms: percentile(s.decodeMs, 0.95),
    attemptsPerSecond: s.frameTimes.length,
  };
}

/**
 * One line for the session's metadata: `key=value; ...` within the 500-character value limit,
 * the last error cut first when it does not fit.
 */
export function summaryLine(s: DiagnosticsState): string {
  const f = figures(s);
  const ms = (v: number | null) => (v === null ? '-' : v.toFixed(1));
  const parts = [
    `engine=${s.engine ?? '-'}${s.fellBack ? ' (fallback)' : ''}`,
    `decode_ms_p50=${ms(f.decodeMedianMs)}`,
    `decode_ms_p95=${ms(f.decodeP95Ms)}`,
    `attempts_per_s=${f.attemptsPerSecond}`,
    `accepted=${s.accepted}`,
    `duplicates=${s.duplicates}`,
    `misreads_caught=${s.rejected}`,
    `camera=${s.camera ? `${s.camera.label} ${s.camera.width ?? '?'}x${s.camera.height ?? '?'}` : '-'}`,
    `torch=${s.torch ? 'on' : 'off'}`,
    `restarts=${s.restarts}`,
    `errors=${s.errors.length}`,
  ];
  const last = s.errors.at(-1);
  const line = parts.join('; ');
  const withError = last ? `${line}; last_error=${last.message}` : line;
  return withError.length <= 500 ? withError : line.slice(0, 500);
}
