import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Capture } from '#contract';
import { useApiClient } from '../../lib/api-context';
import { captureQueries, useCaptureActions } from './capture-queries';
import { urlWarnings } from './url-safety';

/**
 * A scanned URL, shown as text. The server follows its redirects (POST /resolve-url); the app
 * never loads it. Opening it is the operator's explicit choice, after any warnings.
 */
export function UrlResolution({ capture, onChanged }: { capture: Capture; onChanged: () => void }) {
  const client = useApiClient();
  const resolution = useQuery(captureQueries.resolution(client, capture.raw_value));
  const { saveRedirect } = useCaptureActions(capture.id, onChanged);
  const [confirming, setConfirming] = useState(false);
  const target = resolution.data?.succeeded ? resolution.data.final_url : capture.raw_value;
  const warnings = urlWarnings(target);

  return (
    <section className="card stack" aria-labelledby="url-heading">
      <h2 id="url-heading">Link</h2>
      <p className="url-text">{capture.raw_value}</p>
      {resolution.isPending && <p className="muted">Following its redirects on the server…</p>}
      {resolution.isError && (
        <p className="field-error" role="alert">
          Could not resolve it: {resolution.error.message}
        </p>
      )}
      {resolution.data && (
        <>
          {resolution.data.error_message && (
            <p className="field-error">{resolution.data.error_message}</p>
          )}
          <ol className="hops" aria-label="Redirect chain">
            {(resolution.data.chain.length
              ? resolution.data.chain
              : [resolution.data.initial_url]
            ).map((hop, i) => (
              <li key={`${i}-${hop}`} className="url-text">
                {hop}
              </li>
            ))}
          </ol>
          <p>
            {resolution.data.hops} {resolution.data.hops === 1 ? 'redirect' : 'redirects'}; final
            address: <span className="url-text">{resolution.data.final_url}</span>
          </p>
        </>
      )}
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings about this link">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="row">
        {warnings.length > 0 && !confirming ? (
          <button type="button" className="button button-ghost" onClick={() => setConfirming(true)}>
            Open link anyway…
          </button>
        ) : (
          <a
            className="button button-ghost"
            href={target}
            target="_blank"
            rel="noopener noreferrer"
          >
            Open link in a new tab
          </a>
        )}
        {/* A redirect belongs to a product: offered once the capture found one. */}
        {capture.status === 'COMPLETED' && capture.product_short_id && (
          <button
            type="button"
            className="button"
            disabled={saveRedirect.isPending || saveRedirect.isSuccess}
            onClick={() => saveRedirect.mutate(target)}
          >
            {saveRedirect.isSuccess ? 'Saved as product redirect' : 'Save as product redirect'}
          </button>
        )}
      </div>
      {saveRedirect.isError && (
        <p className="field-error" role="alert">
          {saveRedirect.error.message}
        </p>
      )}
    </section>
  );
}
