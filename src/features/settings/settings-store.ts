import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type Hand = 'left' | 'right';
/** Which decoder to run; 'auto' lets the scanner choose (see scanner/engines/select-engine). */
export type EngineSetting = 'auto' | 'native' | 'zxing-wasm' | 'zxing-js';

export interface Connection {
  /** Base URL of the Scanner API; '' is this app's own origin (the embedded local server). */
  apiBaseUrl: string;
  apiKey: string;
}

interface SettingsState extends Connection {
  hand: Hand;
  engine: EngineSetting;
  engineChosen: (engine: EngineSetting) => void;
  connectionSaved: (connection: Connection) => void;
  handChosen: (hand: Hand) => void;
}

export const DEFAULT_SETTINGS = {
  apiBaseUrl: '',
  apiKey: '',
  hand: 'right',
  engine: 'auto',
} as const;

/**
 * Client preferences only: server data lives in React Query, never here. Persisted to
 * localStorage so a tablet left on a stand keeps its connection across restarts.
 */
export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      ...DEFAULT_SETTINGS,
      connectionSaved: ({ apiBaseUrl, apiKey }) =>
        set({ apiBaseUrl: apiBaseUrl.trim().replace(/\/+$/, ''), apiKey: apiKey.trim() }),
      handChosen: (hand) => set({ hand }),
      engineChosen: (engine) => set({ engine }),
    }),
    {
      name: 'scanner-settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ apiBaseUrl, apiKey, hand, engine }) => ({ apiBaseUrl, apiKey, hand, engine }),
    },
  ),
);
