// Builds the bot from loaded parts: state accessors, services for the dialogs, the router and its tools.
import type { TurnContext } from 'botbuilder';
import type { DialogState } from '../../dialogs/botbuilderDialogs.js';
import { ChannelReplySender } from '../../dialogs/ChannelReplySender.js';
import type { GuideServices } from '../../dialogs/GuideServices.js';
import type { GuideState } from '../../dialogs/guideState.js';
import { RouterDialog } from '../../dialogs/RouterDialog.js';
import { createToolDialogs } from '../../dialogs/tools/createToolDialogs.js';
import { channelKindOf } from '../../dialogs/turnInput.js';
import type { AppConfig } from '../config/loadConfig.js';
import type { ConversationContent } from '../knowledge/conversationContent.js';
import { flowSchema, type Flow } from '../knowledge/flowSchema.js';
import { loadToolContent, type ToolContent } from '../knowledge/toolTexts.js';
import type { Audience, KnowledgeBase } from '../knowledge/types.js';
import type { Logger } from '../logging/logger.js';
import type { StateStore } from '../storage/stateStore.js';
import { OptimisticConversationState } from './OptimisticConversationState.js';
import { UsageCounts } from '../feedback/UsageCounts.js';
import { FORGOTTEN, SenGuideBot, type LanguageService } from './SenGuideBot.js';

export interface GuideBotParts {
  config: Pick<AppConfig, 'COUNCIL_CODE' | 'TEAMS_AUDIENCE' | 'MAX_MESSAGE_LENGTH'>;
  knowledge: KnowledgeBase;
  content: ConversationContent;
  /** The tools' lines and question bank; read from the default content folder when not given. */
  tools?: ToolContent;
  language: LanguageService;
  storage: StateStore;
  logger: Logger;
  now?: () => Date;
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
    tools: parts.tools ?? loadToolContent(),
    sender: new ChannelReplySender(guideState),
    guideState,
    logger: parts.logger,
    deployingCouncil,
    now: parts.now ?? (() => new Date()),
    audienceFor: (context: TurnContext): Audience => (channelKindOf(context) === 'msteams' ? parts.config.TEAMS_AUDIENCE : 'parent'),
    usage: new UsageCounts(parts.storage),
    forget: async (context: TurnContext) => {
      const { channelId, conversation, from } = context.activity;
      // botbuilder keys state as "<channel>/conversations/<id>/<namespace>", so the prefixes catch every namespace.
      await parts.storage.deleteByPrefix([`${channelId}/conversations/${conversation.id}/`, `${channelId}/users/${from.id}/`]);
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
