// Host entry point: read config, start the app, print where to chat, and shut down gracefully.
import { ConfigError, loadConfig } from './config/loadConfig.js';
import { createLogger } from './logging/logger.js';
import { startApp } from './app.js';
import { installGracefulShutdown } from './server/gracefulShutdown.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = await startApp(config, { logger });
  installGracefulShutdown({ logger, close: app.close });
  logger.info('server.started', { port: app.port, url: app.url });
  process.stdout.write(`\n${config.SERVICE_NAME} is running. Open ${app.url} to chat.\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`startup failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
