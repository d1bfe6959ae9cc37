// Every error this server answers is a short JSON reason, `{ error: { code, message } }`, that never echoes the request.
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logging/logger.js';

export type ErrorCode =
  | 'BadArgument'
  | 'BadSyntax'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'ServerError'
  | 'Unavailable';

/** The same body shape as Direct Line's errors, so one client-side reader handles both services. */
export function sendError(res: Response, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.json(status, { error: { code, message } });
}

/** What restify's own errors (routing, body parsing) become; their messages can quote the request, so none is kept. */
function describe(status: number, errorName: string, maxBodyBytes: number): { code: ErrorCode; message: string } {
  if (status === 400) return errorName === 'InvalidContentError' ? { code: 'BadSyntax', message: 'expected a JSON body' } : { code: 'BadArgument', message: 'expected a well-formed request' };
  if (status === 404) return { code: 'NotFound', message: 'nothing is served at this address' };
  if (status === 405) return { code: 'MethodNotAllowed', message: 'this address does not take that method' };
  if (status === 413) return { code: 'PayloadTooLarge', message: `expected a request body of at most ${Math.floor(maxBodyBytes / 1024)} KB` };
  if (status === 415) return { code: 'UnsupportedMediaType', message: 'expected an uncompressed JSON body' };
  if (status >= 500) return { code: 'ServerError', message: 'something went wrong on our side' };
  return { code: 'BadArgument', message: 'the request was not accepted' };
}

/**
 * Rewrites restify's error responses. A 5xx is logged with the route and the error's name only (never its message,
 * which may hold user text), because it is a bug to fix rather than a client's mistake.
 */
export function installShortErrorResponses(server: Server, { maxBodyBytes, logger }: { maxBodyBytes: number; logger?: Logger | undefined }): void {
  server.on('restifyError', (req: Request, res: Response, err: unknown, callback: () => void) => {
    const status = typeof (err as { statusCode?: unknown })?.statusCode === 'number' ? (err as { statusCode: number }).statusCode : 500;
    const name = err instanceof Error ? err.name : typeof err;
    const { code, message } = describe(status, name, maxBodyBytes);
    if (status >= 500) logger?.error('http.failed', { status: 'error_http', route: req.getRoute?.()?.path?.toString() ?? 'unknown', method: req.method, error: name });
    sendError(res, status, code, message);
    callback();
  });
}
