import { act, screen, waitFor } from '@testing-library/react';
import { type ReactNode, Suspense, use } from 'react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeApi, sessionBody, shortId } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { useLiveSession, usePrefetchSession } from './use-live-session';

const ID = shortId('S');
const never = new Promise<never>(() => {});

/** A screen that reads the session and then waits for code that never comes (it suspends). */
function WaitingScreen() {
  useLiveSession(ID);
  use(never);
  return null;
}

/** A route that prefetches the session, over a screen that may suspend. */
function Prefetched({ children }: { children: ReactNode }) {
  usePrefetchSession(ID);
  return <Suspense fallback={<p>Waiting</p>}>{children}</Suspense>;
}

function NotPrefetching() {
  return (
    <Suspense fallback={<p>Waiting</p>}>
      <WaitingScreen />
    </Suspense>
  );
}

/** The server's answers for an ACTIVE session with no captures. */
const activeSessionApi = () =>
  fakeApi({
    [`GET /scanner/api/v1/sessions/${ID}`]: () => sessionBody([]),
    [`GET /scanner/api/v1/sessions/${ID}/status`]: () => ({
      session_status: 'ACTIVE',
      extraction_status: 'pending',
      captures: [],
    }),
  });

const paths = (seen: { path: string }[]) => seen.map((r) => r.path).filter((p) => p.includes(ID));

describe('usePrefetchSession', () => {
  it('asks for the session while the screen below it is suspended', async () => {
    const api = activeSessionApi();
    renderWithApp(
      <Prefetched>
        <WaitingScreen />
      </Prefetched>,
      { fetchImpl: api.fetchImpl },
    );
    expect(await screen.findByText('Waiting')).toBeTruthy();
    await waitFor(() =>
      expect(paths(api.seen).sort()).toEqual([
        `/scanner/api/v1/sessions/${ID}`,
        `/scanner/api/v1/sessions/${ID}/status`,
      ]),
    );
  });

  it('hands its answers to the screen that mounts next, which asks again for neither', async () => {
    // The clock stands still: the answers are fresh however slow the machine is.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    const api = activeSessionApi();
    let codeIn = () => {};
    const code = new Promise<void>((resolve) => (codeIn = resolve));
    function LiveScreen() {
      use(code);
      const live = useLiveSession(ID);
      return <p>{live.sessionStatus ?? 'no status'}</p>;
    }
    // An awaited act: React attaches its retry to a promise a screen suspends on only there.
    await act(() => {
      renderWithApp(
        <Prefetched>
          <LiveScreen />
        </Prefetched>,
        { fetchImpl: api.fetchImpl },
      );
      return Promise.resolve();
    });
    await waitFor(() => expect(paths(api.seen)).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 20));
    await act(() => Promise.resolve(codeIn()));
    expect(await screen.findByText('ACTIVE')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(paths(api.seen)).toHaveLength(2);
  });

  it('is needed: without it, a suspended screen asks for nothing', async () => {
    const api = fakeApi({});
    renderWithApp(<NotPrefetching />, { fetchImpl: api.fetchImpl });
    expect(await screen.findByText('Waiting')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(paths(api.seen)).toEqual([]);
  });
});
