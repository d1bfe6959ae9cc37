// Conversation state that saves with the eTag it read, so a write that lost a race fails instead of overwriting.
import { ConversationState, type TurnContext } from 'botbuilder';

interface CachedState {
  state: Record<string, unknown> & { eTag?: string };
  /** What the state looked like when read or last saved; BotState calls it a hash. */
  hash: string;
}

/**
 * botbuilder's BotState.saveChanges always writes with eTag "*" (last write wins). Two bot instances sharing a
 * store could then silently undo each other's turns. Here the eTag read at the start of the turn goes back with
 * the write, so the store rejects a stale save and the bot can run the turn again on fresh state.
 *
 * Change detection compares the state's JSON with its JSON when read: botbuilder hashes a cycle-safe serialisation
 * with SHA-256 three times a turn, which cost more than the rest of state handling together.
 */
export class OptimisticConversationState extends ConversationState {
  override async load(context: TurnContext, force = false): Promise<CachedState['state']> {
    const cached = context.turnState.get(this.cacheKey) as CachedState | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] ?? {}) as CachedState['state'];
    context.turnState.set(this.cacheKey, { state, hash: snapshotOf(state) } satisfies CachedState);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as CachedState | undefined;
    if (!cached) return;
    const snapshot = snapshotOf(cached.state);
    if (!force && cached.hash === snapshot) return;
    const key = await this.storageKey(context);
    await this.storage.write({ [key]: cached.state });
    // The store gave the item a new eTag; read it back on the next turn rather than guessing it here.
    cached.hash = snapshot;
  }

  /** Where BotState keeps this turn's copy (a private symbol in botbuilder, shared with its clear and delete). */
  private get cacheKey(): symbol {
    return (this as unknown as { stateKey: symbol }).stateKey;
  }
}

function snapshotOf(state: CachedState['state']): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}
