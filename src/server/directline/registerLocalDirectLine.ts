// Switches on the local Direct Line v3 service at /v3/directline (DESIGN.md contract 4): one call from app.ts.
import type { CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from '../../logging/logger.js';
import type { TurnHandler } from '../messagesRoute.js';
import type { Readiness } from '../readiness.js';
import { BotForwarder } from './BotForwarder.js';
import { registerConnectorCallbackRoutes } from './connectorCallbackRoutes.js';
import { ConversationStore, type ChannelAccountJson } from './ConversationStore.js';
import { DirectLineTokens } from './DirectLineTokens.js';
import { DIRECT_LINE_BASE, registerDirectLineRoutes } from './directLineRoutes.js';
import { LocalBotAuthentication } from './LocalBotAuthentication.js';

export interface LocalDirectLineOptions {
  adapter: CloudAdapter;
  logic: TurnHandler;
  logger: Logger;
  /** The name people see for the bot in Web Chat. */
  botName: string;
  /** The bot's Microsoft App ID, when it has one. */
  appId?: string;
  readiness?: Readiness;
  /** Tests pass their own to control time, expiry and caps. */
  store?: ConversationStore;
  tokens?: DirectLineTokens;
  turnWaitMs?: number;
}

export interface LocalDirectLine {
  store: ConversationStore;
  tokens: DirectLineTokens;
  bot: ChannelAccountJson;
}

/** The bot's id on this channel, like a bot handle on Azure. */
export const LOCAL_BOT_ID = 'sen-support-guide';

export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const store = options.store ?? new ConversationStore();
  const tokens = options.tokens ?? new DirectLineTokens();
  const auth = new LocalBotAuthentication(options.appId);
  const bot: ChannelAccountJson = { id: LOCAL_BOT_ID, name: options.botName, role: 'bot' };
  const forwarder = new BotForwarder({
    adapter: options.adapter,
    logic: options.logic,
    auth,
    bot,
    serviceUrl: () => localServiceUrl(server),
    logger: options.logger,
    ...(options.readiness ? { readiness: options.readiness } : {}),
  });
  registerDirectLineRoutes(server, {
    store,
    tokens,
    forwarder,
    bot,
    logger: options.logger,
    ...(options.turnWaitMs !== undefined ? { turnWaitMs: options.turnWaitMs } : {}),
  });
  registerConnectorCallbackRoutes(server, { store, auth, bot });
  store.startSweeping();
  server.on('close', () => store.stopSweeping());
  return { store, tokens, bot };
}

/**
 * The adapter calls back over loopback to the port the server actually bound, known only once it listens (tests use
 * port 0). If the host sets HTTP_PROXY, add 127.0.0.1 to NO_PROXY so these calls are not sent to the proxy.
 */
function localServiceUrl(server: Server): string {
  return `http://127.0.0.1:${server.address().port}${DIRECT_LINE_BASE}`;
}
