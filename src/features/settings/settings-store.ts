import { z } from 'zod/mini';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { RETAIL_SYMBOLOGIES, SYMBOLOGIES } from '../../lib/gs1/symbology';

export type Hand = 'left' | 'right';
/** Which decoder to run; 'auto' lets the scanner choose (see scanner/engines/select-engine). */
export type EngineSetting = 'auto' | 'native' | 'zxing-wasm' | 'zxing-js';

export interface Connection {
  /** Base URL of the Scanner API; '' is this app's own origin (the embedded local server). */
  apiBaseUrl: string;
  apiKey: string;
}

/**
 * How the scanner behaves. Every field has bounds, because a hand-edited or stale localStorage
 * entry must give a working scanner, not a frozen one (see `readPersisted`).
 */
export const ScanSettingsSchema = z.object({
  formats: z.array(z.enum(SYMBOLOGIES)).check(z.minLength(1)),
  /** Milliseconds during which the same product counts once. */
  cooldownMs: z.int().check(z.minimum(0), z.maximum(60_000)),
  /** Frames that must read the same 1D value before it counts. */
  agreementFrames: z.int().check(z.minimum(1), z.maximum(5)),
  resolution: z.enum(['hd', 'full-hd']),
  /** Decode only the viewfinder box rather than the whole frame. */
  roi: z.boolean(),
  /**
   * Single: stop after one accepted scan until the operator asks for the next. Batch: every
   * code in view at once, each captured once.
   */
  mode: z.enum(['continuous', 'single', 'batch']),
  sound: z.boolean(),
  vibration: z.boolean(),
});
export type ScanSettings = z.infer<typeof ScanSettingsSchema>;

const PersistedSchema = z.object({
  apiBaseUrl: z.string(),
  apiKey: z.string(),
  hand: z.enum(['left', 'right']),
  engine: z.enum(['auto', 'native', 'zxing-wasm', 'zxing-js']),
  scan: ScanSettingsSchema,
  /** The camera chosen on this device (deviceIds are per browser profile, like localStorage). */
  cameraId: z.nullable(z.string()),
});
type Persisted = z.infer<typeof PersistedSchema>;

export const DEFAULT_SCAN_SETTINGS: ScanSettings = {
  formats: [...RETAIL_SYMBOLOGIES],
  cooldownMs: 2_000,
  agreementFrames: 2,
  resolution: 'hd',
  roi: false,
  mode: 'continuous',
  sound: true,
  vibration: true,
};

export const DEFAULT_SETTINGS: Persisted = {
  apiBaseUrl: '',
  apiKey: '',
  hand: 'right',
  engine: 'auto',
  scan: DEFAULT_SCAN_SETTINGS,
  cameraId: null,
};

/**
 * Keeps each persisted field that still validates and falls back to the default for the rest,
 * so that one bad value (or a field from an older version) never discards the connection.
 */
export function readPersisted(stored: unknown): Persisted {
  const record = typeof stored === 'object' && stored !== null ? stored : {};
  const field = <K extends keyof Persisted>(key: K): Persisted[K] => {
    const parsed = PersistedSchema.shape[key].safeParse((record as Record<string, unknown>)[key]);
    return parsed.success ? (parsed.data as Persisted[K]) : DEFAULT_SETTINGS[key];
  };
  const scanStored = (record as { scan?: unknown }).scan;
  const scanRecord = typeof scanStored === 'object' && scanStored !== null ? scanStored : {};
  const scan = Object.fromEntries(
    Object.entries(DEFAULT_SCAN_SETTINGS).map(([key, fallback]) => {
      const schema = ScanSettingsSchema.shape[key as keyof ScanSettings];
      const parsed = schema.safeParse((scanRecord as Record<string, unknown>)[key]);
      return [key, parsed.success ? parsed.data : fallback];
    }),
  ) as ScanSettings;
  return {
    apiBaseUrl: field('apiBaseUrl'),
    apiKey: field('apiKey'),
    hand: field('hand'),
    engine: field('engine'),
    cameraId: field('cameraId'),
    scan,
  };
}

interface SettingsState extends Persisted {
  engineChosen: (engine: EngineSetting) => void;
  connectionSaved: (connection: Connection) => void;
  handChosen: (hand: Hand) => void;
  scanChanged: (change: Partial<ScanSettings>) => void;
  cameraChosen: (deviceId: string | null) => void;
  scanReset: () => void;
}

/**
 * Client preferences only: server data lives in React Query, never here. Persisted to
 * localStorage so a tablet left on a stand keeps its connection and camera across restarts.
 */
export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      ...DEFAULT_SETTINGS,
      connectionSaved: ({ apiBaseUrl, apiKey }) =>
        set({ apiBaseUrl: apiBaseUrl.trim().replace(/\/+$/, ''), apiKey: apiKey.trim() }),
      handChosen: (hand) => set({ hand }),
      engineChosen: (engine) => set({ engine }),
      // Validated here too, so that the settings screen cannot store a value the scanner rejects.
      scanChanged: (change) =>
        set((state) => ({ scan: ScanSettingsSchema.parse({ ...state.scan, ...change }) })),
      cameraChosen: (cameraId) => set({ cameraId }),
      scanReset: () => set({ scan: DEFAULT_SCAN_SETTINGS }),
    }),
    {
      name: 'scanner-settings',
      version: 2,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ apiBaseUrl, apiKey, hand, engine, scan, cameraId }) => ({
        apiBaseUrl,
        apiKey,
        hand,
        engine,
        scan,
        cameraId,
      }),
      // Version 1 had no scan settings or camera; readPersisted fills them with defaults.
      migrate: (stored) => readPersisted(stored),
      merge: (stored, current) => ({ ...current, ...readPersisted(stored) }),
    },
  ),
);
