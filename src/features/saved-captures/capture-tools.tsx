import { useId } from 'react';
import type { Capture } from '#contract';
import { exportRows, toCsv, toJson, totalsByProduct } from './session-export';
import { ValueText } from '../../components/value-text';

/** Hands a file to the browser to save: no server round trip, works offline. */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Search and export of a session's captures. */
export function CaptureTools({
  sessionId,
  captures,
  query,
  onQuery,
}: {
  sessionId: string;
  captures: readonly Capture[];
  query: string;
  onQuery: (query: string) => void;
}) {
  const searchId = useId();
  const rows = () => exportRows(captures);
  return (
    <div className="capture-tools">
      <label htmlFor={searchId} className="visually-hidden">
        Search captures
      </label>
      <input
        id={searchId}
        type="search"
        placeholder="Search value, GTIN, product or note"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
      />
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={() =>
            void toCsv(rows()).then((csv) =>
              download(`session-${sessionId}.csv`, 'text/csv;charset=utf-8', `\uFEFF${csv}`),
            )
          }
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button"
          onClick={() => download(`session-${sessionId}.json`, 'application/json', toJson(rows()))}
        >
          Export JSON
        </button>
      </div>
    </div>
  );
}

/** Count mode's answer: how many of each product, across captures and devices. */
export function CountedTotals({ captures }: { captures: readonly Capture[] }) {
  const totals = totalsByProduct(captures);
  if (!totals.length) return null;
  return (
    <section className="card stack" aria-labelledby="totals-heading">
      <h2 id="totals-heading">Counted</h2>
      <ul className="history" aria-label="Totals by product">
        {totals.map((t) => (
          <li key={t.key} className="recent-scan" data-testid="product-total">
            <span className="recent-scan-value">
              <ValueText text={t.label} />
            </span>
            <strong>×{t.total}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
