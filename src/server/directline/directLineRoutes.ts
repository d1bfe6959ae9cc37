// The client side of the local Direct Line v3 service: tokens, conversations, and polling or posting activities.
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Request, Response, Server } from 'restify';
import { hashId, type Logger } from '../../logging/logger.js';
import type { BotForwarder } from './BotForwarder.js';
import type { ChannelAccountJson, Conversation, ConversationStore } from './ConversationStore.js';
import { bearerToken, type DirectLineTokens, type TokenClaims } from './DirectLineTokens.js';
import { sendDirectLineError } from './directLineError.js';
import { toUserActivity } from './userActivity.js';

export const DIRECT_LINE_BASE = '/v3/directline';

export interface DirectLineRouteOptions {
  store: ConversationStore;
  tokens: DirectLineTokens;
  forwarder: BotForwarder;
  bot: ChannelAccountJson;
  logger: Logger;
  /** How long a POST of an activity waits for the bot's turn before answering anyway (Direct Line waits too). */
  turnWaitMs?: number;
}

export function registerDirectLineRoutes(server: Server, options: DirectLineRouteOptions): void {
  const { store, tokens, forwarder, logger } = options;
  const turnWaitMs = options.turnWaitMs ?? 15_000;

  /** Checks the bearer token (and that it is for this conversation); answers the error itself when it fails. */
  const authorise = (req: Request, res: Response, conversationId?: string): { conversation: Conversation; claims: TokenClaims } | undefined => {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined) {
      sendDirectLineError(res, 401, 'Unauthorized', 'expected an Authorization: Bearer <token> header');
      return undefined;
    }
    const check = tokens.check(token);
    if (!check.ok) {
      if (check.reason === 'expired') sendDirectLineError(res, 403, 'TokenExpired', 'the token has expired; start a new conversation');
      else sendDirectLineError(res, 403, 'BadArgument', 'the token is not valid for this service');
      return undefined;
    }
    if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
      sendDirectLineError(res, 403, 'NotAllowed', 'the token is for a different conversation');
      return undefined;
    }
    const conversation = store.get(check.claims.conversationId);
    if (!conversation) {
      sendDirectLineError(res, 404, 'NotFound', 'the conversation has ended or expired');
      return undefined;
    }
    return { conversation, claims: check.claims };
  };

  const startInBackground = (conversation: Conversation): void => {
    // Failures are logged by the forwarder; the client still gets its conversation and can try again.
    forwarder.start(conversation).catch(() => undefined);
  };

  // The user id is always issued here, never taken from the client (DirectLineJS may send `user.id`): the bot keeps
  // user state by that id, so a chosen id could open someone else's. Web Chat reads the issued id from the token.
  const newConversation = (body: unknown): Conversation => {
    const name = readUserName(body);
    const user: ChannelAccountJson = { id: `dl_${randomId()}`, role: 'user', ...(name ? { name } : {}) };
    const conversation = store.create(user, readLocale(body));
    logger.info('directline.conversation_created', { conversation: hashId(conversation.id) });
    return conversation;
  };

  // A website's server would call this with its Direct Line secret; locally there is no secret to protect.
  server.post(`${DIRECT_LINE_BASE}/tokens/generate`, async (req, res) => {
    const conversation = newConversation(req.body);
    const issued = tokens.issue(conversation.id, conversation.user.id);
    res.json(200, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn });
  });

  server.post(`${DIRECT_LINE_BASE}/tokens/refresh`, async (req, res) => {
    const authorised = authorise(req, res);
    if (!authorised) return;
    const { conversation } = authorised;
    store.touch(conversation);
    const issued = tokens.issue(conversation.id, conversation.user.id);
    res.json(200, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn });
  });

  // With a token from tokens/generate this starts that conversation; with no token it starts a new one.
  server.post(`${DIRECT_LINE_BASE}/conversations`, async (req, res) => {
    const token = bearerToken(req.headers.authorization);
    // DirectLineJS sends "Bearer undefined" when it was given neither token nor secret: treat it as no token.
    if (token !== undefined && tokens.looksLikeToken(token)) {
      const authorised = authorise(req, res);
      if (!authorised) return;
      const { conversation, claims } = authorised;
      const isNew = !conversation.started;
      store.touch(conversation);
      startInBackground(conversation);
      res.json(isNew ? 201 : 200, { conversationId: conversation.id, token, expires_in: tokens.secondsLeft(claims) });
      return;
    }
    const conversation = newConversation(req.body);
    const issued = tokens.issue(conversation.id, conversation.user.id);
    startInBackground(conversation);
    res.json(201, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn });
  });

  // DirectLineJS calls this to reconnect; there is no stream to hand out, so it returns the conversation as it is.
  server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId`, async (req, res) => {
    const authorised = authorise(req, res, String(req.params.conversationId));
    if (!authorised) return;
    store.touch(authorised.conversation);
    res.json(200, {
      conversationId: authorised.conversation.id,
      token: bearerToken(req.headers.authorization),
      expires_in: tokens.secondsLeft(authorised.claims),
    });
  });

  server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
    const authorised = authorise(req, res, String(req.params.conversationId));
    if (!authorised) return;
    const watermark = parseWatermark((req.query as Record<string, unknown> | undefined)?.watermark);
    if (watermark === undefined) {
      sendDirectLineError(res, 400, 'BadArgument', 'expected the watermark to be a whole number from an earlier response');
      return;
    }
    // Polling counts as use: an open chat window keeps its conversation.
    store.touch(authorised.conversation);
    res.json(200, store.activitiesAfter(authorised.conversation, watermark));
  });

  server.post(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
    const authorised = authorise(req, res, String(req.params.conversationId));
    if (!authorised) return;
    const { conversation } = authorised;
    const result = toUserActivity(req.body, conversation, options.bot);
    if (!result.ok) {
      sendDirectLineError(res, 400, 'BadArgument', result.message);
      return;
    }
    startInBackground(conversation);
    const stored = store.append(conversation, result.activity);
    const turn = forwarder.forward(stored).then(
      () => 'done' as const,
      () => 'failed' as const,
    );
    const timer = new AbortController();
    const waited = delay(turnWaitMs, 'waiting' as const, { signal: timer.signal }).catch(() => 'waiting' as const);
    const outcome = await Promise.race([turn, waited]);
    timer.abort();
    if (outcome === 'failed') {
      sendDirectLineError(res, 502, 'BotError', 'the bot could not handle this activity');
      return;
    }
    // Still 'waiting' means a slow turn: the activity is kept and the replies will follow, so report it as accepted.
    res.json(200, { id: stored.id });
  });
}

function readUserName(body: unknown): string | undefined {
  const name = (body as { user?: { name?: unknown } } | undefined)?.user?.name;
  return typeof name === 'string' && name.length > 0 && name.length <= 64 ? name : undefined;
}

function readLocale(body: unknown): string | undefined {
  const locale = (body as { locale?: unknown } | undefined)?.locale;
  return typeof locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(locale) ? locale : undefined;
}

/** '' or absent means "from the start"; anything else must be a whole number. */
function parseWatermark(value: unknown): number | undefined {
  if (value === undefined || value === '') return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

function randomId(): string {
  return randomBytes(12).toString('base64url');
}
