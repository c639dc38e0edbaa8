import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type Hand = 'left' | 'right';

export interface Connection {
  /** Base URL of the Scanner API; '' is this app's own origin (the embedded local server). */
  apiBaseUrl: string;
  apiKey: string;
}

interface SettingsState extends Connection {
  hand: Hand;
  connectionSaved: (connection: Connection) => void;
  handChosen: (hand: Hand) => void;
}

export const DEFAULT_SETTINGS = { apiBaseUrl: '', apiKey: '', hand: 'right' } as const;

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
    }),
    {
      name: 'scanner-settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ apiBaseUrl, apiKey, hand }) => ({ apiBaseUrl, apiKey, hand }),
    },
  ),
);
