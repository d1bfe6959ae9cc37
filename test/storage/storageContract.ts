// The behaviour every StateStore must show, registered once per backend so memory, sqlite and blob cannot drift.
import { ConversationState, TestAdapter, TurnContext, UserState, type StoreItems } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ETagConflictError, isETagConflict } from '../../src/storage/eTagConflictError.js';
import { forgetUser } from '../../src/storage/forgetUser.js';
import type { StateStore } from '../../src/storage/stateStore.js';

export interface ContractTarget {
  /** Opens an empty store; called before every test and closed after it. */
  open(): Promise<StateStore>;
  /** A gap long enough for two writes to get different "last written" times (Blob's Last-Modified is to the second). */
  timestampResolutionMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function eTagOf(items: StoreItems, key: string): string {
  const eTag: unknown = items[key]?.eTag;
  expect(typeof eTag).toBe('string');
  return eTag as string;
}

async function expectConflict(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ETagConflictError);
  expect(isETagConflict(error)).toBe(true);
  expect((error as Error).message).toMatch(/^Storage: error writing ".+" due to eTag conflict\.$/);
  return error as Error;
}

function turn(channelId: string, conversationId: string, userId: string): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: userId, name: '' },
    recipient: { id: 'bot', name: '' },
    text: 'hello',
  });
}

/** Saves conversation state (two namespaces) and user state the way the bot does, through botbuilder's BotState. */
async function saveBotState(store: StateStore, context: TurnContext): Promise<void> {
  const conversation = new ConversationState(store);
  const flows = new ConversationState(store, 'flows');
  const user = new UserState(store);
  await conversation.createProperty('DialogState').set(context, { dialogStack: [{ id: 'router', state: {} }] });
  await flows.createProperty('answers').set(context, { childName: 'Siân' });
  await user.createProperty('profile').set(context, { audience: 'parent' });
  await Promise.all([conversation.saveChanges(context), flows.saveChanges(context), user.saveChanges(context)]);
}

async function botStateExists(store: StateStore, context: TurnContext): Promise<boolean[]> {
  const keys = [
    new ConversationState(store).getStorageKey(context),
    new ConversationState(store, 'flows').getStorageKey(context),
    new UserState(store).getStorageKey(context),
  ].map((key) => key ?? '');
  const items = await store.read(keys);
  return keys.map((key) => key in items);
}

export function storageContract(name: string, target: ContractTarget): void {
  describe(`${name} meets the StateStore contract`, () => {
    let store: StateStore;

    beforeEach(async () => {
      store = await target.open();
    });

    afterEach(async () => {
      await store.close();
    });

    it('returns what was written with a new eTag, and omits keys it does not hold', async () => {
      await store.write({ a: { count: 1, list: ['x', { y: true }] }, b: { count: 2 } });
      const items = await store.read(['a', 'missing', 'b']);
      expect(Object.keys(items).sort()).toEqual(['a', 'b']);
      expect(items.a).toEqual({ count: 1, list: ['x', { y: true }], eTag: expect.any(String) });
      expect(items.b).toEqual({ count: 2, eTag: expect.any(String) });
      expect(await store.read(['missing'])).toEqual({});
    });

    it('hands out copies: changing what was read or written does not change the store', async () => {
      const item = { nested: { value: 'original' } };
      await store.write({ k: item });
      expect(item).toEqual({ nested: { value: 'original' } });
      item.nested.value = 'changed after write';
      const first = await store.read(['k']);
      first.k.nested.value = 'changed after read';
      expect((await store.read(['k'])).k.nested.value).toBe('original');
    });

    it('overwrites when the eTag is missing, empty or "*" (last write wins), giving a new eTag each time', async () => {
      await store.write({ k: { v: 1 } });
      const seen = [eTagOf(await store.read(['k']), 'k')];
      for (const [v, eTag] of [[2, undefined], [3, ''], [4, '*']] as const) {
        await store.write({ k: eTag === undefined ? { v } : { v, eTag } });
        const items = await store.read(['k']);
        expect(items.k.v).toBe(v);
        seen.push(eTagOf(items, 'k'));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain('*');
    });

    it('accepts a write carrying the current eTag and rejects one carrying a stale eTag, keeping the newer value', async () => {
      await store.write({ k: { v: 'first' } });
      const stale = eTagOf(await store.read(['k']), 'k');
      await store.write({ k: { v: 'second', eTag: stale } });
      const current = await store.read(['k']);
      expect(current.k.v).toBe('second');

      await expectConflict(store.write({ k: { v: 'lost update', eTag: stale } }));
      expect(await store.read(['k'])).toEqual(current);
    });

    it('does not reveal the key in a conflict message, because on SMS it holds a phone number', async () => {
      const key = 'sms/users/+447700900123/';
      await store.write({ [key]: { v: 1 } });
      const error = await expectConflict(store.write({ [key]: { v: 2, eTag: 'not-the-current-etag' } }));
      expect(error.message).not.toContain('447700900123');
    });

    it('treats a specific eTag for a deleted item as a conflict, so stale state is not brought back', async () => {
      await store.write({ k: { v: 1 } });
      const eTag = eTagOf(await store.read(['k']), 'k');
      await store.delete(['k']);
      await expectConflict(store.write({ k: { v: 2, eTag } }));
      expect(await store.read(['k'])).toEqual({});
    });

    it('lets exactly one of several concurrent writes with the same eTag win', async () => {
      await store.write({ k: { writer: 0 } });
      const eTag = eTagOf(await store.read(['k']), 'k');
      const writers = [1, 2, 3, 4, 5];
      const results = await Promise.allSettled(writers.map((writer) => store.write({ k: { writer, eTag } })));
      const winners = writers.filter((_, index) => results[index]?.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(isETagConflict(result.reason)).toBe(true);
      }
      expect((await store.read(['k'])).k.writer).toBe(winners[0]);
    });

    it('deletes items, and deleting a missing key is not an error', async () => {
      await store.write({ a: { v: 1 }, b: { v: 2 } });
      await store.delete(['a', 'never-written']);
      expect(Object.keys(await store.read(['a', 'b']))).toEqual(['b']);
    });

    it('round-trips non-ASCII text exactly, in values and keys', async () => {
      const key = 'webchat/users/Siân-Ŵyn-👍/';
      const value = {
        text: 'Café crème, naïve façade; Croeso i Gymru: dŵr, tŷ, Ŵ Ŷ; 学校; مدرسة; 👩‍👧 💬 🏳️‍🌈',
        // Precomposed and combining accents must stay distinct: nothing may normalise the text.
        accents: ['\u00e9', 'e\u0301'],
        long: 'Mae ŵyr yn mynd i’r ysgol. '.repeat(2_000),
      };
      await store.write({ [key]: value });
      const items = await store.read([key]);
      expect(items[key]).toEqual({ ...value, eTag: expect.any(String) });
    });

    it('purges items last written before the cutoff and keeps those written after it', async () => {
      await store.write({ stale: { v: 1 }, 'used-again': { v: 1 } });
      await sleep(target.timestampResolutionMs);
      const cutoff = new Date();
      await sleep(target.timestampResolutionMs);
      await store.write({ fresh: { v: 2 }, 'used-again': { v: 2 } });

      expect(await store.purgeUnusedSince(cutoff)).toBe(1);
      expect(Object.keys(await store.read(['stale', 'used-again', 'fresh'])).sort()).toEqual(['fresh', 'used-again']);
      expect(await store.purgeUnusedSince(cutoff)).toBe(0);
    });

    it('forgets one person: their conversation state (every namespace) and user state, nobody else\'s', async () => {
      const them = turn('webchat', 'c1', 'u1');
      const others = [turn('webchat', 'c10', 'u10'), turn('sms', 'c1', 'u1'), turn('webchat', 'c2', 'u2')];
      for (const context of [them, ...others]) await saveBotState(store, context);
      expect(await botStateExists(store, them)).toEqual([true, true, true]);

      expect(await forgetUser(store, 'webchat', 'u1', 'c1')).toBe(3);
      expect(await botStateExists(store, them)).toEqual([false, false, false]);
      for (const context of others) expect(await botStateExists(store, context)).toEqual([true, true, true]);
    });

    it('refuses an empty prefix rather than deleting everything', async () => {
      await store.write({ k: { v: 1 } });
      await expect(store.deleteByPrefix([''])).rejects.toThrow(/empty prefix/);
      await expect(forgetUser(store, 'webchat', '', 'c1')).rejects.toThrow(/userId is empty/);
      expect(Object.keys(await store.read(['k']))).toEqual(['k']);
    });

    it('answers ping while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
