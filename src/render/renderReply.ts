// The one entry point from dialogs to channels: a channel-neutral Reply in, the activities for that channel out.
import type { Activity } from 'botbuilder';
import type { ChannelKind, Reply } from './replyModel.js';
import { renderSms } from './renderSms.js';
import { renderTeams } from './renderTeams.js';
import { renderWebChat } from './renderWebChat.js';
import { withTopicId } from './withTopicId.js';

export interface RenderedReply {
  activities: Array<Partial<Activity>>;
  /** SMS only: the part of a long answer waiting for MORE (see renderSmsOverflow); always [] elsewhere. */
  overflow: string[];
}

/** Every activity of a reply with a topicId carries channelData.topicId (DESIGN.md contract 5). */
export function renderReply(reply: Reply, channel: ChannelKind): RenderedReply {
  switch (channel) {
    case 'webchat':
      return { activities: withTopicId(renderWebChat(reply), reply.topicId), overflow: [] };
    case 'msteams':
      return { activities: withTopicId(renderTeams(reply), reply.topicId), overflow: [] };
    case 'sms': {
      const { activities, overflow } = renderSms(reply);
      return { activities: withTopicId(activities, reply.topicId), overflow };
    }
  }
}
