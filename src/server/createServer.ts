// Builds the restify app: body parsing, then each part's routes (health, messages, chat page, local Direct Line).
import restify, { type Server } from 'restify';

export type RouteRegistrar = (server: Server) => void;

export function createServer(registrars: RouteRegistrar[]): Server {
  const server = restify.createServer({ name: 'sen-support-guide', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
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
