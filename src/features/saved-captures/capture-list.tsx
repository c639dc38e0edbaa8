import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { ValueText } from '../../components/value-text';
import { scanTimes } from './scan-time';
import { Link } from 'react-router';
import type { Capture } from '#contract';
import { useCaptureActions } from './capture-queries';
import { CaptureStatusChip } from './capture-status';
import { captureTitle } from './capture-title';

const ROW_PX = 76;

interface ListProps {
  sessionId: string;
  /** Oldest first, as the API returns them; shown newest first. */
  captures: readonly Capture[];
  /** A row changed a capture (retry): refresh the session. */
  onChanged: () => void;
}

/**
 * The session's captures, virtualised: only the rows in view (plus a few) are in the DOM, so a
 * 10,000-capture session scrolls as smoothly as a ten-capture one.
 */
export function CaptureList({ sessionId, captures, onChanged }: ListProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const count = captures.length;
  // The React Compiler skips this component (useVirtualizer returns new functions each render);
  // it re-renders on scroll by design, and each row is cheap.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 6,
    // Before the first measurement (and where layout gives no size), assume the CSS maximum.
    initialRect: { width: 0, height: 640 },
  });
  if (!count) return <p className="muted">No captures yet.</p>;
  return (
    <div ref={scrollRef} className="capture-list" role="list" aria-label={`Captures, ${count}`}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const capture = captures[count - 1 - item.index];
          if (!capture) return null;
          return (
            <div
              key={capture.id}
              role="listitem"
              aria-setsize={count}
              aria-posinset={item.index + 1}
              className="capture-row"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_PX }}
            >
              <CaptureRow sessionId={sessionId} capture={capture} onChanged={onChanged} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function CaptureRow({
  sessionId,
  capture,
  onChanged,
}: {
  sessionId: string;
  capture: Capture;
  onChanged: () => void;
}) {
  const { retry } = useCaptureActions(capture.id, onChanged);
  const format = capture.metadata['format'] ?? capture.capture_type.toLowerCase();
  const { scanned } = scanTimes(capture);
  return (
    <>
      <Link className="capture-row-link" to={`/sessions/${sessionId}/captures/${capture.id}`}>
        <strong>
          <ValueText text={captureTitle(capture)} />
        </strong>
        <span className="muted">
          {format} · <ValueText text={capture.raw_value} /> ·{' '}
          <time dateTime={scanned.toISOString()} data-testid="capture-scanned-at">
            {scanned.toLocaleTimeString()}
          </time>
        </span>
        {capture.error_message && <span className="field-error">{capture.error_message}</span>}
      </Link>
      <CaptureStatusChip status={capture.status} />
      {capture.status === 'FAILED' && (
        <button
          type="button"
          className="button button-ghost"
          disabled={retry.isPending}
          aria-label={`Retry ${captureTitle(capture)}`}
          onClick={() => retry.mutate()}
        >
          Retry
        </button>
      )}
    </>
  );
}
