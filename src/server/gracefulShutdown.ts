// On SIGTERM/SIGINT: stop taking requests, let turns in flight finish, close storage, exit 0.
import type { Server } from 'restify';
import type { Logger } from '../logging/logger.js';
import type { Readiness } from './readiness.js';

export interface ShutdownOptions {
  server: Server;
  readiness: Readiness;
  logger: Logger;
  closers: Array<() => Promise<void>>;
  drainTimeoutMs?: number;
}

export function installGracefulShutdown({ server, readiness, logger, closers, drainTimeoutMs = 10_000 }: ShutdownOptions): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { signal, turnsInFlight: readiness.turnsInFlight });
    server.close();
    const drained = await readiness.drained(drainTimeoutMs);
    for (const close of closers) {
      try {
        await close();
      } catch (error) {
        logger.error('server.close_failed', { error: error instanceof Error ? error.message : 'unknown' });
      }
    }
    logger.info('server.stopped', { drained });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
