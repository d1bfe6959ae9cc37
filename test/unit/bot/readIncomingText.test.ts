import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { readIncomingText } from '../../../src/bot/readIncomingText.js';

function contextFor(activity: Partial<Activity>): TurnContext {
  return new TurnContext(new TestAdapter(), { type: 'message', recipient: { id: 'bot', name: 'SEN Guide' }, from: { id: 'u', name: 'U' }, ...activity } as Activity);
}

describe('readIncomingText', () => {
  it('removes the bot @mention from Teams messages', () => {
    const context = contextFor({
      channelId: 'msteams',
      text: '<at>SEN Guide</at> what is sen support',
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'SEN Guide' }, text: '<at>SEN Guide</at>' }],
    });
    expect(readIncomingText(context)).toBe('what is sen support');
  });

  it('reads a card button value when there is no text', () => {
    expect(readIncomingText(contextFor({ channelId: 'webchat', value: { value: 'The four stages' } }))).toBe('The four stages');
  });

  it('drops control characters and direction overrides but keeps Welsh letters and emoji', () => {
    expect(readIncomingText(contextFor({ channelId: 'sms', text: '\u202Eevil\u0007 ŵyr 😊 ' }))).toBe('evil ŵyr 😊');
  });
});
