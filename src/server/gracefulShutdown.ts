// On SIGTERM/SIGINT: stop taking requests, let turns in flight finish, close storage, exit 0.
import type { Logger } from '../logging/logger.js';

export interface ShutdownOptions {
  logger: Logger;
  /** Stops the server, waits for turns in flight, and closes storage (RunningApp.close). */
  close: () => Promise<void>;
}

export function installGracefulShutdown({ logger, close }: ShutdownOptions): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { signal });
    try {
      await close();
      logger.info('server.stopped', { signal });
      process.exit(0);
    } catch (error) {
      logger.error('server.stop_failed', { error: error instanceof Error ? error.message : 'unknown' });
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
