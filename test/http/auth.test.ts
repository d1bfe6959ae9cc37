// Bot Framework authentication on /api/messages with app credentials set, and what production refuses to start without.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/loadConfig.js';
import { baseUrl } from '../support/startTestApp.js';
import { newSigningKey, signToken } from './authTokens.js';
import { message, postActivity } from './httpClient.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APP_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

/** Starts the app from an environment exactly as index.ts would read it (no test defaults), on a free port. */
async function startWith(env: Record<string, string>): Promise<RunningApp> {
  const config = parseConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', CONTENT_DIR: path.join(ROOT, 'content'), ...env });
  return startApp({ ...config, PORT: 0 });
}

describe('with app credentials set', () => {
  let app: RunningApp;
  let url: string;
  // An activity as Azure Bot Service would deliver it: replies go to serviceUrl, not back in the response.
  const activity = { ...message('what is sen support', 'auth-1'), deliveryMode: undefined, serviceUrl: 'https://webchat.botframework.com/' };
  beforeAll(async () => {
    app = await startWith({ NODE_ENV: 'test', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'fake-password-for-tests' });
    url = baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a request with no token 401, with a short JSON reason', async () => {
    const response = await postActivity(url, activity);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'Unauthorized', message: 'expected a valid Bot Framework token in the Authorization header' } });
  });

  it('answers a token that is not a JWT, or another scheme, 401', async () => {
    for (const authorization of ['Bearer nonsense', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(12_000)}.b.c`]) {
      expect((await postActivity(url, activity, { Authorization: authorization })).status).toBe(401);
    }
  });

  it('answers a JWT self-signed with a random key 401 within the key-fetch time limit, whether or not its issuer is Bot Framework', async () => {
    // With Bot Framework's issuer the library fetches Microsoft's signing keys first: here there is no network, so
    // that fails (or, behind a firewall that drops packets, times out after 5 s); either way the answer is 401.
    const forger = newSigningKey();
    for (const claims of [{ aud: APP_ID, serviceurl: activity.serviceUrl }, { aud: APP_ID, serviceurl: activity.serviceUrl, iss: 'https://issuer.example' }]) {
      const started = performance.now();
      const response = await postActivity(url, activity, { Authorization: `Bearer ${signToken(forger, claims)}` });
      expect(response.status).toBe(401);
      expect(performance.now() - started).toBeLessThan(6_000);
    }
  });

  it('still refuses a malformed body with 400 before looking at the token', async () => {
    expect((await postActivity(url, { type: 42 })).status).toBe(400);
  });

  it('keeps the local Direct Line off by default', async () => {
    const response = await fetch(`${url}/v3/directline/conversations`, { method: 'POST' });
    expect(response.status).toBe(404);
  });
});

describe('in production', () => {
  it('keeps the local Direct Line off unless LOCAL_DIRECTLINE=true', async () => {
    const off = await startWith({ NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true' });
    const on = await startWith({ NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true', LOCAL_DIRECTLINE: 'true' });
    try {
      expect((await fetch(`${baseUrl(off)}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${baseUrl(off)}/`)).status).toBe(404);
      expect((await fetch(`${baseUrl(on)}/v3/directline/conversations`, { method: 'POST' })).status).toBe(201);
    } finally {
      await Promise.all([off.close(), on.close()]);
    }
  });

  /** Runs `npx tsx src/index.ts` with only the given variables (and PATH/HOME so npx works); resolves when it exits. */
  function runIndex(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn('npx', ['--no-install', 'tsx', 'src/index.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', STORAGE: 'memory', MicrosoftAppId: '', MicrosoftAppPassword: '', ALLOW_ANONYMOUS: 'false', PORT: '0', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  }

  it('refuses to start without app credentials, naming MicrosoftAppId', async () => {
    const { code, stderr } = await runIndex({ NODE_ENV: 'production', PORT: '3978' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/MicrosoftAppId: .*ALLOW_ANONYMOUS/);
  });

  it('refuses to start with a port that is not a port, naming PORT', async () => {
    const { code, stderr } = await runIndex({ NODE_ENV: 'development', PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT: got "eighty", expected a whole number/);
  });
});
