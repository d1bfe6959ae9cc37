// Reads what a person sent, whatever the channel wrapped it in: Teams @mentions, card button values, stray controls.
import type { TurnContext } from 'botbuilder';
import { stripMentions } from '../render/stripMentions.js';

export function readIncomingText(context: TurnContext): string {
  const activity = context.activity;
  let text = activity.channelId === 'msteams' ? stripMentions(activity) : (activity.text ?? '');
  // Adaptive Card buttons post their choice as { value: "..." } with no text.
  if (!text.trim() && activity.value && typeof activity.value === 'object' && typeof (activity.value as { value?: unknown }).value === 'string') {
    text = (activity.value as { value: string }).value;
  }
  // Control characters and bidirectional overrides carry no meaning for us and can disguise text.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
}
