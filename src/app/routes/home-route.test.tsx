import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { HomeRoute } from './home-route';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('HomeRoute', () => {
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

  it('starts a session in each of the three modes', () => {
    const fetchImpl = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    renderWithApp(<HomeRoute />, { fetchImpl });
    const starts = screen.getByRole('navigation', { name: 'Start a session' });
    const links = [...starts.querySelectorAll('a')].map((a) => [
      a.querySelector('.start-label')?.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Barcode', '/scan/new?mode=barcode_scan'],
      ['Photos', '/scan/new?mode=product_photography'],
      ['Both', '/scan/new?mode=both'],
    ]);
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
