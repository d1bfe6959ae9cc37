// The activity handler: welcomes people and hands each message to the conversation.
import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { Messages, MessageChannel } from '../knowledge/messages.js';

function channelOf(context: TurnContext): MessageChannel {
  const id = context.activity.channelId;
  return id === 'msteams' || id === 'sms' ? id : 'webchat';
}

export class SenGuideBot extends ActivityHandler {
  constructor(private readonly messages: Messages) {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (joined) await this.welcome(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity(this.messages.get('greeting-reply', channelOf(context)));
      await next();
    });
  }

  private async welcome(context: TurnContext): Promise<void> {
    const channel = channelOf(context);
    await context.sendActivities([
      { type: 'message', text: this.messages.get('welcome', channel) },
      { type: 'message', text: this.messages.get('welcome-privacy', channel) },
    ]);
  }
}
