import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureBody, fakeApi, sessionBody, shortId } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { SessionOverview } from './session-overview';

const SESSION = shortId('S');
const capture = (n: number, status = 'COMPLETED') =>
  captureBody({ id: shortId('C', n), raw_value: `code-${n}`, status, capture_type: 'MANUAL' });

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(640);
});
afterEach(() => vi.restoreAllMocks());

describe('SessionOverview counters', () => {
  it('shows the server counts live, and fetches the detail again only when the poll changes', async () => {
    let onServer = [capture(1), capture(2)];
    const api = fakeApi({
      [`GET /scanner/api/v1/sessions/${SESSION}`]: () => sessionBody(onServer),
      [`GET /scanner/api/v1/sessions/${SESSION}/status`]: () => ({
        session_status: 'ACTIVE',
        extraction_status: 'pending',
        captures: onServer.map((c) => ({ id: c.id, status: c.status, proposal_count: 0 })),
      }),
    });
    const { queryClient } = renderWithApp(<SessionOverview sessionId={SESSION} />, {
      fetchImpl: api.fetchImpl,
    });
    await waitFor(() => expect(screen.getByTestId('overview-capture-count').textContent).toBe('2'));
    const detailGets = () =>
      api.seen.filter((r) => r.path === `/scanner/api/v1/sessions/${SESSION}`).length;
    const before = detailGets();

    // Another device adds a capture: the next poll shows 3, and only then is the detail fetched.
    onServer = [...onServer, capture(3, 'PENDING')];
    await queryClient.refetchQueries({ queryKey: ['sessions', SESSION, 'status'] });
    await waitFor(() => expect(screen.getByTestId('overview-capture-count').textContent).toBe('3'));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Captures, 3' })).toBeTruthy());
    expect(detailGets()).toBe(before + 1);
    expect(screen.getByText('Saved, looking up')).toBeTruthy();

    // A poll with nothing new does not fetch the detail again.
    await queryClient.refetchQueries({ queryKey: ['sessions', SESSION, 'status'] });
    await new Promise((r) => setTimeout(r, 50));
    expect(detailGets()).toBe(before + 1);
  });

  it('says a finished session is read-only and offers no actions', async () => {
    const api = fakeApi({
      [`GET /scanner/api/v1/sessions/${SESSION}`]: () =>
        sessionBody([capture(1)], { status: 'EXPIRED' }),
      [`GET /scanner/api/v1/sessions/${SESSION}/status`]: () => ({
        session_status: 'EXPIRED',
        extraction_status: 'pending',
        captures: [{ id: shortId('C', 1), status: 'COMPLETED', proposal_count: 0 }],
      }),
    });
    renderWithApp(<SessionOverview sessionId={SESSION} />, { fetchImpl: api.fetchImpl });
    expect(await screen.findByText(/This session is expired and read-only/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'End session…' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Resume scanning' })).toBeNull();
  });
});
