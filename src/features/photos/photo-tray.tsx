import { StateChip } from '../../components/status-badge';
import { STATES, type StateLook } from '../../components/states';
import { issuesText, jobName, type PhotoJob } from './photo-jobs-store';
import { EXTENSION } from './upload-photo';

export interface TrayActions {
  retry: (id: string) => void;
  shrink: (id: string) => void;
  drop: (id: string) => void;
}

const STAGE: Record<PhotoJob['stage'], StateLook> = {
  processing: STATES.checking,
  review: STATES.checkPhoto,
  sending: STATES.uploading,
  queued: STATES.photoQueued,
  saved: STATES.saved,
  failed: STATES.notSaved,
};

/**
 * This device's photos on their way to the server, newest first: each shows its state until the
 * server confirms it, and a refused or flagged one says why and offers the next step. Nothing
 * leaves the tray without the operator's say, except a saved photo.
 */
export function PhotoTray({ jobs, actions }: { jobs: PhotoJob[]; actions: TrayActions }) {
  const shown = [...jobs].reverse().slice(0, 8);
  if (!shown.length) return <p className="muted">No photos taken on this device yet.</p>;
  return (
    <ol className="photo-tray" aria-label="Photos on this device">
      {shown.map((job) => (
        <li key={job.id} className="photo-job" data-testid="photo-job" data-stage={job.stage}>
          {job.thumbUrl ? (
            <img src={job.thumbUrl} alt="" className="photo-job-thumb" />
          ) : (
            <span className="photo-job-thumb" aria-hidden="true" />
          )}
          <div className="photo-job-body">
            <div className="row">
              <strong>{jobName(job)}</strong>
              <StateChip state={STAGE[job.stage]} />
            </div>
            {job.stage === 'sending' && (
              <progress
                max={1}
                value={job.progress}
                aria-label={`Uploading ${jobName(job)}`}
                aria-valuetext={`${Math.round(job.progress * 100)}%`}
              />
            )}
            <JobDetail job={job} actions={actions} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function JobDetail({ job, actions }: { job: PhotoJob; actions: TrayActions }) {
  const name = jobName(job);
  if (job.stage === 'review') {
    return <p>Looks {issuesText(job)}: keep it or retake it.</p>;
  }
  if (job.stage === 'failed') {
    return (
      <div className="stack-tight">
        <p className="field-error" role="alert">
          {job.error?.message}
        </p>
        <div className="row">
          {job.upload && job.error?.status === 413 ? (
            <button type="button" className="button" onClick={() => actions.shrink(job.id)}>
              Make smaller and retry
            </button>
          ) : (
            job.upload && (
              <button type="button" className="button" onClick={() => actions.retry(job.id)}>
                Retry {name}
              </button>
            )
          )}
          {job.upload && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() =>
                job.upload && saveToDevice(job.upload, `${job.photoType}-${job.id.slice(0, 8)}`)
              }
            >
              Save to device
            </button>
          )}
          <button
            type="button"
            className="button button-ghost"
            onClick={() => actions.drop(job.id)}
          >
            Discard
          </button>
        </div>
      </div>
    );
  }
  if (job.stage === 'saved' && job.bytes) {
    return (
      <p className="muted">
        {Math.round(job.bytes / 1024)} kB
        {job.sourceBytes ? ` (camera: ${Math.round(job.sourceBytes / 1024)} kB)` : ''}
      </p>
    );
  }
  return null;
}

/** Hands the photo to the browser's downloads, so a photo the server refuses is still kept. */
function saveToDevice(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.${EXTENSION[blob.type] ?? 'jpg'}`;
  link.click();
  // Revoked later: the download reads the URL after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
