// "Forget me": deletes everything the bot holds for one person in one conversation, at once.
import type { StateStore } from './stateStore.js';

/**
 * The key prefixes botbuilder uses for one person's state: ConversationState.getStorageKey is
 * `${channelId}/conversations/${conversationId}/${namespace}` (private conversation state nests under it) and
 * UserState.getStorageKey is `${channelId}/users/${userId}/${namespace}`. The trailing "/" covers every namespace
 * without matching a longer id such as "c10" for "c1".
 */
export function stateKeyPrefixes(channelId: string, userId: string, conversationId: string): string[] {
  for (const [name, value] of Object.entries({ channelId, userId, conversationId })) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new RangeError(`forgetUser(): ${name} is empty, so the state to delete cannot be found. Pass the activity's ${name}.`);
    }
  }
  return [`${channelId}/conversations/${conversationId}/`, `${channelId}/users/${userId}/`];
}

/**
 * Deletes the conversation's state and the user's state in one call; resolves to how many items went.
 * Call BotState.delete(context) for both states in the same turn too, or saveChanges() at the end of the turn
 * would write the cached state back.
 */
export async function forgetUser(store: StateStore, channelId: string, userId: string, conversationId: string): Promise<number> {
  return store.deleteByPrefix(stateKeyPrefixes(channelId, userId, conversationId));
}
