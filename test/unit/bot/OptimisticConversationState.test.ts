import { TestAdapter, TurnContext, type Activity, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { OptimisticConversationState } from '../../../src/bot/OptimisticConversationState.js';
import { isETagConflict } from '../../../src/storage/eTagConflictError.js';
import { InMemoryStorage } from '../../../src/storage/inMemoryStorage.js';

/** The real in-memory store, counting what is written to it. */
class CountingStorage extends InMemoryStorage {
  writes: StoreItems[] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    return super.write(changes);
  }
}

const turn = (adapter: TestAdapter): TurnContext =>
  new TurnContext(adapter, { type: 'message', channelId: 'test', conversation: { id: 'conv-1' }, from: { id: 'user-1' }, recipient: { id: 'bot' }, text: 'hi' } as Activity);

describe('OptimisticConversationState', () => {
  it('writes only when the state changed during the turn', async () => {
    const storage = new CountingStorage();
    const state = new OptimisticConversationState(storage);
    const progress = state.createProperty<{ step: number }>('progress');
    const adapter = new TestAdapter();

    const first = turn(adapter);
    await progress.set(first, { step: 1 });
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(1);

    const unchanged = turn(adapter);
    await progress.get(unchanged);
    await state.saveChanges(unchanged);
    expect(storage.writes).toHaveLength(1);

    const changed = turn(adapter);
    (await progress.get(changed))!.step = 2;
    await state.saveChanges(changed);
    expect(storage.writes).toHaveLength(2);
    expect(Object.values(storage.writes[1] ?? {})[0]).toMatchObject({ progress: { step: 2 } });
  });

  it('does not write twice when saved twice in one turn, unless forced', async () => {
    const storage = new CountingStorage();
    const state = new OptimisticConversationState(storage);
    const context = turn(new TestAdapter());
    await state.createProperty<number>('count').set(context, 1);
    await state.saveChanges(context);
    await state.saveChanges(context);
    expect(storage.writes).toHaveLength(1);
    await state.saveChanges(context, true);
    expect(storage.writes).toHaveLength(2);
  });

  it('refuses to save over a change another instance saved first', async () => {
    const storage = new CountingStorage();
    const adapter = new TestAdapter();
    const mine = new OptimisticConversationState(storage);
    const theirs = new OptimisticConversationState(storage);
    const seed = turn(adapter);
    await mine.createProperty<number>('count').set(seed, 1);
    await mine.saveChanges(seed);

    const myTurn = turn(adapter);
    const theirTurn = turn(adapter);
    await mine.createProperty<number>('count').get(myTurn);
    await theirs.createProperty<number>('count').set(theirTurn, 5);
    await theirs.saveChanges(theirTurn);
    await mine.createProperty<number>('count').set(myTurn, 2);
    const error = await mine.saveChanges(myTurn).catch((e: unknown) => e);
    expect(isETagConflict(error)).toBe(true);
  });
});
