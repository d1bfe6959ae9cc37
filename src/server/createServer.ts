// Builds the restify app: body checks and parsing, short JSON errors, then each part's routes (health, messages, chat page, local Direct Line).
import restify, { type RequestHandler, type Server } from 'restify';
import type { Logger } from '../logging/logger.js';
import { installShortErrorResponses } from './errorResponses.js';
import { MAX_BODY_BYTES, rejectUnreadableBodies } from './requestLimits.js';

export type RouteRegistrar = (server: Server) => void;

export interface ServerOptions {
  /** Where unexpected 5xx responses are logged. */
  logger?: Logger;
  /** Run first on every request, before routing (security headers, per-client limits), so every response has them. */
  pre?: RequestHandler[];
}

export function createServer(registrars: RouteRegistrar[], options: ServerOptions = {}): Server {
  const server = restify.createServer({ name: 'sen-support-guide', handleUncaughtExceptions: false });
  for (const handler of options.pre ?? []) server.pre(handler);
  server.pre(rejectUnreadableBodies(MAX_BODY_BYTES));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }));
  installShortErrorResponses(server, { maxBodyBytes: MAX_BODY_BYTES, logger: options.logger });
  for (const register of registrars) register(server);
  return server;
}

/** Starts listening and resolves with the bound port (0 picks a free one, which tests use). */
export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(address.port);
    });
  });
}
