// The Bot Connector API the adapter calls back on (serviceUrl = …/v3/directline) to deliver, change and delete replies.
import type { Request, Response, Server } from 'restify';
import { toBotReply } from './botReply.js';
import type { ChannelAccountJson, Conversation, ConversationStore } from './ConversationStore.js';
import { sendDirectLineError } from './directLineError.js';
import { DIRECT_LINE_BASE } from './directLineRoutes.js';
import type { LocalBotAuthentication } from './LocalBotAuthentication.js';

export interface ConnectorCallbackOptions {
  store: ConversationStore;
  auth: LocalBotAuthentication;
  bot: ChannelAccountJson;
}

// Paths as botframework-connector's ConnectorClient builds them (connectorApi/operations/conversations.js).
const CONVERSATION = `${DIRECT_LINE_BASE}/v3/conversations/:conversationId`;

/**
 * Only the adapter in this process may call these: a caller must come over loopback (the serviceUrl is 127.0.0.1)
 * AND carry the per-process secret from LocalBotAuthentication, and the conversation must exist. Either check alone
 * would do today; together they survive a reverse proxy on the same host or a leaked log line.
 */
export function registerConnectorCallbackRoutes(server: Server, { store, auth, bot }: ConnectorCallbackOptions): void {
  const guard = (req: Request, res: Response): Conversation | undefined => {
    if (!isLoopback(req.socket.remoteAddress) || !auth.isTrustedCallback(req.headers.authorization)) {
      sendDirectLineError(res, 401, 'Unauthorized', 'only the bot in this process may call the connector routes');
      return undefined;
    }
    const conversation = store.get(String(req.params.conversationId));
    if (!conversation) sendDirectLineError(res, 404, 'NotFound', 'no such conversation (it may have expired)');
    return conversation;
  };

  const keepReply = (req: Request, res: Response, replyToId?: string): void => {
    const conversation = guard(req, res);
    if (!conversation) return;
    const reply = toBotReply(req.body, conversation, bot, replyToId);
    if (!reply.ok) {
      sendDirectLineError(res, 400, 'BadArgument', reply.message);
      return;
    }
    res.json(200, { id: store.append(conversation, reply.activity).id });
  };

  // sendToConversation
  server.post(`${CONVERSATION}/activities`, async (req, res) => keepReply(req, res));

  // sendConversationHistory: kept like any other replies, oldest first.
  server.post(`${CONVERSATION}/activities/history`, async (req, res) => {
    const conversation = guard(req, res);
    if (!conversation) return;
    const activities = (req.body as { activities?: unknown } | undefined)?.activities;
    if (!Array.isArray(activities)) {
      sendDirectLineError(res, 400, 'BadArgument', 'expected a transcript with an activities array');
      return;
    }
    for (const activity of activities) {
      const reply = toBotReply(activity, conversation, bot);
      if (reply.ok) store.append(conversation, reply.activity);
    }
    res.json(200, { id: '' });
  });

  // replyToActivity
  server.post(`${CONVERSATION}/activities/:activityId`, async (req, res) => keepReply(req, res, String(req.params.activityId)));

  // updateActivity
  server.put(`${CONVERSATION}/activities/:activityId`, async (req, res) => {
    const conversation = guard(req, res);
    if (!conversation) return;
    const activityId = String(req.params.activityId);
    const reply = toBotReply(req.body, conversation, bot);
    if (!reply.ok) {
      sendDirectLineError(res, 400, 'BadArgument', reply.message);
      return;
    }
    const updated = store.replaceActivity(conversation, activityId, reply.activity);
    if (!updated) sendDirectLineError(res, 404, 'NotFound', 'no such activity in this conversation');
    else res.json(200, { id: updated.id });
  });

  // deleteActivity
  server.del(`${CONVERSATION}/activities/:activityId`, async (req, res) => {
    const conversation = guard(req, res);
    if (!conversation) return;
    if (store.removeActivity(conversation, String(req.params.activityId))) res.send(200);
    else sendDirectLineError(res, 404, 'NotFound', 'no such activity in this conversation');
  });

  // getConversationMembers, getConversationMember, getConversationPagedMembers, getActivityMembers
  const members = (conversation: Conversation): ChannelAccountJson[] => [{ ...conversation.user }, { ...bot }];
  server.get(`${CONVERSATION}/members`, async (req, res) => {
    const conversation = guard(req, res);
    if (conversation) res.json(200, members(conversation));
  });
  server.get(`${CONVERSATION}/members/:memberId`, async (req, res) => {
    const conversation = guard(req, res);
    if (!conversation) return;
    const member = members(conversation).find((candidate) => candidate.id === String(req.params.memberId));
    if (member) res.json(200, member);
    else sendDirectLineError(res, 404, 'NotFound', 'no such member in this conversation');
  });
  server.get(`${CONVERSATION}/pagedmembers`, async (req, res) => {
    const conversation = guard(req, res);
    if (conversation) res.json(200, { members: members(conversation) });
  });
  server.get(`${CONVERSATION}/activities/:activityId/members`, async (req, res) => {
    const conversation = guard(req, res);
    if (conversation) res.json(200, members(conversation));
  });
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
