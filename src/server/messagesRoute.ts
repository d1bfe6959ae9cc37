// POST /api/messages: checks the activity and its token, hands it to the adapter, and counts turns in flight for graceful shutdown.
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from '../logging/logger.js';
import { validateActivity } from './activityValidation.js';
import { sendError } from './errorResponses.js';
import type { Readiness } from './readiness.js';
import type { RequestAuthenticator } from './requestAuthentication.js';

export type TurnHandler = (context: TurnContext) => Promise<void>;

export interface MessagesRouteOptions {
  /** Set when app credentials are: every request must then carry a valid Bot Framework token. */
  authenticator?: RequestAuthenticator;
  logger?: Logger;
}

export function registerMessagesRoute(server: Server, adapter: CloudAdapter, onTurn: TurnHandler, readiness: Readiness, options: MessagesRouteOptions = {}): void {
  server.post('/api/messages', async (req, res) => {
    // Checked before the adapter, which answers a malformed body with a 500 or a failed turn instead of a 400.
    const checked = validateActivity(req.body);
    if (!checked.ok) {
      sendError(res, 400, 'BadArgument', checked.reason);
      return;
    }
    if (options.authenticator) {
      const outcome = await options.authenticator.check(checked.activity as unknown as Activity, req.headers.authorization);
      if (!outcome.ok) {
        options.logger?.info('http.unauthorised', { status: 'rejected_auth', reason: outcome.reason, channel: checked.activity.channelId });
        sendError(res, 401, 'Unauthorized', 'expected a valid Bot Framework token in the Authorization header');
        return;
      }
    }
    readiness.turnStarted();
    try {
      await adapter.process(req, res, onTurn);
    } finally {
      readiness.turnEnded();
    }
  });
}
