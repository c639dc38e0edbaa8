import { AsyncLocalStorage } from 'node:async_hooks';

/** How an engine begins, ends and gives back one transaction. */
export interface TransactionSteps {
  begin: () => unknown;
  commit: () => unknown;
  rollback: () => unknown;
  /** Gives the connection (or the file) back: runs whatever happened. */
  end: () => void;
}

/**
 * Which transaction an async context runs in, for both adapters: a query made anywhere inside
 * `run`'s work (however deep) finds its connection here, and `afterCommit` work waits for the
 * commit. A scope's `live` flag matters: a timer set inside a transaction keeps the context
 * after the commit, and must then be outside it like anyone else.
 */
export class TransactionScope<C> {
  private readonly store = new AsyncLocalStorage<{
    connection: C;
    live: boolean;
    committed: (() => void)[];
  }>();

  /** The live transaction's connection in this context, or undefined outside one. */
  current(): C | undefined {
    const scope = this.store.getStore();
    return scope?.live ? scope.connection : undefined;
  }

  /**
   * Runs `work` as one transaction on `connection`: committed when it resolves, rolled back
   * when it throws; then the connection is given back, and after a commit the afterCommit work
   * runs.
   */
  async run<T>(connection: C, work: () => Promise<T>, steps: TransactionSteps): Promise<T> {
    const scope = { connection, live: true, committed: [] as (() => void)[] };
    let committed = false;
    try {
      await steps.begin();
      let result: T;
      try {
        result = await this.store.run(scope, work);
      } catch (error) {
        await steps.rollback();
        throw error;
      }
      const committing = steps.commit();
      // The work is over: a timer it set, firing while the commit completes (SQLite's group
      // commit waits for the rest of its group), must be outside the transaction.
      scope.live = false;
      await committing;
      committed = true;
      return result;
    } finally {
      scope.live = false;
      steps.end();
      if (committed) for (const then of scope.committed) then();
    }
  }

  /** Runs `then` once this context's transaction commits; at once outside one. */
  afterCommit(then: () => void): void {
    const scope = this.store.getStore();
    if (scope?.live) scope.committed.push(then);
    else then();
  }
}
