// The widget over HTTP: only /embed may be framed, and only by WIDGET_ALLOWED_ORIGINS; its script and style load cross-origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { ConfigError, parseConfig } from '../../src/config/loadConfig.js';
import { baseUrl, startTestApp } from '../support/startTestApp.js';

function frameAncestors(response: Response): string | undefined {
  const policy = response.headers.get('content-security-policy') ?? '';
  return /(?:^|;\s*)frame-ancestors ([^;]+)/.exec(policy)?.[1]?.trim();
}

const COUNCILS = 'https://localoffer.example.gov.uk, https://*.council.example.gov.uk/';

describe('the widget and its frame', () => {
  let app: RunningApp;
  let url: string;
  beforeAll(async () => {
    app = await startTestApp({ WIDGET_ALLOWED_ORIGINS: COUNCILS, QUICK_EXIT_URL: 'https://www.example.org/weather', SERVICE_NAME: 'Guide </script><b>' });
    url = baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets only the council sites in WIDGET_ALLOWED_ORIGINS frame /embed; the chat page and everything else stay unframeable', async () => {
    const embed = await fetch(`${url}/embed?widget=1`);
    expect(embed.status).toBe(200);
    expect(frameAncestors(embed)).toBe('https://localoffer.example.gov.uk https://*.council.example.gov.uk');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    for (const path of ['/', '/widget.js', '/api/directline/token', '/healthz']) {
      const response = await fetch(`${url}${path}`);
      expect(frameAncestors(response), path).toBe("'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('lets other sites load /widget.js and /widget.css (Cross-Origin-Resource-Policy), and only those', async () => {
    const script = await fetch(`${url}/widget.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    // Councils paste an unversioned address once, so it must be re-checked rather than cached for a year.
    expect(script.headers.get('cache-control')).toBe('no-cache');
    const body = await script.text();
    const stylePath = /"stylePath":"([^"]+)"/.exec(body)?.[1];
    expect(stylePath).toMatch(/^\/widget\.css\?v=/);
    const style = await fetch(`${url}${stylePath}`);
    expect(style.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(style.headers.get('cache-control')).toContain('immutable');
    expect(await style.text()).toContain('--sgw-brand:#1d70b8');
    expect((await fetch(`${url}/`)).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('builds the widget script with its settings as data that cannot break out of the script', async () => {
    const body = await (await fetch(`${url}/widget.js`)).text();
    const settings = /^var WIDGET_CONFIG = (.*);$/m.exec(body)?.[1] ?? '';
    expect(settings).not.toContain('<');
    const parsed = JSON.parse(settings) as { text: { title: string }; quickExitUrl: string; allowedOrigins: string[] };
    expect(parsed.text.title).toBe('Guide </script><b>');
    expect(parsed.quickExitUrl).toBe('https://www.example.org/weather');
    expect(parsed.allowedOrigins).toEqual(['https://localoffer.example.gov.uk', 'https://*.council.example.gov.uk']);
    // One function scope: the council's page gets no globals from us.
    expect(body.startsWith('(function () {')).toBe(true);
    expect(body.trimEnd().endsWith('})();')).toBe(true);
  });

  it('serves /embed as the compact chat page: no big header, the quick exit button unless the widget provides its own', async () => {
    const framed = await (await fetch(`${url}/embed`)).text();
    const inWidget = await (await fetch(`${url}/embed?widget=1`)).text();
    const page = await (await fetch(`${url}/`)).text();
    expect(framed).toContain('data-mode="embed"');
    expect(framed).not.toContain('class="header"');
    expect(framed).toContain('Leave this page quickly');
    expect(inWidget).toContain('data-mode="widget"');
    expect(inWidget).not.toContain('Leave this page quickly');
    expect(page).toContain('data-mode="page"');
    expect(page).toContain('Leave this page quickly');
    for (const html of [framed, inWidget, page]) {
      expect(html).toContain('data-quick-exit-url="https://www.example.org/weather"');
      expect(html).toContain('data-token-url="/api/directline/token"');
      expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/);
    }
  });
});

describe('WIDGET_ALLOWED_ORIGINS and QUICK_EXIT_URL validation', () => {
  const base = { NODE_ENV: 'test', STORAGE: 'memory' };

  it('accepts https origins, wildcard subdomains and local development addresses, and drops a trailing slash', () => {
    const config = parseConfig({ ...base, WIDGET_ALLOWED_ORIGINS: 'https://LocalOffer.example.gov.uk/ , https://*.example.gov.uk,http://localhost:8080' });
    expect(config.WIDGET_ALLOWED_ORIGINS).toEqual(['https://localoffer.example.gov.uk', 'https://*.example.gov.uk', 'http://localhost:8080']);
    expect(parseConfig(base).WIDGET_ALLOWED_ORIGINS).toEqual([]);
    expect(parseConfig(base).QUICK_EXIT_URL).toBe('https://www.bbc.co.uk/weather');
  });

  for (const [name, value] of [
    ['a plain http site', 'http://localoffer.example.gov.uk'],
    ['a page rather than an origin', 'https://localoffer.example.gov.uk/send/chat'],
    ['a bare wildcard', 'https://*'],
    ["'self' or a keyword", "'self'"],
  ] as const) {
    it(`refuses ${name}, naming the variable`, () => {
      expect(() => parseConfig({ ...base, WIDGET_ALLOWED_ORIGINS: value })).toThrow(ConfigError);
      expect(() => parseConfig({ ...base, WIDGET_ALLOWED_ORIGINS: value })).toThrow(/WIDGET_ALLOWED_ORIGINS: got .*expected https origins/);
    });
  }

  it('refuses a QUICK_EXIT_URL that is not a web address', () => {
    expect(() => parseConfig({ ...base, QUICK_EXIT_URL: 'javascript:alert(1)' })).toThrow(/QUICK_EXIT_URL/);
  });
});
