import { useId, useState } from 'react';
import { codePointLength } from '#contract';
import type { Capture } from '#contract';
import { quantityOf } from './session-export';

const NOTE_MAX = 500;

/**
 * A capture's note and quantity, kept in its metadata. Saved through the outbox by the screen,
 * so a note written offline still reaches the server, after the scan it belongs to.
 */
export function CaptureNoteForm({
  capture,
  onSave,
}: {
  capture: Capture;
  onSave: (change: { note: string; quantity: number }) => Promise<unknown>;
}) {
  const [note, setNote] = useState(capture.metadata['note'] ?? '');
  const [quantity, setQuantity] = useState(String(quantityOf(capture)));
  const [state, setState] = useState<string>('idle');
  const noteId = useId();
  const quantityId = useId();
  const count = Number(quantity);
  const problem =
    codePointLength(note) > NOTE_MAX
      ? `A note holds at most ${NOTE_MAX} characters.`
      : !Number.isInteger(count) || count < 0 || count > 100_000
        ? 'A quantity is a whole number from 0 to 100,000.'
        : null;
  return (
    <form
      className="card stack"
      aria-label="Note and quantity"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem) return;
        void onSave({ note: note.trim(), quantity: count }).then(
          () => setState('saved'),
          (error: unknown) => setState(String(error)),
        );
      }}
    >
      <label htmlFor={quantityId}>Quantity</label>
      <input
        id={quantityId}
        inputMode="numeric"
        value={quantity}
        onChange={(e) => {
          setQuantity(e.target.value);
          setState('idle');
        }}
      />
      <label htmlFor={noteId}>Note</label>
      <textarea
        id={noteId}
        value={note}
        rows={2}
        dir="auto"
        onChange={(e) => {
          setNote(e.target.value);
          setState('idle');
        }}
      />
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      <button type="submit" className="button" disabled={problem !== null}>
        Save note and quantity
      </button>
      <p role="status">
        {state === 'saved'
          ? 'Saved on this device; sent to the server in order.'
          : state === 'idle'
            ? ''
            : state}
      </p>
    </form>
  );
}
