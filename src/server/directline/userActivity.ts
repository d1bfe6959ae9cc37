// Turns what a Direct Line client posts into the activity the service keeps and forwards: only known fields survive.
import type { ChannelAccountJson, Conversation, NewActivity } from './ConversationStore.js';

/** Web Chat sends these; anything else (invoke, handoff, …) has no meaning for this bot. */
const ACCEPTED_TYPES = new Set(['message', 'event', 'typing']);
/** Fields a client may set. Identity, routing and delivery fields are always the service's own. */
const CLIENT_FIELDS = ['text', 'textFormat', 'locale', 'localTimestamp', 'localTimezone', 'channelData', 'value', 'name', 'entities', 'speak'] as const;
/** One user activity, serialised; a long pasted letter fits easily, a flood does not. */
export const MAX_USER_ACTIVITY_BYTES = 32 * 1024;

export type UserActivityResult = { ok: true; activity: NewActivity } | { ok: false; message: string };

/**
 * The client chooses what it says, never who it is or where the activity goes: `from`, `recipient`, `channelId`,
 * `conversation`, `serviceUrl` and `deliveryMode` are set here. Letting a client ask for `expectReplies` would send the
 * bot's replies back to nowhere; letting it claim `msteams` would give a parent the staff view. Attachments are
 * dropped: this service has no upload store and the bot reads text.
 */
export function toUserActivity(body: unknown, conversation: Conversation, bot: ChannelAccountJson): UserActivityResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'expected an activity as a JSON object' };
  }
  const input = body as Record<string, unknown>;
  const type = input.type;
  if (typeof type !== 'string' || !ACCEPTED_TYPES.has(type)) {
    return { ok: false, message: `expected an activity type of ${[...ACCEPTED_TYPES].join(', ')}` };
  }
  if (Buffer.byteLength(JSON.stringify(input)) > MAX_USER_ACTIVITY_BYTES) {
    return { ok: false, message: `expected an activity of at most ${MAX_USER_ACTIVITY_BYTES} bytes` };
  }
  const from: ChannelAccountJson = { id: conversation.user.id, role: 'user' };
  const claimedName = (input.from as { name?: unknown } | undefined)?.name;
  if (typeof claimedName === 'string' && claimedName.length > 0 && claimedName.length <= 64) from.name = claimedName;

  const activity: NewActivity = { type, channelId: 'webchat', from, recipient: { ...bot } };
  for (const field of CLIENT_FIELDS) {
    if (input[field] !== undefined) activity[field] = input[field];
  }
  if (activity.text !== undefined && typeof activity.text !== 'string') return { ok: false, message: 'expected text to be a string' };
  if (activity.locale === undefined && conversation.locale) activity.locale = conversation.locale;
  return { ok: true, activity };
}
