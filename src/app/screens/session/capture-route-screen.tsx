import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '../../../lib/api-context';
import { CaptureDetail } from '../../../features/saved-captures/capture-detail';
import { sessionQueries, useSessionChanged } from '../../../features/session/session-queries';
import { SectionBoundary } from '../../../components/section-boundary';
import { LazySessionGallery } from '../photos/lazy-session-gallery';
import { CaptureNoteForm } from '../../../features/saved-captures/capture-note-form';
import { useCorrections } from '../../outbox/corrections';

/**
 * A capture's detail inside its session: changes to it refresh the session too. In "both" mode
 * the product's photos follow, with a way to take more of them.
 */
export function CaptureScreen({ sessionId, captureId }: { sessionId: string; captureId: string }) {
  const changed = useSessionChanged(sessionId);
  const client = useApiClient();
  const session = useQuery(sessionQueries.detail(client, sessionId)).data;
  const active = session?.status === 'ACTIVE';
  const corrections = useCorrections();
  const capture = session?.captures.find((c) => c.id === captureId);
  return (
    <div className="stack">
      <CaptureDetail sessionId={sessionId} captureId={captureId} onChanged={() => void changed()} />
      {active && capture && (
        <CaptureNoteForm
          key={capture.id}
          capture={capture}
          onSave={(change) =>
            corrections.changeOnServer(sessionId, capture.id, capture.raw_value, change)
          }
        />
      )}
      {session?.capture_mode === 'both' && (
        <section className="stack" aria-labelledby="product-photos">
          <div className="row">
            <h2 id="product-photos">Photos of this product</h2>
            {active && (
              <Link to={`/sessions/${sessionId}/photos?capture=${encodeURIComponent(captureId)}`}>
                Photograph this product
              </Link>
            )}
          </div>
          <SectionBoundary name="gallery">
            <LazySessionGallery
              sessionId={sessionId}
              photos={session.product_photos}
              captures={session.captures}
              perProduct
              active={active}
              onlyCapture={captureId}
            />
          </SectionBoundary>
        </section>
      )}
    </div>
  );
}
