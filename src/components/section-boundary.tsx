import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

function Fallback({ error, resetErrorBoundary, name }: FallbackProps & { name: string }) {
  return (
    <div className="card stack section-failed" role="alert">
      <p>
        The {name} stopped working: {error instanceof Error ? error.message : String(error)}
      </p>
      <button type="button" className="button" onClick={resetErrorBoundary}>
        Try again
      </button>
    </div>
  );
}

/**
 * A render crash stays in its section (STYLE.md habit 9): a camera crash never blanks the
 * session's list, nor a list crash the camera. The rest of the screen keeps working.
 */
export function SectionBoundary({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary fallbackRender={(props) => <Fallback {...props} name={name} />}>
      {children}
    </ErrorBoundary>
  );
}
