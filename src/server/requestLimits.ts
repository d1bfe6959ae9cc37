// Turns away request bodies the server should never read: too big, compressed, or not JSON. Runs before routing.
import type { Next, Request, RequestHandler, Response } from 'restify';
import { sendError } from './errorResponses.js';

/** One activity is a few KB; a long pasted letter is tens. 256 KB leaves room for Teams' card payloads. */
export const MAX_BODY_BYTES = 256 * 1024;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * Why each check is here and not left to restify's bodyParser:
 * - Content-Length over the limit is refused at once, instead of after reading (and discarding) the whole upload.
 * - bodyParser inflates gzip bodies and counts the compressed bytes, so a 256 KB zip bomb becomes hundreds of MB in
 *   memory. No Bot Framework channel or Direct Line client compresses requests, so compressed bodies are refused.
 * - bodyParser streams multipart bodies to temporary files with no size limit at all; every route here takes JSON.
 */
export function rejectUnreadableBodies(maxBodyBytes = MAX_BODY_BYTES): RequestHandler {
  return function rejectUnreadableBody(req: Request, res: Response, next: Next): void {
    if (!BODY_METHODS.has(req.method ?? '')) return next();
    const length = Number(req.headers['content-length'] ?? 0);
    const chunked = /\bchunked\b/i.test(String(req.headers['transfer-encoding'] ?? ''));
    if (!chunked && (!Number.isFinite(length) || length <= 0)) return next();
    if (length > maxBodyBytes) {
      // The client may still be sending; closing stops us reading the rest of it.
      res.setHeader('Connection', 'close');
      sendError(res, 413, 'PayloadTooLarge', `expected a request body of at most ${Math.floor(maxBodyBytes / 1024)} KB`);
      return next(false);
    }
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== '') {
      sendError(res, 415, 'UnsupportedMediaType', 'expected an uncompressed body (no Content-Encoding)');
      return next(false);
    }
    const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_TYPE.test(type)) {
      sendError(res, 415, 'UnsupportedMediaType', 'expected Content-Type: application/json');
      return next(false);
    }
    return next();
  };
}
