// Commits the changes queued during one turn of the event loop as one transaction, so concurrent turns share an fsync.

/** What one change did inside the shared transaction: its result, or an error for its own caller only. */
export type ChangeOutcome<T> = { value: T } | { error: Error };

export interface Change<T> {
  /** Names the caller in a failed commit's error, e.g. "SqliteStorage.write()". */
  where: string;
  /**
   * Runs inside the shared transaction, after every change queued before it. Returning an error must leave the
   * database as it was (for example an eTag conflict, checked before anything is written, or undone with a
   * savepoint); throwing instead means the database cannot be trusted, and fails the whole batch.
   */
  apply: () => ChangeOutcome<T>;
  /** Whether the change may alter the item under `key`; a read of that key then waits for the commit. */
  touches: (key: string) => boolean;
}

export interface GroupCommitOptions {
  /** Runs `body` in one write transaction and commits it durably, or rolls it back and throws. */
  transaction: (body: () => void) => void;
  /** The error each caller of a failed batch receives; `batchSize` includes its own change. */
  describeFailure: (where: string, batchSize: number, cause: unknown) => Error;
}

export interface GroupCommitStats {
  commits: number;
  /** Changes committed in those transactions (whether applied or rejected alone); divide by commits for batch size. */
  changes: number;
}

interface Queued {
  where: string;
  touches: (key: string) => boolean;
  /** Applies the change and returns what to tell its caller once the transaction has committed. */
  apply: () => () => void;
  fail: (error: Error) => void;
}

interface Batch {
  queued: Queued[];
  /** Resolves (never rejects) once the batch has committed or failed. */
  settled: Promise<void>;
  settle: () => void;
}

export class GroupCommit {
  private batch: Batch | undefined;
  private readonly counts: GroupCommitStats = { commits: 0, changes: 0 };

  constructor(private readonly options: GroupCommitOptions) {}

  get stats(): GroupCommitStats {
    return { ...this.counts };
  }

  /** Queues a change; resolves or rejects only after the transaction holding it has committed or failed. */
  enqueue<T>(change: Change<T>): Promise<T> {
    const batch = this.batch ?? this.open();
    return new Promise<T>((resolve, reject) => {
      batch.queued.push({
        where: change.where,
        touches: change.touches,
        apply: () => {
          const outcome = change.apply();
          return 'error' in outcome ? () => reject(outcome.error) : () => resolve(outcome.value);
        },
        fail: reject,
      });
    });
  }

  /**
   * For read-your-writes: a promise that settles once the queued changes that may touch one of `keys` are
   * committed (or have failed), or undefined when none is queued and the database can be read at once.
   */
  whenCommitted(keys: readonly string[]): Promise<void> | undefined {
    const batch = this.batch;
    if (!batch) return undefined;
    return batch.queued.some((queued) => keys.some((key) => queued.touches(key))) ? batch.settled : undefined;
  }

  /** Commits whatever is queued now, synchronously; close() calls it so that no queued change is dropped. */
  flush(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = undefined;
    let deliveries: Array<() => void> = [];
    try {
      this.options.transaction(() => {
        deliveries = batch.queued.map((queued) => queued.apply());
      });
    } catch (cause) {
      // The transaction was rolled back, so none of the batch was saved: every caller must hear so.
      for (const queued of batch.queued) queued.fail(this.options.describeFailure(queued.where, batch.queued.length, cause));
      batch.settle();
      return;
    }
    this.counts.commits += 1;
    this.counts.changes += batch.queued.length;
    for (const deliver of deliveries) deliver();
    batch.settle();
  }

  private open(): Batch {
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const batch: Batch = { queued: [], settled, settle };
    this.batch = batch;
    // Why setImmediate and not a microtask: it runs after all the I/O callbacks of this loop iteration, so turns
    // from different HTTP requests that reach their save together share one commit; a microtask would commit after
    // each request's own callback. While a commit waits on fsync, the next requests pile up for the next batch.
    setImmediate(() => {
      if (this.batch === batch) this.flush();
    });
    return batch;
  }
}
