// Conversation state that saves with the eTag it read, so a write that lost a race fails instead of overwriting.
import { ConversationState, calculateChangeHash, type TurnContext } from 'botbuilder';

interface CachedState {
  state: Record<string, unknown> & { eTag?: string };
  hash: string;
}

/**
 * botbuilder's BotState.saveChanges always writes with eTag "*" (last write wins). Two bot instances sharing a
 * store could then silently undo each other's turns. Here the eTag read at the start of the turn goes back with
 * the write, so the store rejects a stale save and the bot can run the turn again on fresh state.
 */
export class OptimisticConversationState extends ConversationState {
  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const stateKey = (this as unknown as { stateKey: symbol }).stateKey;
    const cached = context.turnState.get(stateKey) as CachedState | undefined;
    if (!cached || (!force && cached.hash === calculateChangeHash(cached.state))) return;
    const key = await this.storageKey(context);
    await this.storage.write({ [key]: cached.state });
    // The store gave the item a new eTag; read it back on the next turn rather than guessing it here.
    cached.hash = calculateChangeHash(cached.state);
  }
}
