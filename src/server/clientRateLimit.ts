// Per client address limit on the requests that start work (POSTs to the chat services): over it, 429 with Retry-After.
import type { Next, Request, RequestHandler, Response } from 'restify';
import { hashId, type Logger } from '../logging/logger.js';
import { clientAddress } from './clientAddress.js';
import { sendError } from './errorResponses.js';
import type { RateLimiter } from './rateLimiter.js';

export interface ClientRateLimitOptions {
  limiter: RateLimiter;
  /** Read the address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy: boolean;
  /** Also limit POST /api/messages by address. Off when app credentials are set (see below). */
  limitMessagesRoute: boolean;
  logger?: Logger;
}

/**
 * Which requests count, and why:
 * - POSTs to the local Direct Line (new conversations, tokens, messages): a browser calls these directly.
 * - Not polling (GET): Web Chat polls every second or so, and a poll only reads memory.
 * - Not the connector callbacks under /v3/directline/v3/: that is the adapter in this process delivering replies.
 * - POST /api/messages only while authentication is off, when anyone may call it. With app credentials every
 *   request comes from Azure Bot Service, whose few addresses carry every user, so an address limit would throttle
 *   everyone at once; the per-conversation limit protects the bot there.
 */
export function limitClients(options: ClientRateLimitOptions): RequestHandler {
  return function limitClient(req: Request, res: Response, next: Next): void {
    if (req.method !== 'POST' || !counts(req.getPath(), options.limitMessagesRoute)) return next();
    const address = clientAddress(req, options.trustProxy);
    const decision = options.limiter.take(address);
    if (decision.allowed) return next();
    if (decision.firstRefusal) options.logger?.warn('http.rate_limited', { status: 'rate_limited_http', client: hashId(address), retryAfterSeconds: decision.retryAfterSeconds });
    sendError(res, 429, 'TooManyRequests', 'too many requests from this address; wait and try again', { 'Retry-After': String(decision.retryAfterSeconds) });
    return next(false);
  };
}

function counts(path: string, limitMessagesRoute: boolean): boolean {
  const normalised = path.toLowerCase().replace(/\/+$/, '');
  if (normalised === '/api/messages') return limitMessagesRoute;
  return normalised.startsWith('/v3/directline/') && !normalised.startsWith('/v3/directline/v3/');
}
