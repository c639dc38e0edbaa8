import { useQuery } from '@tanstack/react-query';
import type { Proposal, ProposalField } from '#contract';
import { StateChip, StatusBadge } from '../../components/status-badge';
import { PROPOSAL_STATES } from '../../components/states';
import { useApiClient } from '../../lib/api-context';
import { captureQueries, useCaptureActions } from './capture-queries';

const FIELD_LABEL: Record<ProposalField, string> = {
  name: 'Name',
  description: 'Description',
  brand_name: 'Brand',
  category: 'Category',
  ingredients: 'Ingredients',
  ai_summary: 'Summary',
  images: 'Images',
};

/**
 * What the server proposes to change on the product, each with the current and proposed value,
 * its confidence and reasoning: accept or reject each, then apply the accepted ones.
 */
export function ProposalsReview({
  captureId,
  onChanged,
}: {
  captureId: string;
  onChanged: () => void;
}) {
  const client = useApiClient();
  const proposals = useQuery(captureQueries.proposals(client, captureId));
  const { review, apply } = useCaptureActions(captureId, onChanged);
  const list = proposals.data ?? [];
  const accepted = list.filter((p) => p.status === 'ACCEPTED').length;

  return (
    <section className="card stack" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">Proposed changes</h2>
      {proposals.isPending && <p className="muted">Loading…</p>}
      {proposals.isSuccess && list.length === 0 && (
        <p className="muted">No proposals for this capture.</p>
      )}
      <ul className="history" aria-label="Proposals">
        {list.map((p) => (
          <ProposalRow
            key={p.id}
            proposal={p}
            busy={review.isPending}
            onReview={(status) => review.mutate({ id: p.id, status })}
          />
        ))}
      </ul>
      {list.length > 0 && (
        <div className="row">
          <button
            type="button"
            className="button"
            disabled={accepted === 0 || apply.isPending}
            onClick={() => apply.mutate()}
          >
            Apply {accepted} accepted {accepted === 1 ? 'change' : 'changes'}
          </button>
          {apply.isSuccess && (
            <StatusBadge tone="accepted">
              Applied {apply.data.applied_count} to the product
            </StatusBadge>
          )}
        </div>
      )}
      {(review.isError || apply.isError) && (
        <p className="field-error" role="alert">
          {(review.error ?? apply.error)?.message}
        </p>
      )}
    </section>
  );
}

function ProposalRow({
  proposal: p,
  busy,
  onReview,
}: {
  proposal: Proposal;
  busy: boolean;
  onReview: (status: 'ACCEPTED' | 'REJECTED') => void;
}) {
  const label = FIELD_LABEL[p.field_name];
  return (
    <li className="history-row">
      <div className="history-facts">
        <strong>{label}</strong>
        <span className="muted">Now: {p.current_value || '(empty)'}</span>
        <span>Proposed: {p.proposed_value}</span>
        <span className="muted">
          {Math.round(Number(p.confidence) * 100)}% confident · {p.source} · {p.reasoning}
        </span>
      </div>
      <StateChip state={PROPOSAL_STATES[p.status]} />
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={busy || p.status === 'ACCEPTED'}
          aria-label={`Accept ${label}: ${p.proposed_value}`}
          onClick={() => onReview('ACCEPTED')}
        >
          Accept
        </button>
        <button
          type="button"
          className="button button-ghost"
          disabled={busy || p.status === 'REJECTED'}
          aria-label={`Reject ${label}: ${p.proposed_value}`}
          onClick={() => onReview('REJECTED')}
        >
          Reject
        </button>
      </div>
    </li>
  );
}
