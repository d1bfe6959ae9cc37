// Assembles the running application from a config: storage, content, language, bot, server. index.ts and tests use it.
import type { Server } from 'restify';
import type { AppConfig } from './config/loadConfig.js';
import { createLogger, type Logger } from './logging/logger.js';
import { loadConversationContent } from './knowledge/conversationContent.js';
import { loadKnowledge } from './knowledge/loadKnowledge.js';
import { loadToolContent } from './knowledge/toolTexts.js';
import { createLanguageUnderstanding } from './language/createLanguageUnderstanding.js';
import { preloadRecognisers } from './language/loadRecognisers.js';
import { createStorage } from './storage/createStorage.js';
import { RetentionSweeper } from './storage/retentionSweeper.js';
import type { StateStore } from './storage/stateStore.js';
import { createAdapter } from './bot/createAdapter.js';
import { createGuideBot } from './bot/createGuideBot.js';
import { createServer, listen } from './server/createServer.js';
import { Readiness } from './server/readiness.js';
import { warmUpWhenIdle } from './server/warmUpWhenIdle.js';
import { registerHealthRoutes } from './server/healthRoutes.js';
import { registerMessagesRoute } from './server/messagesRoute.js';
import { createProtections } from './server/requestProtection.js';
import { registerLocalDirectLine } from './server/directline/registerLocalDirectLine.js';
import { registerChatPage } from './server/chatPage.js';
import { chooseTokenSource } from './server/chooseTokenSource.js';
import { RateLimiter } from './server/rateLimiter.js';
import { registerTokenRoute } from './server/tokenRoute.js';
import { registerWidget } from './server/widget/registerWidget.js';

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
  /** How the token route reaches Azure's Direct Line; tests stand in for Azure, which they cannot reach. */
  fetch?: typeof fetch;
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
    // Web Chat: the local Direct Line service (DESIGN.md contract 4, off in production unless LOCAL_DIRECTLINE=true) or
    // Azure's with DIRECTLINE_SECRET; the token route that hands out its tokens; then the chat page and the widget.
    (s) => {
      const local = config.localDirectLine
        ? registerLocalDirectLine(s, { adapter, logic: (context) => bot.run(context), logger, readiness, botName: config.SERVICE_NAME, appId: config.MicrosoftAppId })
        : undefined;
      const source = chooseTokenSource(config, { local, logger, fetch: options.fetch });
      const limit = config.RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE;
      registerTokenRoute(s, {
        source,
        limiter: limit > 0 ? new RateLimiter({ limit }) : undefined,
        trustProxy: config.TRUST_PROXY,
        publicUrl: config.PUBLIC_URL,
        logger,
      });
      if (!source) return;
      registerChatPage(s, { serviceName: config.SERVICE_NAME, brandColour: config.BRAND_COLOUR, privacyUrl: config.PRIVACY_URL, quickExitUrl: config.QUICK_EXIT_URL });
      registerWidget(s, { serviceName: config.SERVICE_NAME, brandColour: config.BRAND_COLOUR, quickExitUrl: config.QUICK_EXIT_URL, allowedOrigins: config.WIDGET_ALLOWED_ORIGINS });
    },
  ], { logger, pre: protections.pre });
  const port = await listen(server, config.PORT);
  const url = `http://localhost:${port}/`;
  // The date and number recognisers are needed only for wording the quick readers don't cover, and loading them takes
  // most of a second of CPU, so they load at the first quiet moment after start, not before readiness or mid-turn.
  const cancelWarmUp = warmUpWhenIdle(() => {
    try {
      preloadRecognisers();
    } catch (error) {
      logger.warn('language.recognisers_not_preloaded', { status: 'degraded', error: error instanceof Error ? error.name : 'unknown' });
    }
  }, () => readiness.turnsInFlight === 0);
  return {
    server,
    port,
    url,
    readiness,
    logger,
    storage,
    close: async () => {
      sweeper.stop();
      cancelWarmUp();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await readiness.drained(10_000);
      await storage.close();
    },
  };
}
