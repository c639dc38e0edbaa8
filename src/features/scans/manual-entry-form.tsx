import { useEffect, useId, useRef, useState } from 'react';
import { checkTyped, type TypedCode } from './manual-entry';

type Refusal = { reason: string; asText: boolean };

/**
 * Typed codes take the same path as scanned ones: the same checks, then a MANUAL capture. A
 * refusal shows beside the field and keeps what was typed; a value that is no GTIN is kept only
 * when the operator chooses "Save as text code".
 */
export function ManualEntryForm({ onSubmit }: { onSubmit: (checked: TypedCode) => void }) {
  const [value, setValue] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const inputId = useId();
  const errorId = useId();
  const errorRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    // On a phone the keyboard covers the lower half: the reason must be where the eye is.
    if (refusal) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal]);

  const submit = (asText: boolean) => {
    const checked = checkTyped(value, { asText });
    if (!checked.ok) {
      setRefusal({ reason: checked.reason, asText: checked.asText });
      return;
    }
    setRefusal(null);
    setValue('');
    onSubmit(checked);
  };

  return (
    <form
      className="manual-entry"
      onSubmit={(event) => {
        event.preventDefault();
        submit(false);
      }}
    >
      {/* The placeholder says it on screen, where height is scarce; the label names it. */}
      <label htmlFor={inputId} className="visually-hidden">
        Type a code
      </label>
      <div className="row">
        <input
          id={inputId}
          value={value}
          inputMode="text"
          placeholder="Type a code or GTIN"
          autoComplete="off"
          enterKeyHint="done"
          aria-invalid={refusal !== null}
          aria-describedby={refusal ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setRefusal(null);
          }}
        />
        <button type="submit" className="button">
          Add
        </button>
      </div>
      {refusal && (
        <div className="field-refusal" ref={errorRef}>
          <p id={errorId} role="alert" className="field-error">
            {refusal.reason}
          </p>
          {refusal.asText && (
            <button type="button" className="button" onClick={() => submit(true)}>
              Save as text code
            </button>
          )}
        </div>
      )}
    </form>
  );
}
