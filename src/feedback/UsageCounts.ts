// Anonymous counts: "did this help?" per topic per day, and unanswered messages per day. Never text, never ids.
import type { Storage, StoreItem } from 'botbuilder';
import { isETagConflict } from '../storage/eTagConflictError.js';

export type UnansweredKind = 'out-of-scope' | 'not-understood';

interface Counter extends StoreItem {
  counts: Record<string, number>;
}

const MAX_ATTEMPTS = 5;

export class UsageCounts {
  constructor(private readonly storage: Storage) {}

  recordFeedback(topicId: string, helped: boolean, day: string): Promise<void> {
    return this.increment(`stats/feedback/${day}/${topicId}`, helped ? 'helped' : 'not-helped');
  }

  recordUnanswered(kind: UnansweredKind, day: string): Promise<void> {
    return this.increment(`stats/unanswered/${day}`, kind);
  }

  async feedbackFor(topicId: string, day: string): Promise<Record<string, number>> {
    return this.read(`stats/feedback/${day}/${topicId}`);
  }

  async unansweredOn(day: string): Promise<Record<string, number>> {
    return this.read(`stats/unanswered/${day}`);
  }

  private async read(key: string): Promise<Record<string, number>> {
    const items = await this.storage.read([key]);
    return { ...((items[key] as Counter | undefined)?.counts ?? {}) };
  }

  /** Read, add one, write with the eTag read; another instance counting at the same moment makes us try again. */
  private async increment(key: string, field: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const items = await this.storage.read([key]);
      const current = items[key] as Counter | undefined;
      const counts = { ...(current?.counts ?? {}) };
      counts[field] = (counts[field] ?? 0) + 1;
      try {
        await this.storage.write({ [key]: { counts, eTag: current?.eTag ?? '*' } });
        return;
      } catch (error) {
        if (!isETagConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
