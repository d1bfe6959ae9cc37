// Who sent a request, for per-client limits: the socket's address, or the one our own reverse proxy reported.
import type { Request } from 'restify';

/**
 * With TRUST_PROXY the address is the LAST X-Forwarded-For entry: the one the proxy in front of us appended. Earlier
 * entries were written by the client and anyone on the way, so taking the first would let a client pick its own key.
 */
export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.join(',') : header;
    const last = value?.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0).at(-1);
    if (last) return normaliseAddress(last);
  }
  return normaliseAddress(req.socket.remoteAddress ?? 'unknown');
}

/** One spelling per address: no IPv4-mapped prefix, no port (Azure App Service adds one), no brackets. */
export function normaliseAddress(address: string): string {
  let value = address.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.startsWith('::ffff:') && value.includes('.')) value = value.slice('::ffff:'.length);
  return value.slice(0, 64);
}
