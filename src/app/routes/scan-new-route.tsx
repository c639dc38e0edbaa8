import { useEffect, useRef } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api-client';
import { CaptureMode } from '#contract';
import { useCreateSession } from '../../features/session/use-create-session';
import { useSettingsStore } from '../../features/settings/settings-store';

/** `/scan/new?mode=…` starts a session and replaces itself with that session's scanner. */
export function ScanNewRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const create = useCreateSession();
  const mode = CaptureMode.safeParse(params.get('mode') ?? 'barcode_scan');
  const started = useRef(false);
  const { mutate } = create;
  const engine = useSettingsStore((st) => st.engine);
  const hasKey = useSettingsStore((st) => st.apiKey !== '');
  const here = `/scan/new?${params.toString()}`;

  // The scanner's code downloads while the session is being made, not after.
  useEffect(() => {
    void import('./scanner-route').catch(() => undefined);
  }, []);

  useEffect(() => {
    // One session per visit, even when StrictMode runs effects twice.
    if (!mode.success || !hasKey || started.current) return;
    started.current = true;
    mutate(
      {
        mode: mode.data,
        context: { decode_engine_preference: engine },
        count: params.get('count') === '1',
      },
      {
        onSuccess: (session) => {
          const screen = session.capture_mode === 'product_photography' ? 'photos' : 'scan';
          void navigate(`/sessions/${session.id}/${screen}`, { replace: true });
        },
      },
    );
  }, [mode.success, mode.data, mutate, navigate, engine, hasKey, params]);

  if (!mode.success)
    return (
      <p role="alert">
        Unknown mode “{params.get('mode')}”. Use barcode_scan, product_photography or both.
      </p>
    );
  // No key: connect first, then come back here.
  if (!hasKey) return <Navigate to={`/connect?next=${encodeURIComponent(here)}`} replace />;
  if (create.isError) {
    const keyRefused =
      create.error instanceof ApiError &&
      (create.error.status === 401 || create.error.status === 403);
    return (
      <div className="stack">
        <h1>The session could not start</h1>
        <p role="alert">{create.error.message}</p>
        {keyRefused && (
          <Link to={`/connect?next=${encodeURIComponent(here)}`} className="button">
            Connect this device
          </Link>
        )}
      </div>
    );
  }
  return <p>Starting a session…</p>;
}
