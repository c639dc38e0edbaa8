import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCAN_SETTINGS, DEFAULT_SETTINGS, useSettingsStore } from './settings-store';

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
      scan: DEFAULT_SCAN_SETTINGS,
      cameraId: null,
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

  it('fills what version 1 lacked and keeps its connection', async () => {
    localStorage.setItem(
      'scanner-settings',
      JSON.stringify({
        state: { apiBaseUrl: 'https://x.test', apiKey: 'k', hand: 'left' },
        version: 1,
      }),
    );
    await useSettingsStore.persist.rehydrate();
    expect(useSettingsStore.getState()).toMatchObject({
      apiBaseUrl: 'https://x.test',
      hand: 'left',
      engine: 'auto',
      scan: DEFAULT_SCAN_SETTINGS,
    });
  });

  it('replaces only the stored fields that are out of bounds', async () => {
    localStorage.setItem(
      'scanner-settings',
      JSON.stringify({
        state: {
          apiKey: 'k',
          engine: 'quantum',
          cameraId: 'cam-2',
          scan: { cooldownMs: -5, agreementFrames: 3, formats: [], mode: 'single' },
        },
        version: 2,
      }),
    );
    await useSettingsStore.persist.rehydrate();
    const state = useSettingsStore.getState();
    expect(state).toMatchObject({ apiKey: 'k', engine: 'auto', cameraId: 'cam-2' });
    expect(state.scan).toEqual({
      ...DEFAULT_SCAN_SETTINGS,
      agreementFrames: 3,
      mode: 'single',
    });
  });

  it('refuses to store a scan setting the scanner could not run with', () => {
    expect(() => useSettingsStore.getState().scanChanged({ formats: [] })).toThrow();
    expect(() => useSettingsStore.getState().scanChanged({ agreementFrames: 0 })).toThrow();
    useSettingsStore.getState().scanChanged({ formats: ['qr'], resolution: 'full-hd' });
    expect(useSettingsStore.getState().scan).toMatchObject({
      formats: ['qr'],
      resolution: 'full-hd',
      cooldownMs: 2000,
    });
  });
});
