// GET /: the chat page, with Bot Framework Web Chat talking to the local Direct Line service. No inline script or style.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'restify';
import { chatPageTheme, chatPageThemeCss } from './chatPageTheme.js';
import { DIRECT_LINE_BASE } from './directline/directLineRoutes.js';
import { StaticAssets } from './staticAssets.js';

export interface ChatPageOptions {
  serviceName: string;
  brandColour: string;
  privacyUrl: string;
  /** Path of the Direct Line service the page talks to, on this origin; the local service unless said otherwise. */
  directLinePath?: string;
  /** Path that hands the page a Direct Line token (POST). */
  tokenPath?: string;
}

/** Every word the page shows, in one place (GOV.UK style: plain, short). */
const PAGE_TEXT = {
  title: (service: string) => `Chat – ${service}`,
  skipLink: 'Skip to the chat',
  notice: 'This is an automated guide, not a person. It cannot give legal advice.',
  privacyLink: 'Privacy notice',
  chatLabel: (service: string) => `Chat with ${service}`,
  loading: 'The chat is starting…',
  startFailed: 'Sorry, the chat could not start. Please reload the page to try again.',
  noScript: 'This chat needs JavaScript. Turn on JavaScript in your browser settings, then reload this page.',
  sendBoxPlaceholder: 'Type your question',
};

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

export function registerChatPage(server: Server, options: ChatPageOptions): void {
  const theme = chatPageTheme(options.brandColour);
  const assets = new StaticAssets()
    .addFile('/assets/webchat.js', 'text/javascript; charset=utf-8', webChatBundlePath())
    .addFile('/assets/chat.js', 'text/javascript; charset=utf-8', path.join(STATIC_DIR, 'chat.js'))
    .addFile('/assets/chat.css', 'text/css; charset=utf-8', path.join(STATIC_DIR, 'chat.css'))
    .add('/assets/theme.css', 'text/css; charset=utf-8', chatPageThemeCss(theme));
  assets.register(server);

  const html = renderChatPage(options, theme.accent, assets);
  server.get('/', async (_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    res.end(html);
  });
}

export function renderChatPage(options: ChatPageOptions, accent: string, assets: StaticAssets): string {
  const service = escapeHtml(options.serviceName);
  const privacyUrl = httpUrlOrUndefined(options.privacyUrl);
  const privacy = privacyUrl ? ` <a href="${escapeHtml(privacyUrl)}">${PAGE_TEXT.privacyLink}</a>` : '';
  const data = {
    'data-direct-line': options.directLinePath ?? DIRECT_LINE_BASE,
    'data-token-url': options.tokenPath ?? `${DIRECT_LINE_BASE}/tokens/generate`,
    'data-accent': accent,
    'data-start-failed': PAGE_TEXT.startFailed,
    'data-placeholder': PAGE_TEXT.sendBoxPlaceholder,
  };
  const dataAttributes = Object.entries(data)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(PAGE_TEXT.title(options.serviceName))}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.url('/assets/chat.css')}">
<link rel="stylesheet" href="${assets.url('/assets/theme.css')}">
<script src="${assets.url('/assets/webchat.js')}" defer></script>
<script src="${assets.url('/assets/chat.js')}" defer></script>
</head>
<body>
<a class="skip-link" href="#webchat">${PAGE_TEXT.skipLink}</a>
<header class="header">
<div class="header__inner"><h1 class="header__title">${service}</h1></div>
</header>
<main class="main" id="main">
<p class="notice">${PAGE_TEXT.notice}${privacy}</p>
<section class="chat" aria-label="${escapeHtml(PAGE_TEXT.chatLabel(options.serviceName))}">
<p class="chat__status" id="chat-status" role="status">${PAGE_TEXT.loading}</p>
<noscript><p class="chat__status">${PAGE_TEXT.noScript}</p></noscript>
<div class="chat__webchat" id="webchat" tabindex="-1" ${dataAttributes}></div>
</section>
</main>
</body>
</html>
`;
}

function webChatBundlePath(): string {
  // The package's exports hide its dist folder from resolve(), so find the package from its main file.
  const main = createRequire(import.meta.url).resolve('botframework-webchat');
  return path.join(path.dirname(main), '..', 'dist', 'webchat.js');
}

/** Only http(s) links reach the page, so a mistyped PRIVACY_URL such as javascript:… can never run. */
function httpUrlOrUndefined(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
