import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, useSettingsStore } from './settings-store';

beforeEach(() => {
  localStorage.clear();
  useSettingsStore.setState(DEFAULT_SETTINGS);
});

describe('settings store', () => {
  it('starts on the embedded server with a right-hand layout', () => {
    expect(useSettingsStore.getState()).toMatchObject({
      apiBaseUrl: '',
      apiKey: '',
      hand: 'right',
    });
  });

  it('tidies a saved connection and persists it', () => {
    useSettingsStore
      .getState()
      .connectionSaved({ apiBaseUrl: ' https://www.closient.com/ ', apiKey: ' cpk_x_y ' });
    expect(useSettingsStore.getState()).toMatchObject({
      apiBaseUrl: 'https://www.closient.com',
      apiKey: 'cpk_x_y',
    });
    const stored = JSON.parse(localStorage.getItem('scanner-settings') ?? '{}') as {
      state: Record<string, unknown>;
    };
    expect(stored.state).toEqual({
      apiBaseUrl: 'https://www.closient.com',
      apiKey: 'cpk_x_y',
      hand: 'right',
      engine: 'auto',
    });
  });

  it('restores what was persisted', async () => {
    localStorage.setItem(
      'scanner-settings',
      JSON.stringify({ state: { apiBaseUrl: '', apiKey: 'k', hand: 'left' }, version: 1 }),
    );
    await useSettingsStore.persist.rehydrate();
    expect(useSettingsStore.getState().hand).toBe('left');
  });
});
