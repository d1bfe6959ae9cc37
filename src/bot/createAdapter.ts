// Builds the Bot Framework CloudAdapter with this deployment's credentials and a turn error handler that keeps state.
import { randomUUID } from 'node:crypto';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { AppConfig } from '../config/loadConfig.js';
import { codeLocation } from '../logging/codeLocation.js';
import { hashId, type Logger } from '../logging/logger.js';
import { ConversationTurnLock } from './ConversationTurnLock.js';
import { ReusedConnectorClients } from './ReusedConnectorClients.js';

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
  const adapter = new CloudAdapter(new ReusedConnectorClients(auth));
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
      // Error messages can quote what a person typed or a storage key holding a phone number, so only the place
      // in the code is logged; the correlation id links this line to the person's report.
      where: error instanceof Error ? codeLocation(error) : undefined,
    });
    try {
      await context.sendActivity({ type: 'message', text: apologyText, channelData: { correlationId } });
    } catch {
      // The channel itself may be what failed; the log line above is all we can do.
    }
  };
  return adapter;
}
