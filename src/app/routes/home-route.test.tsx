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

  it('says the server is unreachable when the network fails', async () => {
    const fetchImpl = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    renderWithApp(<HomeRoute />, { fetchImpl });
    expect(await screen.findByText('Unreachable')).toBeTruthy();
  });
});
