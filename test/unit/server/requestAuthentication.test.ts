import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFrameworkRequestAuthenticator, createRequestAuthenticator } from '../../../src/server/requestAuthentication.js';
import { newSigningKey, signToken, startBlackHole, startMetadataService, type MetadataService } from '../../http/authTokens.js';

const APP_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const SERVICE_URL = 'https://webchat.botframework.com/';
const CONFIG = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' as const, MicrosoftAppTenantId: undefined };
const activity = { type: 'message', channelId: 'webchat', serviceUrl: SERVICE_URL, from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' }, text: 'hi' } as unknown as Activity;

describe('BotFrameworkRequestAuthenticator', () => {
  const trusted = newSigningKey('trusted-key', ['webchat']);
  let metadata: MetadataService;
  beforeAll(async () => {
    metadata = await startMetadataService([trusted]);
  });
  afterAll(async () => {
    await metadata.close();
  });

  it('accepts a token signed with a key the metadata lists (so the refusals below are not refusing everything)', async () => {
    const authenticator = createRequestAuthenticator(CONFIG, { metadataUrls: { channel: metadata.url } });
    const token = signToken(trusted, { aud: APP_ID, serviceurl: SERVICE_URL });
    expect(await authenticator.check(activity, `Bearer ${token}`)).toEqual({ ok: true });
  });

  it('refuses a missing or non-JWT header without asking for any keys', async () => {
    const before = metadata.requests();
    const authenticator = createRequestAuthenticator(CONFIG, { metadataUrls: { channel: metadata.url } });
    expect(await authenticator.check(activity, undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(await authenticator.check(activity, '  ')).toEqual({ ok: false, reason: 'missing' });
    expect(await authenticator.check(activity, 'Basic dXNlcjpwYXNz')).toEqual({ ok: false, reason: 'malformed' });
    expect(await authenticator.check(activity, 'Bearer not-a-jwt')).toEqual({ ok: false, reason: 'malformed' });
    expect(metadata.requests()).toBe(before);
  });

  it('refuses forged tokens: a random key under a listed key id, the wrong audience, the wrong serviceUrl, an expired token', async () => {
    const authenticator = createRequestAuthenticator(CONFIG, { metadataUrls: { channel: metadata.url } });
    const forger = newSigningKey('trusted-key');
    const cases = [
      signToken(forger, { aud: APP_ID, serviceurl: SERVICE_URL }),
      signToken(trusted, { aud: 'some-other-bot', serviceurl: SERVICE_URL }),
      signToken(trusted, { aud: APP_ID, serviceurl: 'https://attacker.example/' }),
      signToken(trusted, { aud: APP_ID, serviceurl: SERVICE_URL, exp: Math.floor(Date.now() / 1000) - 3600 }),
      signToken(forger, { aud: APP_ID, serviceurl: SERVICE_URL, iss: 'https://issuer.example' }),
    ];
    for (const token of cases) expect(await authenticator.check(activity, `Bearer ${token}`)).toEqual({ ok: false, reason: 'rejected' });
  });

  it('gives up on metadata that never answers after its timeout, then refuses at once while cooling down', async () => {
    const hole = await startBlackHole();
    try {
      const authenticator = createRequestAuthenticator(CONFIG, { metadataUrls: { channel: hole.url }, timeoutMs: 300, cooldownMs: 60_000 });
      const token = `Bearer ${signToken(newSigningKey(), { aud: APP_ID, serviceurl: SERVICE_URL })}`;
      let started = performance.now();
      expect(await authenticator.check(activity, token)).toEqual({ ok: false, reason: 'unverifiable' });
      const first = performance.now() - started;
      expect(first).toBeGreaterThanOrEqual(250);
      expect(first).toBeLessThan(2_000);
      expect(hole.connections()).toBe(1);
      started = performance.now();
      expect(await authenticator.check(activity, token)).toEqual({ ok: false, reason: 'unverifiable' });
      expect(performance.now() - started).toBeLessThan(50);
      expect(hole.connections()).toBe(1);
    } finally {
      await hole.close();
    }
  });

  it('treats a failure to fetch the keys as "could not verify", not as an accepted token', async () => {
    const authenticator = new BotFrameworkRequestAuthenticator({
      authenticateRequest: () => Promise.reject(Object.assign(new Error('request to https://login.botframework.com failed'), { name: 'FetchError' })),
    });
    expect(await authenticator.check(activity, 'Bearer a.b.c')).toEqual({ ok: false, reason: 'unverifiable' });
  });
});
