import {
  createContext,
  type ReactNode,
  use,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { fulfilled, type Settled, settled } from '../../lib/settled';
import type { Outbox } from './outbox';

const OutboxContext = createContext<Settled<Outbox> | null>(null);

/**
 * Provides the outbox that `src/app` made for the current server, with its handlers. The app
 * passes a promise: the outbox's code (handlers, schemas, IndexedDB) loads after the first paint,
 * so Home does not wait for it. Tests may pass the outbox itself.
 */
export function OutboxProvider({
  outbox,
  children,
}: {
  outbox: Outbox | Promise<Outbox>;
  children: ReactNode;
}) {
  const value = useMemo(
    () => (outbox instanceof Promise ? settled(outbox) : fulfilled(outbox)),
    [outbox],
  );
  return <OutboxContext value={value}>{children}</OutboxContext>;
}

function useSource(): Settled<Outbox> {
  const source = useContext(OutboxContext);
  if (!source) throw new Error('useOutbox needs an <OutboxProvider> above it.');
  return source;
}

/** The outbox; suspends the calling screen until its code has loaded (a moment after start). */
export function useOutbox(): Outbox {
  return use(useSource());
}

/** The outbox once its code has loaded, or null until then; never suspends (for Home). */
export function useLoadedOutbox(): Outbox | null {
  const source = useSource();
  const [, loaded] = useState(0);
  useEffect(() => {
    if (source.status === 'pending') void source.then(() => loaded((n) => n + 1)).catch(() => {});
  }, [source]);
  return source.status === 'fulfilled' ? source.value : null;
}
