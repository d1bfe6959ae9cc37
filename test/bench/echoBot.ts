// The baseline for the benchmark: a bare echo bot on the same restify + CloudAdapter stack, in its own process.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createServer, listen } from '../../src/server/createServer.js';
import { answerMemoryRequests, type BenchChildMessage } from './childProtocol.js';

/** Replies with the text it got: the least work a bot can do per turn, so the difference is our bot's own cost. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
// The same createServer as the app (body limits, JSON errors), with nothing else: no checks, limits or state.
const server = createServer([
  (s) => {
    s.post('/api/messages', async (req, res) => {
      await adapter.process(req, res, (context) => bot.run(context));
    });
    s.get('/readyz', async (_req, res) => {
      res.json(200, { status: 'ready' });
    });
  },
]);
const port = await listen(server, Number(process.env.PORT ?? 0), '127.0.0.1');
process.send?.({ type: 'ready', port } satisfies BenchChildMessage);
answerMemoryRequests(() => new Promise((resolve) => server.close(() => resolve())));
