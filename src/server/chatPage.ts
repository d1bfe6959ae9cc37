// GET / (the chat page) and GET /embed (the same chat, compact, for the widget's frame). No inline script or style.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { chatPageTheme, chatPageThemeCss } from './chatPageTheme.js';
import { StaticAssets } from './staticAssets.js';
import { TOKEN_PATH } from './tokenRoute.js';
import { browserScript, STATIC_DIR } from './widget/browserScript.js';
import { EMBED_PATH } from './widget/widgetPaths.js';

export interface ChatPageOptions {
  serviceName: string;
  brandColour: string;
  privacyUrl: string;
  /** QUICK_EXIT_URL: where "Leave this page quickly" goes. */
  quickExitUrl: string;
  /** Path that hands the page a Direct Line token and the endpoint to use it on (POST). */
  tokenPath?: string;
}

/** page: the full page at /. embed: /embed framed by any allowed site. widget: /embed inside our widget's panel. */
export type ChatPageMode = 'page' | 'embed' | 'widget';

/** Every word the page shows, in one place (GOV.UK style: plain, short). */
export const PAGE_TEXT = {
  title: (service: string) => `Chat – ${service}`,
  skipLink: 'Skip to the chat',
  notice: 'This is an automated guide, not a person. It cannot give legal advice.',
  privacyLink: 'Privacy notice',
  chatLabel: (service: string) => `Chat with ${service}`,
  loading: 'The chat is starting…',
  startFailed: 'Sorry, the chat could not start. Please reload the page to try again.',
  noScript: 'This chat needs JavaScript. Turn on JavaScript in your browser settings, then reload this page.',
  sendBoxPlaceholder: 'Type your question',
  quickExit: 'Leave this page quickly',
  quickExitHint: 'Or press the Shift key 3 times.',
};

export function registerChatPage(server: Server, options: ChatPageOptions): void {
  const theme = chatPageTheme(options.brandColour);
  const assets = new StaticAssets()
    .addFile('/assets/webchat.js', 'text/javascript; charset=utf-8', webChatBundlePath())
    .add('/assets/chat.js', 'text/javascript; charset=utf-8', browserScript(['quickExitKeys.js', 'chat.js']))
    .addFile('/assets/chat.css', 'text/css; charset=utf-8', path.join(STATIC_DIR, 'chat.css'))
    .add('/assets/theme.css', 'text/css; charset=utf-8', chatPageThemeCss(theme));
  assets.register(server);

  const pages: Record<ChatPageMode, string> = {
    page: renderChatPage(options, theme.accent, assets, 'page'),
    embed: renderChatPage(options, theme.accent, assets, 'embed'),
    widget: renderChatPage(options, theme.accent, assets, 'widget'),
  };
  const send = (res: Response, html: string): void => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    res.end(html);
  };
  server.get('/', async (_req, res) => send(res, pages.page));
  server.get(EMBED_PATH, async (req: Request, res) => send(res, pages[inWidget(req) ? 'widget' : 'embed']));
}

function inWidget(req: Request): boolean {
  return (req.query as Record<string, unknown> | undefined)?.widget === '1';
}

export function renderChatPage(options: ChatPageOptions, accent: string, assets: StaticAssets, mode: ChatPageMode = 'page'): string {
  const service = escapeHtml(options.serviceName);
  const privacyUrl = httpUrlOrUndefined(options.privacyUrl);
  // In a frame a link would open inside the small panel; a new tab keeps the chat where it is.
  const target = mode === 'page' ? '' : ' target="_blank" rel="noopener"';
  const privacy = privacyUrl ? ` <a href="${escapeHtml(privacyUrl)}"${target}>${PAGE_TEXT.privacyLink}</a>` : '';
  const data = {
    'data-mode': mode,
    'data-token-url': options.tokenPath ?? TOKEN_PATH,
    'data-accent': accent,
    'data-start-failed': PAGE_TEXT.startFailed,
    'data-placeholder': PAGE_TEXT.sendBoxPlaceholder,
    'data-quick-exit-url': httpUrlOrUndefined(options.quickExitUrl) ?? 'https://www.bbc.co.uk/weather',
  };
  const dataAttributes = Object.entries(data)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ');
  const quickExit = `<button type="button" class="quick-exit" id="quick-exit" aria-describedby="quick-exit-hint">${PAGE_TEXT.quickExit}</button>
<span class="visually-hidden" id="quick-exit-hint">${PAGE_TEXT.quickExitHint}</span>`;
  const top =
    mode === 'page'
      ? `<a class="skip-link" href="#webchat">${PAGE_TEXT.skipLink}</a>
<header class="header">
<div class="header__inner"><h1 class="header__title">${service}</h1>
${quickExit}
</div>
</header>`
      : `<h1 class="visually-hidden">${service}</h1>${mode === 'embed' ? `\n<div class="embed-bar">${quickExit}</div>` : ''}`;
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
<body class="mode-${mode}">
${top}
<main class="main" id="main">
<p class="notice">${PAGE_TEXT.notice}${privacy}</p>
<section class="chat" aria-label="${escapeHtml(PAGE_TEXT.chatLabel(options.serviceName))}">
<p class="chat__status" id="chat-status" role="status">${PAGE_TEXT.loading}</p>
<noscript><p class="chat__status">${PAGE_TEXT.noScript}</p></noscript>
<div class="chat__webchat" id="webchat" tabindex="-1" ${dataAttributes}></div>
</section>
<p class="visually-hidden" id="quick-exit-status" role="status"></p>
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
export function httpUrlOrUndefined(url: string): string | undefined {
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
