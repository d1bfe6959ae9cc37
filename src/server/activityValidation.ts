// Checks that a POST to /api/messages is a Bot Framework activity the bot can handle, before the adapter sees it.
import { z } from 'zod';

/** Far above MAX_MESSAGE_LENGTH (at most 20,000), so a long message still reaches the bot's kind "too long" reply. */
export const MAX_TEXT_CHARACTERS = 100_000;
const ID = z.string().max(1024);
const SHORT = z.string().max(256);

/**
 * Liberal on purpose: Web Chat, Teams, SMS through Azure Bot Service and the Emulator each add their own fields,
 * and unknown fields are kept. Only what botbuilder or our bot reads without checking is pinned down, because a
 * wrong shape there fails the turn (a parent sees an apology): ids as strings, accounts as objects with an id,
 * text as a string, lists as lists, timestamps a Date can read, and Teams mentions with the `mentioned` account
 * that TurnContext.removeRecipientMention dereferences.
 */
const account = z.looseObject({
  id: ID,
  name: z.string().max(1024).nullish(),
  role: SHORT.nullish(),
});

const timestamp = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date and time');

const entity = z.looseObject({ type: SHORT }).superRefine((value, ctx) => {
  if (value.type.toLowerCase() !== 'mention') return;
  const mentioned = (value as { mentioned?: unknown }).mentioned;
  if (!account.safeParse(mentioned).success) ctx.addIssue({ code: 'custom', path: ['mentioned'], message: 'expected the mentioned account' });
  if (typeof (value as { text?: unknown }).text !== 'string') ctx.addIssue({ code: 'custom', path: ['text'], message: 'expected the mention text' });
});

const attachment = z.looseObject({
  contentType: SHORT,
  contentUrl: z.string().max(64 * 1024).optional(),
  name: z.string().max(1024).nullish(),
});

export const incomingActivitySchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: ID.optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/, message: 'expected an http(s) address' }).max(2048).optional(),
    from: account,
    recipient: account,
    conversation: z.looseObject({ id: ID.min(1), name: z.string().max(1024).nullish(), isGroup: z.boolean().nullish(), tenantId: ID.nullish() }),
    text: z.string().max(MAX_TEXT_CHARACTERS).optional(),
    textFormat: SHORT.optional(),
    locale: z.string().max(64).optional(),
    timestamp: timestamp.optional(),
    localTimestamp: timestamp.optional(),
    expiration: timestamp.optional(),
    replyToId: ID.optional(),
    deliveryMode: SHORT.optional(),
    name: SHORT.optional(),
    membersAdded: z.array(account).max(256).optional(),
    membersRemoved: z.array(account).max(256).optional(),
    attachments: z.array(attachment).max(50).optional(),
    entities: z.array(entity).max(100).optional(),
  })
  .superRefine((activity, ctx) => {
    // With no serviceUrl the adapter has nowhere to send replies unless they come back in the response.
    if (activity.serviceUrl === undefined && activity.deliveryMode !== 'expectReplies') {
      ctx.addIssue({ code: 'custom', path: ['serviceUrl'], message: 'expected a serviceUrl (or deliveryMode expectReplies)' });
    }
    if (activity.text === undefined && activity.entities?.some((e) => e.type.toLowerCase() === 'mention')) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'expected text alongside a mention' });
    }
  });

export type IncomingActivity = z.output<typeof incomingActivitySchema>;

export type ActivityCheck = { ok: true; activity: IncomingActivity } | { ok: false; reason: string };

/** The reason names the first wrong field and what was expected, never the value that was sent. */
export function validateActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Buffer.isBuffer(body)) {
    return { ok: false, reason: 'expected a Bot Framework activity as a JSON object' };
  }
  const result = incomingActivitySchema.safeParse(body);
  if (result.success) return { ok: true, activity: result.data };
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'activity';
  return { ok: false, reason: `not a Bot Framework activity: ${field}: ${issue?.message ?? 'invalid'}` };
}
