// POST /api/messages: hands Bot Framework activities to the adapter and counts turns in flight for graceful shutdown.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Readiness } from './readiness.js';

export type TurnHandler = (context: TurnContext) => Promise<void>;

export function registerMessagesRoute(server: Server, adapter: CloudAdapter, onTurn: TurnHandler, readiness: Readiness): void {
  server.post('/api/messages', async (req, res) => {
    readiness.turnStarted();
    try {
      await adapter.process(req, res, onTurn);
    } finally {
      readiness.turnEnded();
    }
  });
}
