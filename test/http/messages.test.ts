// The Bot Framework endpoint and health checks over real HTTP (DESIGN.md contracts 2 and 3), on the whole app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { baseUrl, startTestApp } from '../support/startTestApp.js';

interface BotReply {
  type: string;
  text?: string;
  replyToId?: string;
  from?: { role?: string };
  channelData?: { topicId?: string };
}

function activity(text: string, id: string): Record<string, unknown> {
  return {
    type: 'message',
    id,
    channelId: 'webchat',
    // Never called: with expectReplies the replies come back in the response body.
    serviceUrl: 'http://127.0.0.1:9/unused',
    from: { id: 'http-test-user', role: 'user' },
    recipient: { id: 'sen-support-guide', role: 'bot' },
    conversation: { id: `http-test-${id}` },
    locale: 'en-GB',
    timestamp: new Date().toISOString(),
    text,
    deliveryMode: 'expectReplies',
  };
}

describe('POST /api/messages, /healthz and /readyz', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers an expectReplies activity in the response body, from the matching topic (contracts 3 and 5)', async () => {
    const response = await fetch(`${baseUrl(app)}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity('What is SEN support?', 'm-1')),
    });

    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities?: BotReply[] };
    const replies = (body.activities ?? []).filter((reply) => reply.type === 'message');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((reply) => reply.replyToId === 'm-1' && reply.from?.role === 'bot')).toBe(true);
    const answer = replies.find((reply) => reply.channelData?.topicId === 'what-is-sen-support');
    expect(answer?.text?.trim().length ?? 0).toBeGreaterThan(0);
  });

  it('refuses a body that is not an activity', async () => {
    const response = await fetch(`${baseUrl(app)}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'no type' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('says it is up (/healthz) and ready (/readyz) once content and storage are loaded', async () => {
    const health = await fetch(`${baseUrl(app)}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${baseUrl(app)}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
