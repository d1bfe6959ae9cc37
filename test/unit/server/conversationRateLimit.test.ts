import { ActivityHandler, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging/logger.js';
import { ConversationRateLimit } from '../../../src/server/conversationRateLimit.js';
import { RateLimiter } from '../../../src/server/rateLimiter.js';

const NOTICE = "You're sending messages very quickly.";

function setUp(limit: number) {
  let time = 0;
  const lines: string[] = [];
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(`answer to ${context.activity.text}`);
    await next();
  });
  const middleware = new ConversationRateLimit({
    limiter: new RateLimiter({ limit, windowMs: 60_000, now: () => time }),
    notice: (context) => `${NOTICE} (${context.activity.channelId})`,
    logger: createLogger('info', (line) => lines.push(line)),
  });
  const adapter = new TestAdapter((context) => bot.run(context)).use(middleware);
  const send = async (text: string, conversation = 'c1', type = 'message'): Promise<string[]> => {
    const activity: Partial<Activity> = { type, text, channelId: 'sms', conversation: { id: conversation, isGroup: false, conversationType: '', name: '' }, from: { id: 'u', name: 'Parent' }, recipient: { id: 'b', name: 'Guide' } };
    await adapter.processActivity(activity);
    const out: string[] = [];
    for (let reply = adapter.activeQueue.shift(); reply; reply = adapter.activeQueue.shift()) out.push(reply.text ?? '');
    return out;
  };
  return { send, advance: (ms: number) => (time += ms), lines };
}

describe('ConversationRateLimit', () => {
  it('answers normally up to the limit, then says "slow down" once, then drops until the window eases', async () => {
    const { send, advance, lines } = setUp(3);
    expect(await send('1')).toEqual(['answer to 1']);
    expect(await send('2')).toEqual(['answer to 2']);
    expect(await send('3')).toEqual(['answer to 3']);
    expect(await send('4')).toEqual([`${NOTICE} (sms)`]);
    expect(await send('5')).toEqual([]);
    expect(await send('6')).toEqual([]);
    // Another conversation is not affected.
    expect(await send('hi', 'c2')).toEqual(['answer to hi']);
    // 3 a minute: one message is allowed again 20 seconds later, and the conversation carries on.
    advance(20_000);
    expect(await send('7')).toEqual(['answer to 7']);
    expect(lines.map((line) => (JSON.parse(line) as { status: string }).status)).toEqual(['rate_limited_notified', 'rate_limited_dropped', 'rate_limited_dropped']);
    expect(lines.join('\n')).not.toMatch(/"c1"/);
  });

  it('never counts what the channel sends on its own (conversationUpdate, typing)', async () => {
    const { send } = setUp(1);
    await send('', 'c1', 'typing');
    await send('', 'c1', 'conversationUpdate');
    expect(await send('question')).toEqual(['answer to question']);
  });
});
