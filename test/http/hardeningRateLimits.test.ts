// Rate limits through the whole app: a fast conversation is asked to slow down once; a flooding address gets 429.
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { loadMessages } from '../../src/knowledge/messages.js';
import { baseUrl, startTestApp } from '../support/startTestApp.js';
import { message, postActivity, readable } from './httpClient.js';

const messages = loadMessages(path.resolve(import.meta.dirname, '../../content/messages.yaml'), { service: 'SEN Support Guide', privacyUrl: '' });

describe('rate limits', () => {
  const apps: RunningApp[] = [];
  const start = async (env: Record<string, string>): Promise<string> => {
    const app = await startTestApp(env);
    apps.push(app);
    return baseUrl(app);
  };
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('asks a conversation that is going too fast to wait, once, then drops its messages; others carry on', async () => {
    const url = await start({ RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '3', RATE_LIMIT_PER_IP_PER_MINUTE: '0' });
    for (const text of ['hello', 'what is sen support', 'what does a senco do']) {
      const response = await postActivity(url, message(text, 'quick'));
      expect(response.status).toBe(200);
      expect(readable(response.activities)).not.toContain(messages.get('rate-limited'));
    }
    const told = await postActivity(url, message('and another', 'quick'));
    expect(told.status).toBe(200);
    expect(told.activities.map((activity) => activity.text)).toEqual([messages.get('rate-limited', 'webchat')]);
    const dropped = await postActivity(url, message('and another', 'quick'));
    expect(dropped.status).toBe(200);
    expect(dropped.activities).toEqual([]);
    const other = await postActivity(url, message('hello', 'someone-else'));
    expect(other.activities.length).toBeGreaterThan(0);
  });

  it('answers a flood from one address with 429 and Retry-After, counting Direct Line posts but not polling', async () => {
    const url = await start({ RATE_LIMIT_PER_IP_PER_MINUTE: '4', RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0' });
    const created = await fetch(`${url}/v3/directline/conversations`, { method: 'POST' });
    expect(created.status).toBe(201);
    const { conversationId, token } = (await created.json()) as { conversationId: string; token: string };
    const auth = { Authorization: `Bearer ${token}` };
    // Polling does not count, however often.
    for (let i = 0; i < 10; i += 1) {
      expect((await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, { headers: auth })).status).toBe(200);
    }
    const post = () =>
      fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: 'me' }, text: 'hello' }),
      });
    expect((await post()).status).toBe(200);
    expect((await postActivity(url, message('hello', 'api'))).status).toBe(200);
    expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
    expect((await postActivity(url, message('hello', 'api'))).status).toBe(429);
  });

  it('reads the client address from X-Forwarded-For only when TRUST_PROXY is on', async () => {
    const flood = async (url: string): Promise<number[]> => {
      const statuses: number[] = [];
      for (const client of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '198.51.100.7']) {
        // A client may put anything first; only the last entry was written by our proxy.
        const response = await postActivity(url, message('hi', 'xff'), { 'X-Forwarded-For': `10.9.9.9, ${client}` });
        statuses.push(response.status);
      }
      return statuses;
    };
    const behindProxy = await start({ RATE_LIMIT_PER_IP_PER_MINUTE: '2', RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0', TRUST_PROXY: 'true' });
    expect(await flood(behindProxy)).toEqual([200, 200, 429, 200]);
    const direct = await start({ RATE_LIMIT_PER_IP_PER_MINUTE: '2', RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0' });
    expect(await flood(direct)).toEqual([200, 200, 429, 429]);
  });

  it('drops Teams activities from a tenant not on TEAMS_TENANT_IDS without a reply', async () => {
    const allowed = '3e1f0a2b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
    const url = await start({ TEAMS_TENANT_IDS: allowed, RATE_LIMIT_PER_IP_PER_MINUTE: '0' });
    const teams = (tenant: string) =>
      message('what does a senco do', `teams-${tenant}`, { channelId: 'msteams', channelData: { tenant: { id: tenant } }, conversation: { id: `teams-${tenant}`, conversationType: 'personal', tenantId: tenant } });
    const stranger = await postActivity(url, teams('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'));
    expect(stranger.status).toBe(200);
    expect(stranger.activities).toEqual([]);
    const member = await postActivity(url, teams(allowed));
    expect(member.activities.length).toBeGreaterThan(0);
  });
});
