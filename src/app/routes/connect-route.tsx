import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { parseConnectInput } from '../../features/settings/connect-link';
import { ConnectScreen } from '../screens/connect/connect-screen';
import { useConnect } from '../../features/settings/use-connect';

/** Where to go once connected: only a path in this app, never another origin. */
const safeNext = (next: string | null) =>
  next?.startsWith('/') && !next.startsWith('//') ? next : '/';

const onHashChange = (changed: () => void) => {
  window.addEventListener('hashchange', changed);
  return () => window.removeEventListener('hashchange', changed);
};
const currentHash = () => window.location.hash;

/**
 * `/connect#key=…&api=…` checks the key with the server, saves it and goes on. The key travels
 * in the fragment, which is never sent to a server, and the fragment is dropped from history at
 * once. Without a fragment, or with a key the server refuses, it is "Connect this device".
 */
export function ConnectRoute() {
  const navigate = useNavigate();
  const { search } = useLocation();
  // The fragment as the browser has it, not as the router last heard: the router listens only
  // from its first render on, so a link opened while the app was still starting was lost.
  const hash = useSyncExternalStore(onHashChange, currentHash);
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const connect = useConnect();
  // Each link that arrives, on first load or while this screen is open (a hash navigation).
  const fromLink = useMemo(
    () =>
      hash
        ? parseConnectInput(`${window.location.origin}/connect${hash}`, window.location.origin)
        : null,
    [hash],
  );
  // A bad link's reason stays on screen after its fragment is dropped (state adjusted during
  // render, as React advises for values derived from a changing input).
  const [problem, setProblem] = useState<{ hash: string; reason: string } | null>(null);
  if (fromLink && !fromLink.ok && problem?.hash !== hash)
    setProblem({ hash, reason: fromLink.reason });
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!fromLink || handled.current === hash) return;
    handled.current = hash;
    // The key leaves the address bar and history at once.
    void navigate(`/connect${search}`, { replace: true });
    if (!fromLink.ok) return;
    void connect.run(fromLink.connection).then((ok) => {
      if (ok) void navigate(next, { replace: true });
    });
  }, [connect, fromLink, hash, navigate, next, search]);
  // Once the fragment is dropped, the same link may come again.
  useEffect(() => {
    if (!hash) handled.current = null;
  }, [hash]);

  return <ConnectScreen connect={connect} linkProblem={problem?.reason ?? null} next={next} />;
}
