import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../../src/bot/createAdapter.js';
import { parseConfig } from '../../../src/config/loadConfig.js';
import { createLogger } from '../../../src/logging/logger.js';

describe('the turn error handler', () => {
  it('apologises without details, logs a correlation id and the hashed conversation, and keeps no message text', async () => {
    const lines: string[] = [];
    const adapter = createAdapter({ config: parseConfig({}), logger: createLogger('debug', (line) => lines.push(line)), apologyText: 'Sorry, something went wrong on our side.' });
    const testAdapter = new TestAdapter();
    const context = new TurnContext(testAdapter, {
      type: 'message',
      text: 'my email is private.parent@example.com',
      channelId: 'sms',
      conversation: { id: '+447700900111' },
      from: { id: '+447700900111' },
      recipient: { id: 'bot' },
    } as Activity);
    await adapter.onTurnError(context, new Error('database exploded at /var/lib/secret'));

    const sent = testAdapter.activeQueue[0];
    expect(sent?.text).toBe('Sorry, something went wrong on our side.');
    const correlationId = (sent?.channelData as { correlationId?: string }).correlationId;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent?.text).not.toContain('exploded');

    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'error', event: 'turn.failed', status: 'error_turn', correlationId, channel: 'sms' });
    expect(lines.join('\n')).not.toContain('private.parent@example.com');
    expect(lines.join('\n')).not.toContain('+447700900111');
    expect(entry.conversation).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the turn error log', () => {
  it('names where in the code the error came from, not its message', async () => {
    const lines: string[] = [];
    const adapter = createAdapter({ config: parseConfig({}), logger: createLogger('debug', (line) => lines.push(line)), apologyText: 'Sorry.' });
    const context = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'webchat', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } } as Activity);
    await adapter.onTurnError(context, new Error('Storage: error writing "sms/conversations/+447700900222/" due to eTag conflict.'));
    expect(lines.join('\n')).not.toContain('+447700900222');
    expect(JSON.parse(lines[0] ?? '{}').where).toMatch(/createAdapter\.test\.ts:\d+:\d+$/);
  });
});
