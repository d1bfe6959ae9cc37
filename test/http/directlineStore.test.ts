// The local Direct Line's memory and tokens on their own: watermarks, idle expiry, size caps, token binding.
import { describe, expect, it } from 'vitest';
import { ConversationStore, type NewActivity } from '../../src/server/directline/ConversationStore.js';
import { DirectLineTokens } from '../../src/server/directline/DirectLineTokens.js';

const user = { id: 'dl_user', role: 'user' };
const message = (text: string): NewActivity => ({ type: 'message', channelId: 'webchat', from: user, text });

function clock(start = 1_800_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ConversationStore', () => {
  it('gives each activity the next watermark and an id of the form conversationId|0000001', () => {
    const store = new ConversationStore();
    const conversation = store.create(user);
    const first = store.append(conversation, message('one'));
    const second = store.append(conversation, message('two'));
    expect([first.id, second.id]).toEqual([`${conversation.id}|0000001`, `${conversation.id}|0000002`]);
    expect(first.conversation).toEqual({ id: conversation.id });
    expect(store.activitiesAfter(conversation, 0)).toEqual({ activities: [first, second], watermark: '2' });
    expect(store.activitiesAfter(conversation, 1)).toEqual({ activities: [second], watermark: '2' });
    expect(store.activitiesAfter(conversation, 2)).toEqual({ activities: [], watermark: '2' });
  });

  it('stamps activities with the server’s time, whatever the sender said', () => {
    const time = clock();
    const store = new ConversationStore({ now: time.now });
    const conversation = store.create(user);
    const kept = store.append(conversation, { ...message('hi'), timestamp: '1999-01-01T00:00:00.000Z' });
    expect(kept.timestamp).toBe(new Date(time.now()).toISOString());
  });

  it('keeps at most maxActivitiesPerConversation, dropping the oldest, while watermarks keep counting', () => {
    const store = new ConversationStore({ maxActivitiesPerConversation: 3 });
    const conversation = store.create(user);
    for (const text of ['1', '2', '3', '4', '5']) store.append(conversation, message(text));
    const { activities, watermark } = store.activitiesAfter(conversation, 0);
    expect(activities.map((activity) => activity.text)).toEqual(['3', '4', '5']);
    expect(watermark).toBe('5');
    expect(store.activitiesAfter(conversation, 4).activities.map((activity) => activity.text)).toEqual(['5']);
  });

  it('keeps at most maxBytesPerConversation, dropping the oldest, but always the newest', () => {
    const store = new ConversationStore({ maxBytesPerConversation: 1000 });
    const conversation = store.create(user);
    for (const text of ['a', 'b', 'c', 'd', 'e']) store.append(conversation, message(text.repeat(300)));
    const kept = store.activitiesAfter(conversation, 0).activities;
    expect(kept.length).toBeLessThan(5);
    expect(kept.at(-1)?.text).toBe('e'.repeat(300));
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(1000 + 2 + kept.length);
    store.append(conversation, message('x'.repeat(5000)));
    expect(store.activitiesAfter(conversation, 0).activities.map((activity) => activity.text)).toEqual(['x'.repeat(5000)]);
  });

  it('forgets a conversation idle for longer than idleMs, and any use postpones that', () => {
    const time = clock();
    const store = new ConversationStore({ idleMs: 1000, now: time.now });
    const kept = store.create(user);
    const dropped = store.create(user);
    time.advance(800);
    store.touch(kept);
    time.advance(800);
    expect(store.get(kept.id)).toBe(kept);
    expect(store.get(dropped.id)).toBeUndefined();
  });

  it('sweeps expired conversations out of memory even when nobody asks for them', () => {
    const time = clock();
    const store = new ConversationStore({ idleMs: 1000, now: time.now });
    store.create(user);
    store.create(user);
    time.advance(1001);
    store.sweep();
    expect(store.size).toBe(0);
  });

  it('makes room for a new conversation by forgetting the least recently active one', () => {
    const store = new ConversationStore({ maxConversations: 2 });
    const a = store.create(user);
    const b = store.create(user);
    store.append(a, message('a is still talking'));
    const c = store.create(user);
    expect(store.size).toBe(2);
    expect(store.get(a.id)).toBe(a);
    expect(store.get(b.id)).toBeUndefined();
    expect(store.get(c.id)).toBe(c);
  });

  it('replaces and removes a kept activity by id (the bot’s updateActivity and deleteActivity)', () => {
    const store = new ConversationStore();
    const conversation = store.create(user);
    const draft = store.append(conversation, message('draft'));
    expect(store.replaceActivity(conversation, draft.id, message('final'))).toMatchObject({ id: draft.id, text: 'final', timestamp: draft.timestamp });
    expect(store.replaceActivity(conversation, 'nope', message('x'))).toBeUndefined();
    expect(store.removeActivity(conversation, draft.id)).toBe(true);
    expect(store.removeActivity(conversation, draft.id)).toBe(false);
    expect(store.activitiesAfter(conversation, 0).activities).toEqual([]);
  });
});

describe('DirectLineTokens', () => {
  it('binds a token to its conversation and user, and puts the user where Web Chat reads it', () => {
    const tokens = new DirectLineTokens();
    const { token, expiresIn } = tokens.issue('conv-1', 'dl_abc');
    expect(expiresIn).toBe(3600);
    const check = tokens.check(token);
    expect(check).toMatchObject({ ok: true, claims: { conversationId: 'conv-1', userId: 'dl_abc' } });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { user?: string };
    expect(payload.user).toBe('dl_abc');
  });

  it('never issues the same token twice', () => {
    const tokens = new DirectLineTokens();
    expect(tokens.issue('conv-1', 'dl_abc').token).not.toBe(tokens.issue('conv-1', 'dl_abc').token);
  });

  it('rejects a token with a changed payload, one signed by another process, and an expired one', () => {
    const time = clock();
    const tokens = new DirectLineTokens(60, time.now);
    const { token } = tokens.issue('conv-1', 'dl_abc');
    const [header, , signature] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ conv: 'conv-2', user: 'dl_abc', exp: 9_999_999_999 })).toString('base64url');
    expect(tokens.check(`${header}.${otherPayload}.${signature}`)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(new DirectLineTokens(60, time.now).check(token)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(tokens.check('not-a-token')).toEqual({ ok: false, reason: 'malformed' });
    time.advance(60_000);
    expect(tokens.check(token)).toEqual({ ok: false, reason: 'expired' });
  });
});
