import { issuesText, jobName, type PhotoJob } from './photo-jobs-store';

/**
 * The question a flagged photo asks, over the camera picture where the operator is looking:
 * keep it as it is, or take it again. Nothing is uploaded until they answer.
 */
export function ReviewCard({
  job,
  onKeep,
  onRetake,
}: {
  job: PhotoJob;
  onKeep: () => void;
  onRetake: () => void;
}) {
  // Mid-sentence ("Retake image capture"), so the capture is not capitalised.
  const name = job.kind === 'image-capture' ? 'image capture' : jobName(job);
  const issues = issuesText(job);
  return (
    <section className="review-card" aria-label={`Check the ${name}`}>
      {job.thumbUrl && <img src={job.thumbUrl} alt="" className="photo-job-thumb" />}
      <div>
        <p role="alert">This photo looks {issues}.</p>
        <div className="row">
          <button type="button" className="button" onClick={onRetake}>
            Retake {name}
          </button>
          <button type="button" className="button button-ghost" onClick={onKeep}>
            Keep {name}
          </button>
        </div>
      </div>
    </section>
  );
}
