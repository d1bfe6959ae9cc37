// Picks where Web Chat tokens come from: the local Direct Line when it is on, else Azure's with DIRECTLINE_SECRET, else none.
import type { AppConfig } from '../config/loadConfig.js';
import type { Logger } from '../logging/logger.js';
import { AzureDirectLineTokens } from './azureDirectLineTokens.js';
import type { DirectLineTokenSource } from './directLineTokenSource.js';
import type { LocalDirectLine } from './directline/registerLocalDirectLine.js';
import { LocalDirectLineTokens } from './localDirectLineTokens.js';

export interface TokenSourceDependencies {
  /** The running local Direct Line service, when LOCAL_DIRECTLINE is on. */
  local: LocalDirectLine | undefined;
  logger: Logger;
  fetch?: typeof fetch | undefined;
}

/** Local wins when both are set: a developer with a production secret in .env still chats with the bot on their machine. */
export function chooseTokenSource(
  config: Pick<AppConfig, 'DIRECTLINE_SECRET' | 'DIRECTLINE_DOMAIN'>,
  { local, logger, fetch }: TokenSourceDependencies,
): DirectLineTokenSource | undefined {
  if (local) return new LocalDirectLineTokens({ store: local.store, tokens: local.tokens, logger });
  if (config.DIRECTLINE_SECRET) return new AzureDirectLineTokens({ secret: config.DIRECTLINE_SECRET, domain: config.DIRECTLINE_DOMAIN, ...(fetch ? { fetch } : {}) });
  return undefined;
}
