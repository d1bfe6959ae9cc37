// POST /api/directline/token: local tokens that really open a chat, Azure's exchanged with the secret kept on the server, and clear errors.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import { baseUrl, startTestApp } from '../support/startTestApp.js';

const TOKEN_PATH = '/api/directline/token';
const AZURE = 'https://directline.botframework.com/v3/directline';
// Distinctive, so finding it anywhere it should not be is unambiguous.
const SECRET = 'dl-secret-Zq9XvT3kP7mW2rYb8sLc4HnE';

function askForToken(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}${TOKEN_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
}

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger('debug', (line) => lines.push(line)), lines };
}

interface AzureCall {
  url: string;
  method: string | undefined;
  headers: Headers;
  body: string;
}

/** Stands in for Azure Bot Service: records each request and answers as told (tests never reach the internet). */
function fakeAzure(answer: (call: AzureCall) => Response | Promise<Response>): { fetch: typeof fetch; calls: AzureCall[] } {
  const calls: AzureCall[] = [];
  const fake: typeof fetch = async (input, init) => {
    const call: AzureCall = {
      url: input instanceof Request ? input.url : String(input),
      method: init?.method,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    calls.push(call);
    return answer(call);
  };
  return { fetch: fake, calls };
}

const azureToken = (conversationId: string) =>
  Response.json({ conversationId, token: `azure-token-for-${conversationId}`, expires_in: 1800 });

async function waitForActivities(url: string, token: string, conversationId: string): Promise<Array<{ type: string; from?: { role?: string } }>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(`${url}/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: Array<{ type: string; from?: { role?: string } }> };
    if (body.activities.some((activity) => activity.type === 'message' && activity.from?.role === 'bot')) return body.activities;
    if (Date.now() > deadline) throw new Error('waitForActivities(): the bot never welcomed the new conversation');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the token endpoint with the local Direct Line service', () => {
  let app: RunningApp;
  let url: string;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE: '0' });
    url = baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('gives a token that opens a conversation on this server\'s /v3/directline, where the bot welcomes the user', async () => {
    const response = await askForToken(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['conversationId', 'domain', 'expires_in', 'token']);
    expect(body.domain).toBe(`${url}/v3/directline`);
    expect(body.expires_in).toBeGreaterThan(0);

    // The token is for this conversation: starting it with the token must start that one, not a new one.
    const domain = String(body.domain);
    const started = await fetch(`${domain}/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${String(body.token)}` } });
    expect(started.status).toBe(201);
    expect(((await started.json()) as { conversationId: string }).conversationId).toBe(body.conversationId);
    const activities = await waitForActivities(domain, String(body.token), String(body.conversationId));
    expect(activities.length).toBeGreaterThan(0);
  });

  it('gives every caller a new conversation', async () => {
    const [first, second] = await Promise.all([askForToken(url), askForToken(url)]);
    const a = (await first.json()) as { conversationId: string; token: string };
    const b = (await second.json()) as { conversationId: string; token: string };
    expect(a.conversationId).not.toBe(b.conversationId);
    expect(a.token).not.toBe(b.token);
  });

  it('refuses requests that a browser marks as coming from another website', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await askForToken(url, { 'Sec-Fetch-Site': site });
      expect(response.status, site).toBe(403);
      expect(await response.json()).toEqual({ error: { code: 'Forbidden', message: expect.stringContaining('own chat pages') } });
    }
    expect((await askForToken(url, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('names PUBLIC_URL\'s address as the domain when it is set (behind a proxy the Host header may be internal)', async () => {
    const published = await startTestApp({ PUBLIC_URL: 'https://sen-guide.example.gov.uk/', RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE: '0' });
    try {
      const body = (await (await askForToken(baseUrl(published))).json()) as { domain: string };
      expect(body.domain).toBe('https://sen-guide.example.gov.uk/v3/directline');
    } finally {
      await published.close();
    }
  });
});

describe('the token endpoint in production (DIRECTLINE_SECRET, local Direct Line off)', () => {
  const production = { LOCAL_DIRECTLINE: 'false', DIRECTLINE_SECRET: SECRET, RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE: '0' };
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('asks Azure for a token with the secret in the Authorization header only, and returns token, conversationId, expires_in and domain', async () => {
    const azure = fakeAzure(() => azureToken('conv-1'));
    app = await startTestApp(production, { fetch: azure.fetch });

    const response = await askForToken(baseUrl(app));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ token: 'azure-token-for-conv-1', conversationId: 'conv-1', expires_in: 1800, domain: AZURE });
    expect(azure.calls).toHaveLength(1);
    const [call] = azure.calls;
    expect(call?.url).toBe(`${AZURE}/tokens/generate`);
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('authorization')).toBe(`Bearer ${SECRET}`);
    const sent = JSON.parse(call?.body ?? '') as { user?: { id?: string } };
    expect(sent.user?.id).toMatch(/^dl_[0-9a-f]{24}$/);
    expect(call?.body).not.toContain(SECRET);
    expect(call?.url).not.toContain(SECRET);
  });

  it('gives each token its own random user id, so no one can open another person\'s bot state', async () => {
    const azure = fakeAzure((call) => azureToken(`conv-${call.body.length}-${Math.random()}`));
    app = await startTestApp(production, { fetch: azure.fetch });
    await askForToken(baseUrl(app));
    await askForToken(baseUrl(app));
    const ids = azure.calls.map((call) => (JSON.parse(call.body) as { user: { id: string } }).user.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('never puts the secret in any response: token, pages, scripts, widget, errors', async () => {
    const azure = fakeAzure(() => azureToken('conv-2'));
    const { logger, lines } = recordingLogger();
    app = await startTestApp(production, { fetch: azure.fetch, logger });
    const url = baseUrl(app);
    const page = await (await fetch(`${url}/`)).text();
    const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(4);
    const responses = [
      await askForToken(url),
      await fetch(`${url}/`),
      await fetch(`${url}/embed`),
      await fetch(`${url}/embed?widget=1`),
      await fetch(`${url}/widget.js`),
      await fetch(`${url}/widget.css`),
      await fetch(`${url}${TOKEN_PATH}`),
      await fetch(`${url}/healthz`),
      ...(await Promise.all(assets.map((asset) => fetch(`${url}${asset}`)))),
    ];
    for (const response of responses) {
      const text = `${JSON.stringify([...response.headers])}\n${await response.text()}`;
      expect(text, response.url).not.toContain(SECRET);
    }
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('lets the chat page connect to Azure\'s Direct Line (HTTPS and WebSocket) and uses a regional DIRECTLINE_DOMAIN', async () => {
    const regional = 'https://europe.directline.botframework.com/v3/directline';
    const azure = fakeAzure(() => azureToken('conv-3'));
    app = await startTestApp({ ...production, DIRECTLINE_DOMAIN: `${regional}/` }, { fetch: azure.fetch });
    const body = (await (await askForToken(baseUrl(app))).json()) as { domain: string };
    expect(body.domain).toBe(regional);
    expect(azure.calls[0]?.url).toBe(`${regional}/tokens/generate`);
    const policy = (await fetch(`${baseUrl(app)}/`)).headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/connect-src 'self' https:\/\/europe\.directline\.botframework\.com wss:\/\/europe\.directline\.botframework\.com(;|$)/);
  });

  const failures: Array<[string, () => Response | Promise<Response>, RegExp]> = [
    ['Azure refuses the secret', () => new Response('{"error":{"code":"BadArgument"}}', { status: 403 }), /refused DIRECTLINE_SECRET \(HTTP 403\).*Azure portal/],
    ['Azure is down', () => new Response('', { status: 500 }), /answered HTTP 500/],
    ['Azure cannot be reached', () => Promise.reject(new TypeError('fetch failed')), /could not reach .*DIRECTLINE_DOMAIN/],
    ['Azure answers without a token', () => Response.json({ conversationId: 'x' }), /no token, conversationId or expires_in/],
  ];
  for (const [name, answer, logged] of failures) {
    it(`when ${name}, answers 502 with a short JSON reason and logs the cause for the operator`, async () => {
      const { logger, lines } = recordingLogger();
      app = await startTestApp(production, { fetch: fakeAzure(answer).fetch, logger });

      const response = await askForToken(baseUrl(app));

      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({ error: { code: 'Unavailable', message: 'the chat service could not start a conversation; try again shortly' } });
      const failure = lines.map((line) => JSON.parse(line) as { event: string; problem?: string }).find((line) => line.event === 'directline.token_failed');
      expect(failure?.problem).toMatch(logged);
      expect(lines.join('\n')).not.toContain(SECRET);
    });
  }
});

describe('the token endpoint with neither local Direct Line nor DIRECTLINE_SECRET', () => {
  it('answers 503 naming what is missing, logs how to fix it, and serves no chat page or widget', async () => {
    const { logger, lines } = recordingLogger();
    const app = await startTestApp({ LOCAL_DIRECTLINE: 'false' }, { logger });
    try {
      const url = baseUrl(app);
      const response = await askForToken(url);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: { code: 'Unavailable', message: 'web chat is not set up on this server: it needs DIRECTLINE_SECRET' } });
      const logged = lines.map((line) => JSON.parse(line) as { event: string; level: string; problem?: string }).filter((line) => line.event === 'directline.token_unconfigured');
      expect(logged.length).toBeGreaterThanOrEqual(1);
      expect(logged[0]?.level).toBe('error');
      expect(logged[0]?.problem).toMatch(/DIRECTLINE_SECRET is not set\. Set DIRECTLINE_SECRET/);
      for (const path of ['/', '/embed', '/widget.js']) expect((await fetch(`${url}${path}`)).status, path).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('the token endpoint\'s rate limit', () => {
  it('gives one address RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE tokens a minute, then 429 with Retry-After', async () => {
    const app = await startTestApp({ RATE_LIMIT_TOKENS_PER_IP_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await askForToken(baseUrl(app))).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await askForToken(baseUrl(app));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    } finally {
      await app.close();
    }
  });
});
