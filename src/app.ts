// Assembles the running application from a config: storage, content, language, bot, server. index.ts and tests use it.
import type { Server } from 'restify';
import type { AppConfig } from './config/loadConfig.js';
import { createLogger, type Logger } from './logging/logger.js';
import { loadConversationContent } from './knowledge/conversationContent.js';
import { loadKnowledge } from './knowledge/loadKnowledge.js';
import { loadToolContent } from './knowledge/toolTexts.js';
import { createLanguageUnderstanding } from './language/createLanguageUnderstanding.js';
import { createStorage } from './storage/createStorage.js';
import { RetentionSweeper } from './storage/retentionSweeper.js';
import type { StateStore } from './storage/stateStore.js';
import { createAdapter } from './bot/createAdapter.js';
import { createGuideBot } from './bot/createGuideBot.js';
import { createServer, listen } from './server/createServer.js';
import { Readiness } from './server/readiness.js';
import { registerHealthRoutes } from './server/healthRoutes.js';
import { registerMessagesRoute } from './server/messagesRoute.js';
import { createProtections } from './server/requestProtection.js';
import { registerLocalDirectLine } from './server/directline/registerLocalDirectLine.js';
import { registerChatPage } from './server/chatPage.js';

export interface RunningApp {
  server: Server;
  port: number;
  url: string;
  readiness: Readiness;
  logger: Logger;
  storage: StateStore;
  close: () => Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Tests pin the clock so dates in answers are predictable. */
  now?: () => Date;
}

export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const storage = await createStorage(config, logger);
  const readiness = new Readiness([{ name: 'storage', check: () => storage.ping() }]);

  const knowledge = await loadKnowledge(config.CONTENT_DIR);
  const content = loadConversationContent(config.CONTENT_DIR, { service: config.SERVICE_NAME, privacyUrl: config.PRIVACY_URL });
  const language = createLanguageUnderstanding(knowledge);
  const { bot } = createGuideBot({
    config,
    knowledge,
    content,
    language,
    storage,
    logger,
    now: options.now,
    tools: loadToolContent(config.CONTENT_DIR),
  });
  readiness.markContentLoaded();
  const sweeper = new RetentionSweeper(storage, { retentionDays: config.RETENTION_DAYS, logger });
  sweeper.start();

  const adapter = createAdapter({ config, logger, apologyText: content.messages.get('turn-error') });
  // Security headers, rate limits, the Teams tenant allow-list and token checks (src/server/requestProtection.ts).
  const protections = createProtections(config, { logger, messages: content.messages });
  for (const middleware of protections.middleware) adapter.use(middleware);
  const server = createServer([
    (s) => registerHealthRoutes(s, readiness),
    (s) => registerMessagesRoute(s, adapter, (context) => bot.run(context), readiness, { authenticator: protections.authenticator, logger }),
    // Local Direct Line service and the chat page (DESIGN.md contract 4); off in production unless LOCAL_DIRECTLINE=true.
    (s) => {
      if (!config.localDirectLine) return;
      registerLocalDirectLine(s, { adapter, logic: (context) => bot.run(context), logger, readiness, botName: config.SERVICE_NAME, appId: config.MicrosoftAppId });
      registerChatPage(s, { serviceName: config.SERVICE_NAME, brandColour: config.BRAND_COLOUR, privacyUrl: config.PRIVACY_URL });
    },
  ], { logger, pre: protections.pre });
  const port = await listen(server, config.PORT);
  const url = `http://localhost:${port}/`;
  return {
    server,
    port,
    url,
    readiness,
    logger,
    storage,
    close: async () => {
      sweeper.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await readiness.drained(10_000);
      await storage.close();
    },
  };
}
