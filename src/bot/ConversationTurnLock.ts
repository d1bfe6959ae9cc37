// Middleware that runs one conversation's turns one after another, so two quick messages never race for its state.
import type { Middleware, TurnContext } from 'botbuilder';

export class ConversationTurnLock implements Middleware {
  private readonly tails = new Map<string, Promise<void>>();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      await next();
    } finally {
      release();
      // The map only holds conversations with a turn queued, so it cannot grow without bound.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Conversations with a turn running or waiting (for tests and metrics). */
  get busyConversations(): number {
    return this.tails.size;
  }
}
