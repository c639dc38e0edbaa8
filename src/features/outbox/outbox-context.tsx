import { createContext, type ReactNode, useContext } from 'react';
import type { Outbox } from './outbox';

const OutboxContext = createContext<Outbox | null>(null);

/** Provides the outbox that `src/app` made for the current server, with its handlers. */
export function OutboxProvider({ outbox, children }: { outbox: Outbox; children: ReactNode }) {
  return <OutboxContext value={outbox}>{children}</OutboxContext>;
}

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('useOutbox needs an <OutboxProvider> above it.');
  return outbox;
}
