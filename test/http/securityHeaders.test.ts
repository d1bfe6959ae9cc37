// Security headers on the chat page, its assets and the API, and the frame-ancestors setting for council sites.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { baseUrl, startTestApp } from '../support/startTestApp.js';

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.length > 0)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as [string, string];
      }),
  );
}

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

describe('security headers', () => {
  let app: RunningApp;
  let url: string;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_IP_PER_MINUTE: '0' });
    url = baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('gives the chat page a policy that allows only this origin\'s scripts, and no framing', async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(COMMON)) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('permissions-policy')).toMatch(/microphone=\(\)/);
    const policy = directives(response.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    // The policy only means something if the page has no inline script for an attacker's to hide among.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, body] of scripts) {
      expect(tag).toMatch(/\ssrc="\/assets\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('locks down every other response (assets, API, errors) so none can be used as a page', async () => {
    const page = await (await fetch(`${url}/`)).text();
    const asset = /src="(\/assets\/chat\.js\?v=[^"]+)"/.exec(page)?.[1];
    expect(asset).toBeDefined();
    for (const [path, status] of [[asset ?? '', 200], ['/healthz', 200], ['/no-such-page', 404]] as const) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(status);
      for (const [name, value] of Object.entries(COMMON)) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      const policy = directives(response.headers.get('content-security-policy'));
      expect(policy.get('default-src'), path).toBe("'none'");
      expect(policy.get('frame-ancestors'), path).toBe("'none'");
    }
    const rejected = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(rejected.status).toBe(415);
    expect(rejected.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets the council sites named in FRAME_ANCESTORS embed the chat page, and only the chat page', async () => {
    const embeddable = await startTestApp({ FRAME_ANCESTORS: 'https://www.council.example.gov.uk, https://*.council.example.gov.uk', RATE_LIMIT_PER_IP_PER_MINUTE: '0' });
    try {
      const page = await fetch(`${baseUrl(embeddable)}/`);
      expect(directives(page.headers.get('content-security-policy')).get('frame-ancestors')).toBe('https://www.council.example.gov.uk https://*.council.example.gov.uk');
      // X-Frame-Options cannot name sites; sent alongside, it would block the embedding in older browsers.
      expect(page.headers.get('x-frame-options')).toBeNull();
      const api = await fetch(`${baseUrl(embeddable)}/healthz`);
      expect(directives(api.headers.get('content-security-policy')).get('frame-ancestors')).toBe("'none'");
    } finally {
      await embeddable.close();
    }
  });
});
