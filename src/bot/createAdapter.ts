// Builds the Bot Framework CloudAdapter with this deployment's credentials and a turn error handler that keeps state.
import { randomUUID } from 'node:crypto';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { AppConfig } from '../config/loadConfig.js';
import { hashId, type Logger } from '../logging/logger.js';
import { ConversationTurnLock } from './ConversationTurnLock.js';

export interface AdapterOptions {
  config: AppConfig;
  logger: Logger;
  /** What a user sees when a turn fails; kept in content, not code. */
  apologyText: string;
}

export function createAdapter({ config, logger, apologyText }: AdapterOptions): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.use(new ConversationTurnLock());

  // The samples delete conversation state here; we don't, so a parent half-way through a letter keeps it.
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const correlationId = randomUUID();
    logger.error('turn.failed', {
      status: 'error_turn',
      correlationId,
      channel: context.activity.channelId,
      conversation: hashId(context.activity.conversation?.id),
      error: error instanceof Error ? error.name : 'unknown',
      detail: error instanceof Error ? error.message.slice(0, 300) : undefined,
    });
    try {
      await context.sendActivity({ type: 'message', text: apologyText, channelData: { correlationId } });
    } catch {
      // The channel itself may be what failed; the log line above is all we can do.
    }
  };
  return adapter;
}
