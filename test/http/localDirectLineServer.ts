// A restify server with only the local Direct Line service and a small scripted bot, for tests of the protocol itself.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Server } from 'restify';
import { createLogger } from '../../src/logging/logger.js';
import { createServer, listen } from '../../src/server/createServer.js';
import { ConversationStore } from '../../src/server/directline/ConversationStore.js';
import { registerLocalDirectLine, type LocalDirectLine } from '../../src/server/directline/registerLocalDirectLine.js';

export const WELCOME_LINES = ['Welcome to the test guide.', 'Ask me anything.'];

/** Welcomes on conversationUpdate, echoes messages, and exercises update, delete and members on request. */
class ScriptedBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      if ((context.activity.membersAdded ?? []).some((member) => member.id !== botId)) {
        await context.sendActivities(WELCOME_LINES.map((text) => ({ type: 'message', text })));
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answer(context, context.activity.text ?? '');
      await next();
    });
  }

  private async answer(context: TurnContext, text: string): Promise<void> {
    if (text === 'edit me') {
      const draft = await context.sendActivity('first draft');
      await context.updateActivity({ type: 'message', id: draft?.id, text: 'final wording' });
    } else if (text === 'delete me') {
      const temporary = await context.sendActivity('temporary');
      if (temporary?.id) await context.deleteActivity(temporary.id);
      await context.sendActivity('deleted');
    } else if (text === 'members') {
      const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
      const members = await connector.conversations.getConversationMembers(context.activity.conversation.id);
      await context.sendActivity(`members: ${members.map((member) => member.role ?? member.id).join(', ')}`);
    } else if (text === 'fail') {
      throw new Error('scripted failure');
    } else {
      // "slow" takes a while, so a test can see whether a later message overtakes it.
      if (text === 'slow') await new Promise((resolve) => setTimeout(resolve, 300));
      await context.sendActivity(`You said: ${text}`);
    }
  }
}

export interface DirectLineTestServer {
  server: Server;
  /** e.g. http://127.0.0.1:1234/v3/directline */
  directLineUrl: string;
  directLine: LocalDirectLine;
  close: () => Promise<void>;
}

export async function startDirectLineServer(store = new ConversationStore()): Promise<DirectLineTestServer> {
  const logger = createLogger('silent');
  // A bare adapter (no app credentials, no middleware) so these tests see only what the Direct Line service does.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ScriptedBot();
  let directLine: LocalDirectLine | undefined;
  const server = createServer([
    (s) => {
      directLine = registerLocalDirectLine(s, { adapter, logic: (context) => bot.run(context), logger, botName: 'Test Guide', store });
    },
  ]);
  const port = await listen(server, 0, '127.0.0.1');
  if (!directLine) throw new Error('startDirectLineServer(): the Direct Line registrar did not run.');
  return {
    server,
    directLineUrl: `http://127.0.0.1:${port}/v3/directline`,
    directLine,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
