import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { parseConnectInput } from '../../features/settings/connect-link';
import { ConnectScreen } from '../screens/connect/connect-screen';
import { useConnect } from '../../features/settings/use-connect';

/** Where to go once connected: only a path in this app, never another origin. */
const safeNext = (next: string | null) =>
  next?.startsWith('/') && !next.startsWith('//') ? next : '/';

/**
 * `/connect#key=…&api=…` checks the key with the server, saves it and goes on. The key travels
 * in the fragment, which is never sent to a server, and the fragment is dropped from history at
 * once. Without a fragment, or with a key the server refuses, it is "Connect this device".
 */
export function ConnectRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const connect = useConnect();
  // Read once, on arrival: the fragment is gone from the address right after.
  const [fromLink] = useState(() =>
    window.location.hash ? parseConnectInput(window.location.href, window.location.origin) : null,
  );
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !fromLink) return;
    started.current = true;
    window.history.replaceState(window.history.state, '', window.location.href.replace(/#.*$/, ''));
    if (fromLink.ok)
      void connect.run(fromLink.connection).then((ok) => {
        if (ok) void navigate(next, { replace: true });
      });
  }, [connect, fromLink, navigate, next]);

  return (
    <ConnectScreen
      connect={connect}
      linkProblem={fromLink && !fromLink.ok ? fromLink.reason : null}
      next={next}
    />
  );
}
