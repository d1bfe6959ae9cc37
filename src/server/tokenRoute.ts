// POST /api/directline/token: hands the chat page and the widget a Direct Line token, so no secret ever reaches a browser.
import type { Request, Response, Server } from 'restify';
import { hashId, type Logger } from '../logging/logger.js';
import { clientAddress } from './clientAddress.js';
import type { DirectLineTokenSource } from './directLineTokenSource.js';
import { TokenSourceError } from './directLineTokenSource.js';
import { sendError } from './errorResponses.js';
import type { RateLimiter } from './rateLimiter.js';

export const TOKEN_PATH = '/api/directline/token';

export interface TokenRouteOptions {
  /** Undefined when neither LOCAL_DIRECTLINE nor DIRECTLINE_SECRET is set: the route then explains, with 503. */
  source: DirectLineTokenSource | undefined;
  /** Per client address; each token is a new conversation (and, in production, a call to Azure). */
  limiter?: RateLimiter | undefined;
  /** Read the client address and scheme from our reverse proxy's X-Forwarded-* headers (TRUST_PROXY). */
  trustProxy: boolean;
  /** PUBLIC_URL: this server's address, used for the local service's `domain` when set. */
  publicUrl?: string | undefined;
  logger: Logger;
}

const UNCONFIGURED =
  'registerTokenRoute(): no Direct Line token source because LOCAL_DIRECTLINE is off and DIRECTLINE_SECRET is not set. ' +
  'Set DIRECTLINE_SECRET to the secret of your Azure Bot\'s Direct Line channel, or LOCAL_DIRECTLINE=true to test locally.';

export function registerTokenRoute(server: Server, options: TokenRouteOptions): void {
  const { source, limiter, logger } = options;
  // Said at startup and then at most once a minute, so a busy page cannot flood the log with the same line.
  let lastUnconfiguredLog = Number.NEGATIVE_INFINITY;
  const reportUnconfigured = (): void => {
    if (Date.now() - lastUnconfiguredLog < 60_000) return;
    lastUnconfiguredLog = Date.now();
    logger.error('directline.token_unconfigured', { status: 'error_config', problem: UNCONFIGURED });
  };
  if (!source) reportUnconfigured();

  server.post(TOKEN_PATH, async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    // Browsers say where a request came from; only our own pages (the chat page and /embed) need tokens, so another
    // website cannot make its visitors' browsers spend our Direct Line conversations.
    const site = String(req.headers['sec-fetch-site'] ?? 'none');
    if (site !== 'same-origin' && site !== 'none') {
      sendError(res, 403, 'Forbidden', 'tokens are only given to this service\'s own chat pages');
      return;
    }
    if (limiter) {
      const address = clientAddress(req, options.trustProxy);
      const decision = limiter.take(address);
      if (!decision.allowed) {
        if (decision.firstRefusal) logger.warn('directline.token_rate_limited', { status: 'rate_limited_token', client: hashId(address), retryAfterSeconds: decision.retryAfterSeconds });
        sendError(res, 429, 'TooManyRequests', 'too many new chats from this address; wait and try again', { 'Retry-After': String(decision.retryAfterSeconds) });
        return;
      }
    }
    if (!source) {
      reportUnconfigured();
      sendError(res, 503, 'Unavailable', 'web chat is not set up on this server: it needs DIRECTLINE_SECRET');
      return;
    }
    try {
      const issued = await source.issue({ baseUrl: baseUrl(req, options) });
      logger.info('directline.token_issued', { status: 'token_issued', source: source.kind, conversation: hashId(issued.conversationId) });
      res.json(200, { token: issued.token, conversationId: issued.conversationId, expires_in: issued.expires_in, domain: issued.domain });
    } catch (error) {
      const kind = error instanceof TokenSourceError ? error.kind : 'failed';
      const problem = error instanceof TokenSourceError ? error.message : `registerTokenRoute(): the token source threw ${error instanceof Error ? error.name : typeof error}.`;
      logger.error('directline.token_failed', { status: `error_token_${kind}`, source: source.kind, problem });
      sendError(res, 502, 'Unavailable', 'the chat service could not start a conversation; try again shortly');
    }
  });
}

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** This server's address as the browser sees it: PUBLIC_URL, else the Host header (checked, so it cannot inject a path). */
function baseUrl(req: Request, options: TokenRouteOptions): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
  const host = String(req.headers.host ?? '');
  if (!HOST.test(host)) return '';
  const forwarded = options.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',').at(-1)?.trim() : undefined;
  const scheme = forwarded === 'https' || req.isSecure() ? 'https' : 'http';
  return `${scheme}://${host}`;
}
