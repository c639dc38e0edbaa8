import { lazy, Suspense, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { parseConnectInput } from '../../../features/settings/connect-link';
import type { Connect } from '../../../features/settings/use-connect';

// The camera and decoder load only when the operator chooses to scan the QR code.
const ConnectQr = lazy(() => import('./connect-qr').then((m) => ({ default: m.ConnectQr })));

/**
 * "Connect this device": paste a key or a connect link, or scan the connect QR code that the
 * local server prints and Home shows on a connected device. The key is checked with the server
 * before it is kept.
 */
export function ConnectScreen({
  connect,
  linkProblem,
  next,
}: {
  connect: Connect;
  linkProblem: string | null;
  next: string;
}) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(linkProblem);
  const [scanning, setScanning] = useState(false);
  const fieldId = useId();
  const errorId = useId();

  const submit = async (input: string) => {
    const parsed = parseConnectInput(input, window.location.origin);
    if (!parsed.ok) {
      setProblem(parsed.reason);
      return;
    }
    setProblem(null);
    setScanning(false);
    if (await connect.run(parsed.connection)) void navigate(next, { replace: true });
  };
  const shown =
    connect.phase === 'refused'
      ? `The server refused this key. Ask for a new one, or check the address. (${connect.message})`
      : (problem ?? linkProblem);

  return (
    <div className="stack">
      <h1>Connect this device</h1>
      <p className="lede">
        Scan the connect QR code shown by the server or by Home on a connected device, open the
        connect link on this device, or paste the key here.
      </p>
      {connect.phase === 'checking' && (
        <p role="status" className="card">
          Checking the key with the server…
        </p>
      )}
      {shown && (
        <p id={errorId} role="alert" className="field-error">
          {shown}
        </p>
      )}
      <form
        className="card stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(text);
        }}
      >
        <label htmlFor={fieldId}>Key or connect link</label>
        <input
          id={fieldId}
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={shown ? errorId : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button" disabled={connect.phase === 'checking'}>
          Connect
        </button>
      </form>
      <section className="card stack" aria-label="Scan the connect QR code">
        {scanning ? (
          <Suspense fallback={<p>Starting the camera…</p>}>
            <ConnectQr onText={(scanned) => void submit(scanned)} />
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setScanning(false)}
            >
              Stop the camera
            </button>
          </Suspense>
        ) : (
          <button type="button" className="button" onClick={() => setScanning(true)}>
            Scan the connect QR code
          </button>
        )}
      </section>
    </div>
  );
}
