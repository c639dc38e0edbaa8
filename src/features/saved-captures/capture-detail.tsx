import { ValueText } from '../../components/value-text';
import { scanTimes } from './scan-time';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '../../lib/api-context';
import { captureQueries, useCaptureActions } from './capture-queries';
import { CaptureStatusChip } from './capture-status';
import { aiName } from './gs1-names';
import { ProposalsReview } from './proposals-review';
import { UrlResolution } from './url-resolution';
import { isWebUrl } from './url-safety';
import { captureTitle } from './capture-title';

/** One capture: what was read, what the server made of it, its link and its proposals. */
export function CaptureDetail({
  sessionId,
  captureId,
  onChanged,
}: {
  sessionId: string;
  captureId: string;
  onChanged: () => void;
}) {
  const client = useApiClient();
  const capture = useQuery(captureQueries.detail(client, captureId));
  const { retry } = useCaptureActions(captureId, onChanged);
  if (capture.isPending) return <p>Loading the capture…</p>;
  if (capture.isError)
    return (
      <p role="alert">
        This capture could not be loaded: {capture.error.message}{' '}
        <Link to={`/sessions/${sessionId}`}>Back to the session</Link>
      </p>
    );
  const c = capture.data;
  const ais = Object.entries(c.gs1_dl_data);
  const times = scanTimes(c);
  return (
    <div className="stack">
      <Link to={`/sessions/${sessionId}`} className="back-link">
        ← Session
      </Link>
      <div className="row">
        <h1>
          <ValueText text={captureTitle(c)} />
        </h1>
        <CaptureStatusChip status={c.status} />
      </div>
      {c.error_message && (
        <p className="field-error" role="alert">
          {c.error_message}
        </p>
      )}
      {c.status === 'FAILED' && (
        <button
          type="button"
          className="button"
          disabled={retry.isPending}
          onClick={() => retry.mutate()}
        >
          Retry
        </button>
      )}
      <section className="card" aria-labelledby="read-heading">
        <h2 id="read-heading">What was read</h2>
        <dl className="facts">
          <dt>Value</dt>
          <dd className="url-text">
            <ValueText text={c.raw_value} />
          </dd>
          <dt>Type</dt>
          <dd>
            {c.capture_type}
            {c.metadata['format'] ? ` · ${c.metadata['format']}` : ''}
          </dd>
          <dt>GTIN-14</dt>
          <dd>{c.gtin || '—'}</dd>
          {c.metadata['engine'] && (
            <>
              <dt>Decoder</dt>
              <dd>
                {c.metadata['engine']}
                {c.metadata['decode_ms'] ? ` · ${c.metadata['decode_ms']} ms` : ''}
              </dd>
            </>
          )}
          <dt>Scanned</dt>
          <dd data-testid="scanned-at">{times.scanned.toLocaleString()}</dd>
          {times.received && (
            <>
              <dt>Received by the server</dt>
              <dd data-testid="received-at">{times.received.toLocaleString()}</dd>
            </>
          )}
        </dl>
      </section>
      {ais.length > 0 && (
        <section className="card" aria-labelledby="gs1-heading">
          <h2 id="gs1-heading">GS1 data</h2>
          <dl className="facts">
            {ais.map(([ai, value]) => (
              <div key={ai} className="fact">
                <dt>
                  ({ai}) {aiName(ai)}
                </dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {c.qr_analysis && (
        <section className="card" aria-labelledby="qr-heading">
          <h2 id="qr-heading">QR analysis</h2>
          <dl className="facts">
            <dt>Resolver</dt>
            <dd>
              {c.qr_analysis.resolver_domain || '—'} ({c.qr_analysis.resolver_type}
              {c.qr_analysis.is_closient_resolver ? ', Closient' : ''})
            </dd>
            <dt>Hops</dt>
            <dd>{c.qr_analysis.hop_count}</dd>
            <dt>GTIN in the link</dt>
            <dd>{c.qr_analysis.extracted_gtin ?? '—'}</dd>
            {c.qr_analysis.error_message && (
              <>
                <dt>Problem</dt>
                <dd>{c.qr_analysis.error_message}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {isWebUrl(c.raw_value) && <UrlResolution capture={c} onChanged={onChanged} />}
      <ProposalsReview captureId={c.id} onChanged={onChanged} />
    </div>
  );
}
