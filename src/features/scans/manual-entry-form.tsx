import { useId, useState } from 'react';
import { checkTyped, type TypedCode } from './manual-entry';

/** Typed codes take the same path as scanned ones: the same checks, then a MANUAL capture. */
export function ManualEntryForm({ onSubmit }: { onSubmit: (checked: TypedCode) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  return (
    <form
      className="manual-entry"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkTyped(value);
        if (!checked.ok) {
          setError(checked.reason);
          return;
        }
        setError(null);
        setValue('');
        onSubmit(checked);
      }}
    >
      <label htmlFor={inputId}>Type a code</label>
      <div className="row">
        <input
          id={inputId}
          value={value}
          inputMode="text"
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button">
          Add
        </button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
