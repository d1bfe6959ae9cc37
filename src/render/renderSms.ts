// One reply as SMS activities (plain GSM-7 text), with the rest of a long answer returned as overflow for MORE.
import { ActivityTypes, type Activity } from 'botbuilder';
import { composeSms, nextSmsOverflow } from './composeSms.js';
import type { Reply } from './replyModel.js';
import { withTopicId } from './withTopicId.js';

export { resolveNumberedChoice } from './resolveNumberedChoice.js';

export interface SmsRender {
  activities: Array<Partial<Activity>>;
  /** Messages still to send; the bot keeps them in conversation state until the user replies MORE. */
  overflow: string[];
}

function plainMessage(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'plain' };
}

export function renderSms(reply: Reply): SmsRender {
  const { messages, overflow } = composeSms(reply.blocks, { holdBack: !reply.urgent });
  return { activities: messages.map(plainMessage), overflow };
}

/**
 * The next part of a long SMS answer, for when the user replies MORE: pass the stored overflow (and the topic it
 * answers, for channelData.topicId), send `activities`, store the returned `overflow` (empty: nothing left).
 */
export function renderSmsOverflow(overflow: readonly string[], topicId?: string): SmsRender {
  const next = nextSmsOverflow(overflow);
  return { activities: withTopicId(next.messages.map(plainMessage), topicId), overflow: next.overflow };
}
