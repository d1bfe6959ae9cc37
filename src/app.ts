// Assembles the running application from a config: storage, content, bot, server. index.ts and tests both use it.
import type { Server } from 'restify';
import type { AppConfig } from './config/loadConfig.js';
import { createLogger, type Logger } from './logging/logger.js';
import { loadMessages } from './knowledge/messages.js';
import { createAdapter } from './bot/createAdapter.js';
import { SenGuideBot } from './bot/SenGuideBot.js';
import { createServer, listen } from './server/createServer.js';
import { Readiness } from './server/readiness.js';
import { registerHealthRoutes } from './server/healthRoutes.js';
import { registerMessagesRoute } from './server/messagesRoute.js';
import path from 'node:path';

export interface RunningApp {
  server: Server;
  port: number;
  url: string;
  readiness: Readiness;
  logger: Logger;
  close: () => Promise<void>;
}

export async function startApp(config: AppConfig, logger: Logger = createLogger(config.LOG_LEVEL)): Promise<RunningApp> {
  const messages = loadMessages(path.join(config.CONTENT_DIR, 'messages.yaml'), {
    service: config.SERVICE_NAME,
    privacyUrl: config.PRIVACY_URL,
  });
  const readiness = new Readiness([]);
  const adapter = createAdapter({ config, logger, apologyText: messages.get('turn-error') });
  const bot = new SenGuideBot(messages);
  readiness.markContentLoaded();

  const server = createServer([
    (s) => registerHealthRoutes(s, readiness),
    (s) => registerMessagesRoute(s, adapter, (context) => bot.run(context), readiness),
  ]);
  const port = await listen(server, config.PORT);
  const url = `http://localhost:${port}/`;
  return {
    server,
    port,
    url,
    readiness,
    logger,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
