// Turns an activity the adapter posts back (a bot reply) into what the local Direct Line service keeps for the client.
import type { ChannelAccountJson, Conversation, NewActivity } from './ConversationStore.js';

export type BotReplyResult = { ok: true; activity: NewActivity } | { ok: false; message: string };

/** Fields that only mean something between the service and the bot, so a Direct Line client never sees them. */
const SERVICE_ONLY_FIELDS = ['id', 'timestamp', 'serviceUrl', 'callerId', 'rawTimestamp', 'rawLocalTimestamp', 'rawExpiration', 'conversation'];

export function toBotReply(body: unknown, conversation: Conversation, bot: ChannelAccountJson, replyToId?: string): BotReplyResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: 'expected an activity as a JSON object' };
  const input = { ...(body as Record<string, unknown>) };
  if (typeof input.type !== 'string' || input.type.length === 0) return { ok: false, message: 'expected an activity type' };
  for (const field of SERVICE_ONLY_FIELDS) delete input[field];
  const from = isAccount(input.from) ? { ...input.from } : { ...bot };
  // Web Chat sorts bot and user activities by from.role, so a reply must always say it comes from the bot.
  from.role = 'bot';
  return {
    ok: true,
    activity: {
      ...input,
      type: input.type,
      channelId: 'webchat',
      from,
      recipient: isAccount(input.recipient) ? input.recipient : { ...conversation.user },
      ...(replyToId !== undefined && input.replyToId === undefined ? { replyToId } : {}),
    },
  };
}

function isAccount(value: unknown): value is ChannelAccountJson {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}
