// /healthz (the process is up) and /readyz (content loaded and storage answering), DESIGN.md contract 2.
import type { Server } from 'restify';
import type { Readiness } from './readiness.js';

export function registerHealthRoutes(server: Server, readiness: Readiness): void {
  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    const failing = await readiness.problems();
    if (failing.length === 0) res.json(200, { status: 'ready' });
    else res.json(503, { status: 'not-ready', failing });
  });
}
