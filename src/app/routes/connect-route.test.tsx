import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatApiKey } from '#contract';
import { useSettingsStore } from '../../features/settings/settings-store';
import { fakeApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { ConnectRoute } from './connect-route';

const KEY = formatApiKey('cpk', 'C'.repeat(32));

describe('ConnectRoute', () => {
  afterEach(() => {
    useSettingsStore.getState().connectionSaved({ apiBaseUrl: '', apiKey: '' });
    window.location.hash = '';
  });

  it('takes a connect link that arrives by a hash change the router did not hear of', async () => {
    const api = fakeApi({
      'GET /healthz': () => ({ status: 'ok', version: '1.0.0' }),
      'GET /scanner/api/v1/key': () => ({ prefix: 'cpk', expires_at: null }),
    });
    renderWithApp(<ConnectRoute />, { path: '/connect', fetchImpl: api.fetchImpl });
    expect(await screen.findByRole('heading', { name: 'Connect this device' })).toBeTruthy();
    // The memory router, like a browser router not yet listening, is not told of this.
    window.location.hash = `#key=${encodeURIComponent(KEY)}&api=`;
    await waitFor(() => expect(useSettingsStore.getState().apiKey).toBe(KEY));
  });
});
