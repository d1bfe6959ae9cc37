// The chat page and its assets over HTTP: escaped settings, no inline script, our own Web Chat bundle, cacheable assets.
import { get, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { chatPageTheme, contrastRatio } from '../../src/server/chatPageTheme.js';
import { baseUrl, startTestApp } from '../support/startTestApp.js';

/** A GET that leaves the body as sent (fetch would undo the gzip and hide whether it was there). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const HOSTILE_NAME = `Guide "<script>alert('x')</script>" & Co`;

describe('GET / (the chat page)', () => {
  let app: RunningApp;
  let html: string;

  beforeAll(async () => {
    app = await startTestApp({ SERVICE_NAME: HOSTILE_NAME, BRAND_COLOUR: '#00703c', PRIVACY_URL: 'https://example.org/privacy?a=1&b=2' });
    const page = await fetch(`${baseUrl(app)}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    html = await page.text();
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows the configured service name and privacy link, escaped', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Guide &#34;&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;&#34; &#38; Co');
    expect(html).toContain('href="https://example.org/privacy?a=1&#38;b=2"');
    expect(html).toContain('<html lang="en-GB">');
  });

  it('has no inline script, so a Content-Security-Policy can forbid it', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/assets\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('serves Web Chat from this server, gzipped, cacheable for a year at its versioned URL, and 304 when unchanged', async () => {
    const src = /src="(\/assets\/webchat\.js\?v=[^"]+)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const response = await rawGet(`${baseUrl(app)}${src}`, { 'Accept-Encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(gunzipSync(response.body).toString()).toContain('renderWebChat');

    const etag = String(response.headers.etag);
    const again = await rawGet(`${baseUrl(app)}${src}`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    const plain = await rawGet(`${baseUrl(app)}/assets/webchat.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it('colours the header from BRAND_COLOUR through a stylesheet, not inline style', async () => {
    const href = /href="(\/assets\/theme\.css\?v=[^"]+)"/.exec(html)?.[1];
    const css = await (await fetch(`${baseUrl(app)}${href}`)).text();
    expect(css).toContain('--brand:#00703c');
    expect(html).not.toMatch(/\sstyle=/);
  });
});

describe('chatPageTheme', () => {
  it('puts dark text on a pale brand colour and white on a dark one, each at least 4.5:1', () => {
    for (const brand of ['#ffdd00', '#1d70b8', '#00703c', '#f3f2f1', '#0b0c0c']) {
      const theme = chatPageTheme(brand);
      expect(contrastRatio(theme.brand, theme.onBrand), brand).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.accent, '#ffffff'), brand).toBeGreaterThanOrEqual(4.5);
    }
    expect(chatPageTheme('#ffdd00').onBrand).toBe('#0b0c0c');
    expect(chatPageTheme('#1d70b8')).toEqual({ brand: '#1d70b8', onBrand: '#ffffff', accent: '#1d70b8' });
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('with LOCAL_DIRECTLINE=false', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startTestApp({ LOCAL_DIRECTLINE: 'false' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves neither the Direct Line service nor the chat page', async () => {
    expect((await fetch(`${baseUrl(app)}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${baseUrl(app)}/`)).status).toBe(404);
    expect((await fetch(`${baseUrl(app)}/healthz`)).status).toBe(200);
  });
});
