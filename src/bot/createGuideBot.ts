// Builds the bot from loaded parts: state accessors, services for the dialogs, the router and its tools.
import type { Storage, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { ChannelReplySender } from '../../dialogs/ChannelReplySender.js';
import type { GuideServices } from '../../dialogs/GuideServices.js';
import type { GuideState } from '../../dialogs/guideState.js';
import { RouterDialog } from '../../dialogs/RouterDialog.js';
import { createToolDialogs } from '../../dialogs/tools/createToolDialogs.js';
import { channelKindOf } from '../../dialogs/turnInput.js';
import type { AppConfig } from '../config/loadConfig.js';
import type { ConversationContent } from '../knowledge/conversationContent.js';
import { flowSchema, type Flow } from '../knowledge/flowSchema.js';
import type { Audience, KnowledgeBase } from '../knowledge/types.js';
import type { Logger } from '../logging/logger.js';
import { OptimisticConversationState } from './OptimisticConversationState.js';
import { UsageCounts } from '../feedback/UsageCounts.js';
import { FORGOTTEN, SenGuideBot, type LanguageService } from './SenGuideBot.js';

export interface GuideBotParts {
  config: Pick<AppConfig, 'COUNCIL_CODE' | 'TEAMS_AUDIENCE' | 'MAX_MESSAGE_LENGTH'>;
  knowledge: KnowledgeBase;
  content: ConversationContent;
  language: LanguageService;
  storage: Storage;
  logger: Logger;
  now?: () => Date;
  /** Deletes stored state by key prefix (forget me); storages without it fall back to deleting the two state keys. */
  deleteByPrefix?: (prefixes: string[]) => Promise<number>;
}

export interface GuideBot {
  bot: SenGuideBot;
  conversationState: OptimisticConversationState;
  services: GuideServices;
}

export function createGuideBot(parts: GuideBotParts): GuideBot {
  const conversationState = new OptimisticConversationState(parts.storage);
  const guideState = conversationState.createProperty<GuideState>('guide');
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const flows = new Map<string, Flow>([...parts.knowledge.flows].map(([id, raw]) => [id, flowSchema.parse(raw)]));
  const topicTitles = new Map([...parts.knowledge.topics.values()].map((topic) => [topic.id, topic.title]));
  const deployingCouncil = parts.config.COUNCIL_CODE ? parts.knowledge.councils.find((council) => council.code === parts.config.COUNCIL_CODE) : undefined;

  const services: GuideServices = {
    topics: parts.knowledge.topics,
    topicTitles,
    flows,
    councils: parts.knowledge.councils,
    nationalServices: parts.knowledge.nationalServices,
    content: parts.content,
    sender: new ChannelReplySender(guideState),
    guideState,
    logger: parts.logger,
    deployingCouncil,
    now: parts.now ?? (() => new Date()),
    audienceFor: (context: TurnContext): Audience => (channelKindOf(context) === 'msteams' ? parts.config.TEAMS_AUDIENCE : 'parent'),
    usage: new UsageCounts(parts.storage),
    forget: async (context: TurnContext) => {
      const { channelId, conversation, from } = context.activity;
      const conversationKey = `${channelId}/conversations/${conversation.id}`;
      const userKey = `${channelId}/users/${from.id}`;
      if (parts.deleteByPrefix) await parts.deleteByPrefix([`${conversationKey}/`, `${userKey}/`]);
      await parts.storage.delete([conversationKey, userKey]);
      await conversationState.clear(context);
      context.turnState.set(FORGOTTEN, true);
    },
  };

  const router = new RouterDialog(services, createToolDialogs(services));
  const bot = new SenGuideBot({
    services,
    language: parts.language,
    router,
    dialogState,
    states: [conversationState],
    maxMessageLength: parts.config.MAX_MESSAGE_LENGTH,
  });
  return { bot, conversationState, services };
}
