import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { formatApiKey } from '#contract';
import { useSettingsStore } from '../../features/settings/settings-store';
import { HomeRoute } from './home-route';

const KEY = formatApiKey('cpk', 'B'.repeat(32));

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('HomeRoute', () => {
  afterEach(() => useSettingsStore.getState().connectionSaved({ apiBaseUrl: '', apiKey: '' }));

  it('shows the local server as online with its version', async () => {
    const fetchImpl = (() =>
      Promise.resolve(json(200, { status: 'ok', version: '9.9.9' }))) as typeof fetch;
    renderWithApp(<HomeRoute />, { fetchImpl });
    expect(screen.getByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      'Scan products for Closient',
    );
    expect(await screen.findByText(/Online · v9\.9\.9/)).toBeTruthy();
    expect(screen.getByText('No API key saved yet.')).toBeTruthy();
  });

  const startLinks = () =>
    [...screen.getByRole('navigation', { name: 'Start a session' }).querySelectorAll('a')].map(
      (a) => [a.querySelector('.start-label')?.textContent, a.getAttribute('href')],
    );

  it('starts a session in each of the three modes once the server takes the key', async () => {
    useSettingsStore.getState().connectionSaved({ apiBaseUrl: '', apiKey: KEY });
    // The key probe asks for a session no server issues: 404 means the key was taken.
    const fetchImpl = ((url: string) =>
      Promise.resolve(
        url.includes('/sessions/') || url.endsWith('/key')
          ? json(404, {
              error: { code: 'NOT_FOUND', message: 'No such session.', status: 404, details: null },
            })
          : json(200, { status: 'ok', version: '1.0.0' }),
      )) as typeof fetch;
    renderWithApp(<HomeRoute />, { fetchImpl });
    expect(await screen.findByText(/Connected · v1\.0\.0/)).toBeTruthy();
    expect(startLinks()).toEqual([
      ['Barcode', '/scan/new?mode=barcode_scan'],
      ['Photos', '/scan/new?mode=product_photography'],
      ['Both', '/scan/new?mode=both'],
    ]);
  });

  it('leads to "Connect this device" first without a key, or with one the server refuses', async () => {
    const fetchImpl = ((url: string) =>
      Promise.resolve(
        url.includes('/sessions/') || url.endsWith('/key')
          ? json(401, {
              error: {
                code: 'UNAUTHORIZED',
                message: 'Unknown API key.',
                status: 401,
                details: null,
              },
            })
          : json(200, { status: 'ok', version: '1.0.0' }),
      )) as typeof fetch;
    const first = renderWithApp(<HomeRoute />, { fetchImpl });
    expect(startLinks()[0]).toEqual([
      'Barcode',
      `/connect?next=${encodeURIComponent('/scan/new?mode=barcode_scan')}`,
    ]);
    first.unmount();
    useSettingsStore.getState().connectionSaved({ apiBaseUrl: '', apiKey: KEY });
    renderWithApp(<HomeRoute />, { fetchImpl });
    expect(await screen.findByText('Key refused')).toBeTruthy();
    expect(screen.getByText(/Unknown API key/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Connect this device' }).getAttribute('href')).toBe(
      '/connect',
    );
    expect(startLinks()[2]?.[1]).toBe(`/connect?next=${encodeURIComponent('/scan/new?mode=both')}`);
  });

  it('says the server is unreachable when the network fails', async () => {
    const fetchImpl = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    renderWithApp(<HomeRoute />, { fetchImpl });
    expect(await screen.findByText('Unreachable')).toBeTruthy();
  });
});

describe('HomeRoute history', () => {
  it('lists this device’s sessions: resume an active one, open or restart a finished one', async () => {
    const { sessionHistory } = await import('../../lib/idb');
    const base = { server: '', captureCount: 3, photoCount: 0, createdAt: Date.now() - 60_000 };
    await sessionHistory.save('activeSessionId00000000', {}, () => ({
      ...base,
      id: 'activeSessionId00000000',
      mode: 'barcode_scan',
      status: 'ACTIVE',
      lastUsedAt: Date.now() - 5 * 60_000,
    }));
    await sessionHistory.save('doneSessionId0000000000', {}, () => ({
      ...base,
      id: 'doneSessionId0000000000',
      mode: 'barcode_scan',
      status: 'EXPIRED',
      lastUsedAt: Date.now() - 2 * 86_400_000,
    }));
    // Another server's session is not shown.
    await sessionHistory.save('otherServer000000000000', {}, () => ({
      ...base,
      id: 'otherServer000000000000',
      server: 'https://www.closient.com',
      mode: 'both',
      status: 'ACTIVE',
      lastUsedAt: Date.now(),
    }));
    const fetchImpl = ((url: string) =>
      Promise.resolve(
        url.endsWith('/status')
          ? json(200, { session_status: 'ACTIVE', extraction_status: 'pending', captures: [] })
          : json(200, { status: 'ok', version: '1' }),
      )) as typeof fetch;
    renderWithApp(<HomeRoute />, { fetchImpl });
    const rows = await screen.findAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toMatch(/Active/);
    expect(rows[0]?.textContent).toMatch(/5 minutes ago/);
    expect(screen.getByRole('link', { name: 'Resume' }).getAttribute('href')).toBe(
      '/sessions/activeSessionId00000000/scan',
    );
    expect(rows[1]?.textContent).toMatch(/Expired/);
    expect(screen.getByRole('link', { name: /Start a new barcode session/ })).toBeTruthy();
  });
});
