// Deletes state nobody has used for RETENTION_DAYS: once at start, then on a timer that never keeps the process up.
import type { Logger } from '../logging/logger.js';
import type { StateStore } from './stateStore.js';

export interface RetentionSweeperOptions {
  /** RETENTION_DAYS: state last written longer ago than this is deleted. */
  retentionDays: number;
  /** Time between sweeps; defaults to one hour. */
  intervalMs?: number;
  logger?: Logger;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class RetentionSweeper {
  private readonly retentionMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly store: StateStore,
    private readonly options: RetentionSweeperOptions,
  ) {
    if (!Number.isFinite(options.retentionDays) || options.retentionDays <= 0) {
      throw new RangeError(`RetentionSweeper(): retentionDays is ${options.retentionDays}, expected a positive number of days (RETENTION_DAYS).`);
    }
    this.retentionMs = options.retentionDays * DAY_MS;
    this.intervalMs = options.intervalMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Sweeps now and then every interval; calling it again while started does nothing. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweepQuietly(), this.intervalMs);
    // Retention must never be the reason a process fails to exit.
    this.timer.unref();
    void this.sweepQuietly();
  }

  /** Stops the timer and waits for a sweep in progress to finish. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Purges once; a sweep already in progress is shared rather than run twice. Resolves to items deleted. */
  sweep(): Promise<number> {
    this.running ??= this.purge().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async purge(): Promise<number> {
    const started = performance.now();
    const cutoff = new Date(this.now() - this.retentionMs);
    const deleted = await this.store.purgeUnusedSince(cutoff);
    this.options.logger?.info('storage.retention.swept', {
      store: this.store.kind,
      deleted,
      retentionDays: this.options.retentionDays,
      cutoff: cutoff.toISOString(),
      durationMs: Math.round(performance.now() - started),
    });
    return deleted;
  }

  private async sweepQuietly(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      // A failed sweep is simply tried again at the next interval; only the first line, which holds the cause.
      this.options.logger?.error('storage.retention.failed', {
        store: this.store.kind,
        error: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error),
      });
    }
  }
}
