// Incoming Teams text without the @mention of the bot, so "@SEN Guide what is SEN support" reads "what is SEN support".
import { TurnContext, type Activity } from 'botbuilder';

/**
 * The message text with the bot's own mention removed (botbuilder's removeRecipientMention, on a copy: the activity
 * is not changed) and any other `<at>Name</at>` reduced to the name. Whitespace is collapsed; no text gives ''.
 */
export function stripMentions(activity: Partial<Activity>): string {
  if (typeof activity.text !== 'string') return '';
  const copy: Partial<Activity> = { ...activity };
  if (copy.recipient?.id) {
    try {
      TurnContext.removeRecipientMention(copy);
    } catch {
      // A mention entity without `mentioned` or `type` is malformed; the tag pass below still removes the bot's name.
      copy.text = activity.text;
    }
  }
  const botName = activity.recipient?.name?.trim().toLowerCase();
  const text = (copy.text ?? '').replace(/<at>([\s\S]*?)<\/at>/gi, (_whole, name: string) =>
    botName !== undefined && name.trim().toLowerCase() === botName ? ' ' : name,
  );
  return text.replace(/\s+/g, ' ').trim();
}
