// The local Direct Line service as a real client sees it: botframework-directlinejs polling against the running app.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DirectLine, ConnectionStatus, type Activity } from 'botframework-directlinejs';
import { ConversationStore } from '../../src/server/directline/ConversationStore.js';
import { startDirectLineServer, WELCOME_LINES, type DirectLineTestServer } from './localDirectLineServer.js';
import { installXmlHttpRequest, NodeXMLHttpRequest } from './xmlHttpRequestShim.js';

installXmlHttpRequest();

/** DirectLineJS reads the WebSocket global even when told to poll; Node 20 has none, and polling never uses it. */
class NoWebSocket {
  constructor() {
    throw new Error('NoWebSocket: the tests poll; nothing should open a WebSocket.');
  }
}

function connect(domain: string): { client: DirectLine; received: Activity[] } {
  const client = new DirectLine({ domain, webSocket: false, pollingInterval: 200, WebSocket: NoWebSocket as unknown as typeof WebSocket });
  const received: Activity[] = [];
  // Ending the client makes activity$ error with "conversation ended"; that is the expected way out.
  client.activity$.subscribe({ next: (activity) => received.push(activity), error: () => undefined });
  return { client, received };
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waitFor(): timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('local Direct Line with the real DirectLineJS client', () => {
  let service: DirectLineTestServer;
  let client: DirectLine | undefined;

  beforeAll(async () => {
    service = await startDirectLineServer();
  });
  afterEach(() => {
    client?.end();
    NodeXMLHttpRequest.onRequest = undefined;
  });
  afterAll(async () => {
    await service.close();
  });

  it('welcomes, echoes the user message with its id, and answers it, while the watermark advances', async () => {
    const polled: number[] = [];
    NodeXMLHttpRequest.onRequest = (method, url) => {
      const match = /\/activities\?watermark=(\d*)$/.exec(url);
      if (method === 'GET' && match) polled.push(Number(match[1] || 0));
    };
    const connection = connect(service.directLineUrl);
    client = connection.client;
    const { received } = connection;

    // Given a new conversation, the bot's welcome (sent on conversationUpdate) arrives before the user says anything.
    const welcome = await waitFor('the welcome', () => (received.length >= WELCOME_LINES.length ? received.slice(0, WELCOME_LINES.length) : undefined));
    expect(client.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
    expect(welcome.map((a) => (a as { text?: string }).text)).toEqual(WELCOME_LINES);
    expect(welcome.every((a) => a.from.role === 'bot' && a.channelId === 'webchat')).toBe(true);
    const conversationId = welcome[0]?.conversation?.id;
    expect(conversationId).toBeTruthy();

    // When the user posts "hello"
    const posted = await new Promise<string>((resolve, reject) => {
      client?.postActivity({ type: 'message', text: 'hello', from: { id: 'ignored', name: 'Parent' }, channelData: { clientActivityID: 'c-1' } }).subscribe({ next: resolve, error: reject });
    });

    // Then the echo comes back with the id the service gave it, and the bot replies to it.
    expect(posted).toMatch(new RegExp(`^${conversationId}\\|\\d{7}$`));
    const echo = await waitFor('the echo', () => received.find((a) => a.id === posted));
    expect(echo).toMatchObject({ type: 'message', text: 'hello', channelData: { clientActivityID: 'c-1' }, from: { role: 'user' } });
    expect(echo.from.id).toMatch(/^dl_/);
    const reply = await waitFor('the reply', () => received.find((a) => a.from.role === 'bot' && (a as { replyToId?: string }).replyToId === posted));
    expect(reply).toMatchObject({ type: 'message', text: 'You said: hello' });

    // And the client goes on polling from the reply's watermark, never asking for the same activities twice.
    const replySeq = Number(reply.id?.split('|')[1]);
    expect(replySeq).toBeGreaterThan(Number(posted.split('|')[1]));
    await waitFor('a poll from the reply onwards', () => polled.find((watermark) => watermark >= replySeq));
    expect(polled).toEqual([...polled].sort((a, b) => a - b));
    const ids = received.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function call(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Reply> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

interface Started {
  conversationId: string;
  token: string;
}

/** Starts a conversation and waits for the welcome, so later activities line up after it. */
async function startConversation(directLineUrl: string): Promise<Started> {
  const started = await call(`${directLineUrl}/conversations`, { method: 'POST', body: {} });
  expect(started.status).toBe(201);
  const conversation = { conversationId: String(started.body.conversationId), token: String(started.body.token) };
  await waitForAsync('the welcome', async () => ((await activities(directLineUrl, conversation)).length >= WELCOME_LINES.length ? true : undefined));
  return conversation;
}

async function activities(directLineUrl: string, { conversationId, token }: Started, watermark = ''): Promise<Array<Record<string, unknown>>> {
  const got = await call(`${directLineUrl}/conversations/${conversationId}/activities?watermark=${watermark}`, { token });
  expect(got.status).toBe(200);
  return got.body.activities as Array<Record<string, unknown>>;
}

async function say(directLineUrl: string, { conversationId, token }: Started, body: Record<string, unknown>): Promise<string> {
  const posted = await call(`${directLineUrl}/conversations/${conversationId}/activities`, { method: 'POST', token, body });
  expect(posted.status).toBe(200);
  return String(posted.body.id);
}

function texts(list: Array<Record<string, unknown>>): unknown[] {
  return list.filter((activity) => activity.type === 'message').map((activity) => activity.text);
}

describe('local Direct Line over plain HTTP', () => {
  let service: DirectLineTestServer;
  let clock = Date.now();

  beforeAll(async () => {
    service = await startDirectLineServer(new ConversationStore({ now: () => clock, idleMs: 60_000 }));
  });
  afterAll(async () => {
    await service.close();
  });

  it('starts a conversation with a token that names the user it issued, as Web Chat expects, and no stream URL', async () => {
    // DirectLineJS may send a user id of its own; the bot keeps state by user id, so the service never takes it.
    const started = await call(`${service.directLineUrl}/conversations`, { method: 'POST', body: { locale: 'en-GB', user: { id: 'r_chosen' } } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 3600 });
    expect(started.body).not.toHaveProperty('streamUrl');
    const payload = JSON.parse(Buffer.from(String(started.body.token).split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ conv: started.body.conversationId, user: expect.stringMatching(/^dl_/) });
  });

  it('hands out a token first (tokens/generate), starts that conversation once, and refreshes the token', async () => {
    const generated = await call(`${service.directLineUrl}/tokens/generate`, { method: 'POST' });
    expect(generated.status).toBe(200);
    const token = String(generated.body.token);
    const first = await call(`${service.directLineUrl}/conversations`, { method: 'POST', token });
    const again = await call(`${service.directLineUrl}/conversations`, { method: 'POST', token });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(first.body.conversationId).toBe(generated.body.conversationId);
    const conversation = { conversationId: String(generated.body.conversationId), token };
    await waitForAsync('the welcome', async () => ((await activities(service.directLineUrl, conversation)).length >= 2 ? true : undefined));
    expect(texts(await activities(service.directLineUrl, conversation))).toEqual(WELCOME_LINES);

    const refreshed = await call(`${service.directLineUrl}/tokens/refresh`, { method: 'POST', token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token).not.toBe(token);
    expect(await activities(service.directLineUrl, { ...conversation, token: String(refreshed.body.token) })).toHaveLength(2);
  });

  it('returns only what is newer than the watermark, and the watermark of the newest activity', async () => {
    const conversation = await startConversation(service.directLineUrl);
    const postedId = await say(service.directLineUrl, conversation, { type: 'message', text: 'hello' });
    const all = await call(`${service.directLineUrl}/conversations/${conversation.conversationId}/activities`, { token: conversation.token });
    expect(texts(all.body.activities as Array<Record<string, unknown>>)).toEqual([...WELCOME_LINES, 'hello', 'You said: hello']);
    expect(all.body.watermark).toBe('4');
    const newer = await activities(service.directLineUrl, conversation, '3');
    expect(newer.map((activity) => activity.replyToId)).toEqual([postedId]);
    expect(await activities(service.directLineUrl, conversation, '4')).toEqual([]);
    const bad = await call(`${service.directLineUrl}/conversations/${conversation.conversationId}/activities?watermark=abc`, { token: conversation.token });
    expect(bad.status).toBe(400);
  });

  it('keeps who the user is and where the activity goes out of the client’s hands', async () => {
    const conversation = await startConversation(service.directLineUrl);
    const id = await say(service.directLineUrl, conversation, {
      type: 'message',
      text: 'hello',
      from: { id: 'someone-else', role: 'bot' },
      channelId: 'msteams',
      serviceUrl: 'http://attacker.invalid',
      // expectReplies would hand the replies back in the HTTP response and never to the client's transcript.
      deliveryMode: 'expectReplies',
    });
    const kept = await activities(service.directLineUrl, conversation);
    const echo = kept.find((activity) => activity.id === id);
    expect(echo).toMatchObject({ channelId: 'webchat', from: { role: 'user', id: expect.stringMatching(/^dl_/) } });
    expect(echo).not.toHaveProperty('serviceUrl');
    expect(echo).not.toHaveProperty('deliveryMode');
    expect(kept.find((activity) => activity.replyToId === id)).toMatchObject({ text: 'You said: hello' });
  });

  it('refuses a missing token (401), a token for another conversation or a forged one (403)', async () => {
    const mine = await startConversation(service.directLineUrl);
    const theirs = await startConversation(service.directLineUrl);
    const url = `${service.directLineUrl}/conversations/${mine.conversationId}/activities`;
    expect((await call(url)).status).toBe(401);
    const wrong = await call(url, { token: theirs.token });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'NotAllowed' } });
    const [header, , signature] = mine.token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ conv: mine.conversationId, user: 'dl_x', exp: 9_999_999_999 })).toString('base64url');
    expect((await call(url, { token: `${header}.${forgedPayload}.${signature}` })).status).toBe(403);
    expect((await call(url, { method: 'POST', token: theirs.token, body: { type: 'message', text: 'hi' } })).status).toBe(403);
  });

  it('answers 404 once a conversation has been idle too long, which DirectLineJS reads as "ended"', async () => {
    const conversation = await startConversation(service.directLineUrl);
    clock += 61_000;
    const gone = await call(`${service.directLineUrl}/conversations/${conversation.conversationId}/activities`, { token: conversation.token });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: { code: 'NotFound' } });
  });

  it('accepts connector callbacks only from the bot in this process', async () => {
    const conversation = await startConversation(service.directLineUrl);
    const callback = `${service.directLineUrl}/v3/conversations/${conversation.conversationId}/activities`;
    const reply = { type: 'message', text: 'not from the bot' };
    expect((await call(callback, { method: 'POST', body: reply })).status).toBe(401);
    expect((await call(callback, { method: 'POST', token: conversation.token, body: reply })).status).toBe(401);
    expect(texts(await activities(service.directLineUrl, conversation))).not.toContain('not from the bot');
  });

  it('lets the bot update and delete its replies and list the members, through the same connector paths', async () => {
    const conversation = await startConversation(service.directLineUrl);
    await say(service.directLineUrl, conversation, { type: 'message', text: 'edit me' });
    await say(service.directLineUrl, conversation, { type: 'message', text: 'delete me' });
    await say(service.directLineUrl, conversation, { type: 'message', text: 'members' });
    const said = texts(await activities(service.directLineUrl, conversation));
    expect(said).toContain('final wording');
    expect(said).not.toContain('first draft');
    expect(said).not.toContain('temporary');
    expect(said).toContain('deleted');
    expect(said).toContain('members: user, bot');
  });

  it('answers 502 when the bot’s turn fails, and the conversation goes on', async () => {
    const conversation = await startConversation(service.directLineUrl);
    const failed = await call(`${service.directLineUrl}/conversations/${conversation.conversationId}/activities`, {
      method: 'POST',
      token: conversation.token,
      body: { type: 'message', text: 'fail' },
    });
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({ error: { code: 'BotError' } });
    await say(service.directLineUrl, conversation, { type: 'message', text: 'still there?' });
    expect(texts(await activities(service.directLineUrl, conversation))).toContain('You said: still there?');
  });

  it('runs one conversation’s turns in the order they were posted, even when the first is slow', async () => {
    const conversation = await startConversation(service.directLineUrl);
    const slow = say(service.directLineUrl, conversation, { type: 'message', text: 'slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all([slow, say(service.directLineUrl, conversation, { type: 'message', text: 'fast' })]);
    const replies = texts(await activities(service.directLineUrl, conversation)).filter((text) => String(text).startsWith('You said'));
    expect(replies).toEqual(['You said: slow', 'You said: fast']);
  });
});

async function waitForAsync<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waitForAsync(): timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
