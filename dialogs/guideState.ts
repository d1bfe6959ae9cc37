// What the conversation remembers between turns, apart from the dialog stack.
import type { OfferedChoice } from '../src/answers/choiceTargets.js';

export interface GuideState {
  welcomed: boolean;
  /** Messages in a row the bot did not understand; at two, a person is offered. */
  misses: number;
  /** The choices of the last list shown (numbered on SMS). */
  offered: OfferedChoice[];
  /** Choices shown earlier in the same turn, matched by title only. */
  offeredEarlier: OfferedChoice[];
  /** SMS messages waiting for "MORE". */
  smsOverflow: string[];
  lastTopicId?: string;
}

export function newGuideState(): GuideState {
  return { welcomed: false, misses: 0, offered: [], offeredEarlier: [], smsOverflow: [] };
}
