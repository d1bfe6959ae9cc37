// Hostile and malformed requests against the whole app: size limits, bad JSON, non-activities, odd types, long text.
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { loadMessages } from '../../src/knowledge/messages.js';
import { MAX_BODY_BYTES } from '../../src/server/requestLimits.js';
import { baseUrl, startTestApp } from '../support/startTestApp.js';
import { message, postActivity, rawRequest, readable } from './httpClient.js';

const messages = loadMessages(path.resolve(import.meta.dirname, '../../content/messages.yaml'), { service: 'SEN Support Guide', privacyUrl: '' });

describe('hostile input to /api/messages', () => {
  let app: RunningApp;
  let url: string;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_IP_PER_MINUTE: '0', RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0' });
    url = baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const json = { 'Content-Type': 'application/json' };
  const bigActivity = JSON.stringify(message('x'.repeat(MAX_BODY_BYTES), 'big'));

  it('refuses a body over 256 KB with 413 and a short JSON reason, whether or not it says its length', async () => {
    for (const chunked of [false, true]) {
      const response = await rawRequest(`${url}/api/messages`, { headers: json, body: bigActivity, chunked });
      expect(response.status, chunked ? 'chunked' : 'with Content-Length').toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual({ error: { code: 'PayloadTooLarge', message: 'expected a request body of at most 256 KB' } });
    }
  });

  it('refuses compressed bodies (a small zip bomb would inflate past the limit) and bodies that are not JSON', async () => {
    const gzipped = await rawRequest(`${url}/api/messages`, { headers: { ...json, 'Content-Encoding': 'gzip' }, body: gzipSync(Buffer.alloc(10_000_000, 32)) });
    expect(gzipped.status).toBe(415);
    const multipart = await rawRequest(`${url}/api/messages`, {
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\nAAAA\r\n--x--\r\n',
    });
    expect(multipart.status).toBe(415);
    const plain = await rawRequest(`${url}/api/messages`, { headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(plain.status).toBe(415);
    expect(plain.json()).toMatchObject({ error: { code: 'UnsupportedMediaType' } });
  });

  it('answers invalid JSON with 400 and a reason that does not quote the body', async () => {
    const response = await rawRequest(`${url}/api/messages`, { headers: json, body: '{"type": "message", <script>alert(1)</script>' });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'BadSyntax', message: 'expected a JSON body' } });
    expect(response.text).not.toContain('script');
  });

  it('answers JSON that is not an activity with 400 naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [[1, 2, 3], /JSON object/],
      ['just a string', /JSON object/],
      [{ hello: 'world' }, /type:/],
      [{ ...message('hi', 'c'), conversation: 'c' }, /conversation:/],
      [{ ...message('hi', 'c'), text: { nested: true } }, /text:/],
    ];
    for (const [body, reason] of cases) {
      const response = await postActivity(url, body);
      expect(response.status).toBe(400);
      expect((response.body as { error: { message: string } }).error.message).toMatch(reason);
    }
  });

  it('accepts activity types it does not know and sends nothing back', async () => {
    const response = await postActivity(url, { ...message('', 'unknown-type'), type: 'somethingFromTheFuture' });
    expect(response.status).toBe(200);
    expect(response.activities).toEqual([]);
  });

  it('answers an over-long message kindly, and the conversation carries on', async () => {
    const tooLong = await postActivity(url, message('why '.repeat(600), 'long-one'));
    expect(tooLong.status).toBe(200);
    expect(readable(tooLong.activities)).toContain(messages.get('too-long', 'webchat'));
    const next = await postActivity(url, message('what is sen support', 'long-one'));
    expect(next.status).toBe(200);
    expect(next.activities.some((activity) => activity.channelData?.topicId === 'what-is-sen-support')).toBe(true);
  });

  it('survives control characters, direction overrides, combining floods, emoji, HTML and script without failing the turn', async () => {
    const nasty = [
      '\u0000\u0001\u0007\u001b[31m hello \u007f',
      '\u202eevil\u202c \u2066isolated\u2069 \u200f',
      `a${'\u0301'.repeat(5000)}`,
      '👩‍👩‍👧‍👦🏳️‍🌈 what is sen support 🤷🏽‍♀️',
      '<script>alert(1)</script><img src=x onerror=alert(1)>',
      '[click](javascript:alert(1)) **bold** `code` # heading',
      '\uD800 lone surrogate \uDFFF',
    ];
    for (const [i, text] of nasty.entries()) {
      const response = await postActivity(url, message(text, `nasty-${i}`));
      expect(response.status).toBe(200);
      // The turn error handler marks its apology with a correlation id; none may appear.
      expect(response.activities.filter((activity) => activity.channelData?.correlationId)).toEqual([]);
      for (const activity of response.activities) {
        if (activity.textFormat !== 'plain') expect(activity.text ?? '').not.toMatch(/<[a-z!/?]/i);
      }
    }
  });

  it('answers unknown addresses and methods with a short JSON reason', async () => {
    const missing = await rawRequest(`${url}/no/such/<script>`, { method: 'GET' });
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'NotFound', message: 'nothing is served at this address' } });
    const wrongMethod = await rawRequest(`${url}/api/messages`, { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json()).toMatchObject({ error: { code: 'MethodNotAllowed' } });
  });
});
