// Reads what a person sent, whatever the channel wrapped it in: Teams @mentions, card button values, stray controls.
import { TurnContext } from 'botbuilder';

export function readIncomingText(context: TurnContext): string {
  const activity = context.activity;
  let text = activity.text ?? '';
  if (activity.channelId === 'msteams') text = TurnContext.removeRecipientMention(activity) ?? text;
  // Adaptive Card buttons post their choice as { value: "..." } with no text.
  if (!text.trim() && activity.value && typeof activity.value === 'object' && typeof (activity.value as { value?: unknown }).value === 'string') {
    text = (activity.value as { value: string }).value;
  }
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
}
