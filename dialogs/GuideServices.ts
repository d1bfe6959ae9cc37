// Everything the dialogs need from the rest of the app, passed in once so dialogs stay easy to test.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { OfferedChoice } from '../src/answers/choiceTargets.js';
import type { ConversationContent } from '../src/knowledge/conversationContent.js';
import type { Flow } from '../src/knowledge/flowSchema.js';
import type { ToolContent } from '../src/knowledge/toolTexts.js';
import type { Audience, CouncilRecord, NationalService, Topic } from '../src/knowledge/types.js';
import type { Logger } from '../src/logging/logger.js';
import type { Reply } from '../src/render/replyModel.js';
import type { GuideState } from './guideState.js';
import type { UsageCounts } from '../src/feedback/UsageCounts.js';

export interface ReplySender {
  /** Renders a reply for this turn's channel, sends it, and remembers the choices it offered. */
  send(context: TurnContext, reply: Reply, offered?: OfferedChoice[]): Promise<void>;
}

export interface GuideServices {
  topics: Map<string, Topic>;
  topicTitles: Map<string, string>;
  flows: Map<string, Flow>;
  councils: CouncilRecord[];
  nationalServices: NationalService[];
  content: ConversationContent;
  /** What the tool dialogs say (content/tools/<tool-id>.yaml) and the review question bank. */
  tools: ToolContent;
  sender: ReplySender;
  guideState: StatePropertyAccessor<GuideState>;
  logger: Logger;
  audienceFor(context: TurnContext): Audience;
  /** The deploying council, when COUNCIL_CODE is set. */
  deployingCouncil?: CouncilRecord;
  now(): Date;
  /** Deletes everything stored about this user and conversation (forget me). */
  forget(context: TurnContext): Promise<void>;
  /** Anonymous counts of feedback and unanswered messages. */
  usage: UsageCounts;
}
