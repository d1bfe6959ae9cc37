// Sends replies through the renderer for the turn's channel and keeps what the conversation must remember of them.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { OfferedChoice } from '../src/answers/choiceTargets.js';
import { renderReply } from '../src/render/renderReply.js';
import type { Reply } from '../src/render/replyModel.js';
import type { ReplySender } from './GuideServices.js';
import { newGuideState, type GuideState } from './guideState.js';
import { channelKindOf } from './turnInput.js';

const SENT_CHOICES_THIS_TURN = Symbol('sentChoicesThisTurn');

export class ChannelReplySender implements ReplySender {
  constructor(private readonly guideState: StatePropertyAccessor<GuideState>) {}

  async send(context: TurnContext, reply: Reply, offered: OfferedChoice[] = []): Promise<void> {
    const channel = channelKindOf(context);
    const { activities, overflow } = renderReply(reply, channel);
    await context.sendActivities(activities);

    const state = await this.guideState.get(context, newGuideState());
    if (channel === 'sms') state.smsOverflow = overflow;
    if (offered.length > 0) {
      // Choices from earlier replies in this turn stay pickable by title; numbers refer to the last list.
      const earlier = (context.turnState.get(SENT_CHOICES_THIS_TURN) as OfferedChoice[] | undefined) ?? [];
      state.offeredEarlier = earlier;
      state.offered = offered;
      context.turnState.set(SENT_CHOICES_THIS_TURN, [...earlier, ...offered]);
    }
  }
}
