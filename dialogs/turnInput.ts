// What the bot worked out about this message before the dialogs run: normalised text, understanding, chosen option.
import type { TurnContext } from 'botbuilder';
import type { OfferedChoice } from '../src/answers/choiceTargets.js';
import type { CommandName } from '../src/knowledge/conversationContent.js';
import type { Understanding } from '../src/language/types.js';
import type { ChannelKind } from '../src/render/replyModel.js';

export interface TurnInput {
  text: string;
  channel: ChannelKind;
  understanding: Understanding;
  /** Set when the text picks one of the choices on offer (by title, number or synonym). */
  choice?: OfferedChoice;
  /** Set when the text is one of the command words in content/commands.yaml. */
  command?: CommandName;
}

const TURN_INPUT = Symbol('turnInput');

export function setTurnInput(context: TurnContext, input: TurnInput): void {
  context.turnState.set(TURN_INPUT, input);
}

export function getTurnInput(context: TurnContext): TurnInput {
  const input = context.turnState.get(TURN_INPUT) as TurnInput | undefined;
  if (!input) throw new Error('getTurnInput(): no input for this turn. The bot must call setTurnInput before running dialogs.');
  return input;
}

export function channelKindOf(context: TurnContext): ChannelKind {
  const id = context.activity.channelId;
  return id === 'msteams' || id === 'sms' ? id : 'webchat';
}
