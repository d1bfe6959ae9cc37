// Security headers on every response: a Content-Security-Policy for the chat page, a locked-down one for everything else.
import type { Next, Request, RequestHandler, Response } from 'restify';

export interface SecurityHeaderOptions {
  /** Origins allowed to show the chat page in a frame (FRAME_ANCESTORS); empty: no one. */
  frameAncestors: readonly string[];
  /** Paths that serve the chat page. */
  pagePaths?: readonly string[];
  /** Extra origins the page may call (an Azure Direct Line service in production). */
  connectSources?: readonly string[];
  /** Paths that serve the compact chat page for the widget's frame (/embed): the page policy, framable only by... */
  embedPaths?: readonly string[];
  /** ...these council sites (WIDGET_ALLOWED_ORIGINS); empty: no one. */
  embedFrameAncestors?: readonly string[];
  /** Paths other sites' pages load (/widget.js, /widget.css): Cross-Origin-Resource-Policy must let them. */
  crossOriginPaths?: readonly string[];
}

/**
 * The chat page's policy, directive by directive:
 * - script-src 'self': the page and Web Chat run from files this server serves; no inline script, no eval.
 * - style-src 'self' 'unsafe-inline': Web Chat styles itself with emotion, which inserts <style> elements at run time.
 *   The alternative is a per-response nonce threaded through Web Chat's styleOptions; inline styles cannot run code.
 * - img-src 'self' data:: the bot sends its timeline pictures and letters as data: URIs (src/render/dataUri.ts).
 * - connect-src 'self': the local Direct Line is on this origin; production adds its Direct Line host.
 * - frame-ancestors: the council sites that may embed the page, or 'none'.
 * Everything else (JSON, scripts, styles) gets default-src 'none', which stops a response being used as a page.
 */
export function chatPagePolicy(options: SecurityHeaderOptions): string {
  const ancestors = options.frameAncestors.length > 0 ? options.frameAncestors.join(' ') : "'none'";
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // The chat needs none of these; denying them means injected content could not ask for them either.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** X-Frame-Options for browsers without frame-ancestors; it cannot list origins, so it is left off when some are allowed. */
function frameOptions(frameAncestors: readonly string[]): string | undefined {
  if (frameAncestors.length === 0) return 'DENY';
  if (frameAncestors.length === 1 && frameAncestors[0] === "'self'") return 'SAMEORIGIN';
  return undefined;
}

/** One restify `pre` handler: headers are set before any route runs, so errors (404, 413, 429) carry them too. */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const pagePaths = new Set(options.pagePaths ?? ['/']);
  const pageHeaders: Record<string, string> = { ...COMMON_HEADERS, 'Content-Security-Policy': chatPagePolicy(options) };
  const pageFrameOptions = frameOptions(options.frameAncestors);
  if (pageFrameOptions) pageHeaders['X-Frame-Options'] = pageFrameOptions;
  const otherHeaders: Record<string, string> = { ...COMMON_HEADERS, 'Content-Security-Policy': API_POLICY, 'X-Frame-Options': 'DENY' };
  const embedPaths = new Set(options.embedPaths ?? []);
  const embedAncestors = options.embedFrameAncestors ?? [];
  const embedHeaders: Record<string, string> = { ...COMMON_HEADERS, 'Content-Security-Policy': chatPagePolicy({ ...options, frameAncestors: embedAncestors }) };
  const embedFrameOptions = frameOptions(embedAncestors);
  if (embedFrameOptions) embedHeaders['X-Frame-Options'] = embedFrameOptions;
  const crossOriginPaths = new Set(options.crossOriginPaths ?? []);
  const crossOriginHeaders: Record<string, string> = { ...otherHeaders, 'Cross-Origin-Resource-Policy': 'cross-origin' };

  return function setSecurityHeaders(req: Request, res: Response, next: Next): void {
    const path = req.getPath();
    const headers = pagePaths.has(path) ? pageHeaders : embedPaths.has(path) ? embedHeaders : crossOriginPaths.has(path) ? crossOriginHeaders : otherHeaders;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return next();
  };
}
