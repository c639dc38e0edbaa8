import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { usePhotoJobsStore } from '../features/photos/photo-jobs-store';
import { listenForInstallOffer, usePwaStore } from '../sw/pwa-store';
import { renderWithApp } from '../test/render';
import { AppUpdates } from './app-updates';

const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;

/** What Chromium dispatches when the app can be installed. */
function installOffer(outcome: 'accepted' | 'dismissed') {
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt: vi.fn(() => Promise.resolve()),
    userChoice: Promise.resolve({ outcome }),
  });
  act(() => void window.dispatchEvent(event));
  return event;
}

describe('the app card on Home', () => {
  beforeAll(() => listenForInstallOffer(window));
  afterEach(() => {
    usePwaStore.setState({ installOffer: null, applyUpdate: null });
    usePhotoJobsStore.setState({ jobs: [], savedHere: {} });
  });

  it('shows nothing when there is nothing to install or update', () => {
    renderWithApp(<AppUpdates />, { fetchImpl: offline });
    expect(screen.queryByRole('heading', { name: 'This app' })).toBeNull();
  });

  it('offers to install when the browser does, and shows the browser dialog once', async () => {
    renderWithApp(<AppUpdates />, { fetchImpl: offline });
    const event = installOffer('accepted');
    expect(event.defaultPrevented).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Install the app' }));
    expect(event.prompt).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Install the app' })).toBeNull();
    expect(screen.queryByText(/Not installed/)).toBeNull();
  });

  it('says where to install later when the operator declines', async () => {
    renderWithApp(<AppUpdates />, { fetchImpl: offline });
    installOffer('dismissed');
    await userEvent.click(screen.getByRole('button', { name: 'Install the app' }));
    expect(
      await screen.findByText(/Not installed\. The browser menu can install it later\./),
    ).toBeTruthy();
  });

  it('forgets the offer once the app is installed some other way', () => {
    renderWithApp(<AppUpdates />, { fetchImpl: offline });
    installOffer('accepted');
    act(() => void window.dispatchEvent(new Event('appinstalled')));
    expect(screen.queryByRole('button', { name: 'Install the app' })).toBeNull();
  });

  it('updates on request, but not while a photo is still on its way', async () => {
    const applyUpdate = vi.fn();
    usePwaStore.setState({ applyUpdate });
    act(() =>
      usePhotoJobsStore
        .getState()
        .shot(
          { id: 'p1', kind: 'photo', sessionId: 's', photoType: 'front', captureShortId: null },
          0,
        ),
    );
    renderWithApp(<AppUpdates />, { fetchImpl: offline });
    const update = screen.getByRole('button', { name: 'Update now' });
    expect(update).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toMatch(
      /ready to switch once 1 item has reached the server/,
    );
    act(() => usePhotoJobsStore.getState().saved('p1', { savedId: 'server-photo' }));
    expect(update).toHaveProperty('disabled', false);
    await userEvent.click(update);
    expect(applyUpdate).toHaveBeenCalledTimes(1);
  });
});
