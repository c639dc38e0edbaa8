import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaptureStatus } from '#contract';
import { captureBody, fakeApi, shortId } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { CaptureList } from './capture-list';
import { CaptureStatusChip } from './capture-status';
import { ProposalsReview } from './proposals-review';

describe('CaptureStatusChip', () => {
  it('names every status in words, not colour alone', () => {
    renderWithApp(
      <>
        {CaptureStatus.options.map((s) => (
          <CaptureStatusChip key={s} status={s} />
        ))}
      </>,
    );
    for (const label of [
      'Saved, looking up',
      'Looking up',
      'Enriching',
      'Resolving link',
      'Product found',
      'Unknown product',
      'Lookup failed',
    ])
      expect(screen.getByText(label)).toBeTruthy();
  });
});

describe('CaptureList', () => {
  // happy-dom has no layout: give the scroll box the size a phone would (the virtualiser reads
  // clientHeight).
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.classList.contains('capture-list') ? 640 : 0;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  const captures = Array.from({ length: 500 }, (_, i) =>
    captureBody({
      id: shortId('C', i),
      raw_value: `code-${i}`,
      status: i === 499 ? 'FAILED' : 'COMPLETED',
      error_message: i === 499 ? 'Supplier catalog timed out.' : '',
      capture_type: 'MANUAL',
      gtin: '',
    }),
  );

  it('renders only the rows in view, newest first, for a long session', async () => {
    renderWithApp(
      <CaptureList sessionId="s" captures={captures as never} onChanged={() => undefined} />,
    );
    const list = await screen.findByRole('list', { name: 'Captures, 500' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThanOrEqual(30);
    expect(rows[0]?.textContent).toMatch(/code-499/);
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
  });

  it('retries a FAILED capture and tells the session', async () => {
    const api = fakeApi({
      [`POST /scanner/api/v1/captures/${shortId('C', 499)}/retry`]: () =>
        captureBody({ id: shortId('C', 499), status: 'PENDING' }),
    });
    const onChanged = vi.fn();
    renderWithApp(
      <CaptureList sessionId="s" captures={captures as never} onChanged={onChanged} />,
      {
        fetchImpl: api.fetchImpl,
      },
    );
    expect(await screen.findByText('Supplier catalog timed out.')).toBeTruthy();
    await act(() => fireEvent.click(screen.getByRole('button', { name: 'Retry code-499' })));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/scanner/api/v1/captures/${shortId('C', 499)}/retry`,
    ]);
  });
});

describe('ProposalsReview', () => {
  const proposal = (n: number, field: string, status: string) => ({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    field_name: field,
    current_value: '',
    proposed_value: `value ${n}`,
    confidence: '0.90',
    reasoning: 'Printed on the pack.',
    source: 'bedrock_claude',
    status,
    created: '2026-11-29T12:00:00.000Z',
    metadata: {},
    reviewed_at: null,
  });

  it('accepts one, rejects another, and applies the accepted ones', async () => {
    const statuses: Record<number, string> = { 1: 'PENDING', 2: 'PENDING' };
    const id = shortId('C', 7);
    const api = fakeApi({
      [`GET /scanner/api/v1/captures/${id}/proposals`]: () => [
        proposal(1, 'brand_name', statuses[1] ?? ''),
        proposal(2, 'category', statuses[2] ?? ''),
      ],
      'PATCH /scanner/api/v1/proposals/00000000-0000-4000-8000-000000000001': (r) => {
        statuses[1] = (r.body as { status: string }).status;
        return proposal(1, 'brand_name', statuses[1]);
      },
      'PATCH /scanner/api/v1/proposals/00000000-0000-4000-8000-000000000002': (r) => {
        statuses[2] = (r.body as { status: string }).status;
        return proposal(2, 'category', statuses[2]);
      },
      [`POST /scanner/api/v1/captures/${id}/apply`]: () => ({
        applied_count: 1,
        capture: captureBody({ id }),
      }),
    });
    renderWithApp(<ProposalsReview captureId={id} onChanged={() => undefined} />, {
      fetchImpl: api.fetchImpl,
    });
    expect(await screen.findByText('Proposed: value 1')).toBeTruthy();
    expect(
      screen.getAllByText('90% confident · bedrock_claude · Printed on the pack.'),
    ).toHaveLength(2);
    const apply = screen.getByRole('button', { name: 'Apply 0 accepted changes' });
    expect(apply).toHaveProperty('disabled', true);

    await act(() => fireEvent.click(screen.getByRole('button', { name: 'Accept Brand: value 1' })));
    await screen.findByRole('button', { name: 'Apply 1 accepted change' });
    await act(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Reject Category: value 2' })),
    );
    await waitFor(() => expect(screen.getAllByText('Rejected')).toHaveLength(1));
    await act(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Apply 1 accepted change' })),
    );
    expect(await screen.findByText('Applied 1 to the product')).toBeTruthy();
    expect(api.seen.filter((r) => r.method !== 'GET').map((r) => [r.method, r.body])).toEqual([
      ['PATCH', { status: 'ACCEPTED' }],
      ['PATCH', { status: 'REJECTED' }],
      ['POST', null],
    ]);
  });
});
