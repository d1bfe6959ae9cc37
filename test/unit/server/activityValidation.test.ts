import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARACTERS, validateActivity } from '../../../src/server/activityValidation.js';

const FIXTURES = new URL('../../fixtures/activities/', import.meta.url);
const realActivities = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, activity: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Record<string, unknown> }));

const minimal = (): Record<string, unknown> => ({
  type: 'message',
  channelId: 'webchat',
  deliveryMode: 'expectReplies',
  from: { id: 'user-1' },
  recipient: { id: 'bot' },
  conversation: { id: 'conversation-1' },
  text: 'hello',
});

describe('validateActivity', () => {
  it.each(realActivities)('accepts a real activity as its channel sends it: $file', ({ activity }) => {
    const result = validateActivity(activity);
    expect(result.ok ? 'ok' : result.reason).toBe('ok');
  });

  it('keeps fields it does not know about (channels add their own)', () => {
    const result = validateActivity({ ...minimal(), channelData: { tenant: { id: 't' } }, futureField: [1, 2] });
    expect(result.ok && result.activity).toMatchObject({ channelData: { tenant: { id: 't' } }, futureField: [1, 2] });
  });

  it('accepts activity types it has never heard of (the bot ignores them)', () => {
    expect(validateActivity({ ...minimal(), type: 'somethingNew' }).ok).toBe(true);
  });

  it.each([
    ['a JSON array', [minimal()], /JSON object/],
    ['a string', 'hello', /JSON object/],
    ['null', null, /JSON object/],
    ['no type', { ...minimal(), type: undefined }, /^not a Bot Framework activity: type:/],
    ['an empty type', { ...minimal(), type: '' }, /type:/],
    ['text that is not a string', { ...minimal(), text: 42 }, /text:/],
    ['text beyond any sensible message', { ...minimal(), text: 'a'.repeat(MAX_TEXT_CHARACTERS + 1) }, /text:/],
    ['no conversation', { ...minimal(), conversation: undefined }, /conversation:/],
    ['a conversation without an id', { ...minimal(), conversation: {} }, /conversation\.id:/],
    ['from as a string', { ...minimal(), from: 'user-1' }, /from:/],
    ['no recipient', { ...minimal(), recipient: undefined }, /recipient:/],
    ['no channelId', { ...minimal(), channelId: undefined }, /channelId:/],
    ['membersAdded that is not a list', { ...minimal(), type: 'conversationUpdate', membersAdded: { id: 'x' } }, /membersAdded:/],
    ['a timestamp no Date can read', { ...minimal(), timestamp: 'yesterday-ish' }, /timestamp: expected an ISO 8601/],
    ['a mention without the mentioned account', { ...minimal(), entities: [{ type: 'mention', text: '<at>Bot</at>' }] }, /entities\.0\.mentioned/],
    ['a mention with no message text', { ...minimal(), text: undefined, entities: [{ type: 'mention', text: '<at>B</at>', mentioned: { id: 'bot' } }] }, /text: expected text alongside a mention/],
    ['an entity with no type', { ...minimal(), entities: [{ name: 'x' }] }, /entities\.0\.type/],
    ['no serviceUrl and replies not expected back', { ...minimal(), deliveryMode: undefined }, /serviceUrl: expected a serviceUrl/],
    ['a serviceUrl that is not http(s)', { ...minimal(), serviceUrl: 'file:///etc/passwd' }, /serviceUrl:/],
  ])('refuses %s, naming the field', (_name, body, reason) => {
    const result = validateActivity(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('never repeats the value it refused in its reason', () => {
    const result = validateActivity({ ...minimal(), timestamp: '<script>alert(1)</script>' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('<script>');
  });
});
