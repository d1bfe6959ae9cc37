// Keeps local Direct Line conversations in memory: their activities, watermarks, idle expiry and size caps.
import { randomBytes } from 'node:crypto';

export interface ChannelAccountJson {
  id: string;
  name?: string;
  role?: string;
}

/** An activity as a caller hands it in; the store fills in id, timestamp and conversation. JSON: timestamps are strings. */
export interface NewActivity {
  type: string;
  channelId: string;
  from: ChannelAccountJson;
  [field: string]: unknown;
}

/** An activity as it travels over Direct Line. */
export interface DirectLineActivity extends NewActivity {
  id: string;
  timestamp: string;
  conversation: { id: string };
}

export interface Conversation {
  readonly id: string;
  readonly user: ChannelAccountJson;
  readonly locale: string | undefined;
  /** True once the bot has been told the conversation started (conversationUpdate). */
  started: boolean;
  lastActiveAt: number;
  /** The watermark of the newest activity; 0 before the first. */
  watermark: number;
  /** Oldest first; each entry keeps the watermark it was given and its size as JSON. */
  readonly activities: Array<{ seq: number; activity: DirectLineActivity; bytes: number }>;
  /** The JSON size of all kept activities. */
  bytes: number;
}

export interface ConversationStoreOptions {
  /** A conversation nobody has touched for this long is forgotten. */
  idleMs?: number;
  /** The most conversations kept at once; the least recently active one makes room for a new one. */
  maxConversations?: number;
  /** The most activities kept per conversation; the oldest are dropped first. */
  maxActivitiesPerConversation?: number;
  /** The most JSON bytes kept per conversation; the oldest activities are dropped first (the newest always stays). */
  maxBytesPerConversation?: number;
  now?: () => number;
}

export interface ActivitySet {
  activities: DirectLineActivity[];
  /** Direct Line sends watermarks as strings. */
  watermark: string;
}

export class ConversationStore {
  readonly idleMs: number;
  readonly maxConversations: number;
  readonly maxActivitiesPerConversation: number;
  readonly maxBytesPerConversation: number;
  private readonly now: () => number;
  // A Map keeps insertion order; touching a conversation re-inserts it, so the first entry is the least recently active.
  private readonly conversations = new Map<string, Conversation>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(options: ConversationStoreOptions = {}) {
    this.idleMs = options.idleMs ?? 60 * 60 * 1000;
    // Worst case about maxConversations x maxBytesPerConversation = 128 MiB; a real chat uses a few kilobytes.
    this.maxConversations = options.maxConversations ?? 500;
    this.maxActivitiesPerConversation = options.maxActivitiesPerConversation ?? 500;
    this.maxBytesPerConversation = options.maxBytesPerConversation ?? 256 * 1024;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.conversations.size;
  }

  create(user: ChannelAccountJson, locale?: string): Conversation {
    this.sweep();
    while (this.conversations.size >= this.maxConversations) {
      const oldest = this.conversations.keys().next();
      if (oldest.done) break;
      this.conversations.delete(oldest.value);
    }
    const conversation: Conversation = {
      id: randomBytes(16).toString('base64url'),
      user,
      locale,
      started: false,
      lastActiveAt: this.now(),
      watermark: 0,
      activities: [],
      bytes: 0,
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation, or undefined when it never existed or has expired. Does not count as activity. */
  get(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    if (this.isExpired(conversation)) {
      this.conversations.delete(conversationId);
      return undefined;
    }
    return conversation;
  }

  /** Marks the conversation as in use, which postpones its expiry. */
  touch(conversation: Conversation): void {
    conversation.lastActiveAt = this.now();
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Adds an activity, giving it the next watermark, an id `${conversationId}|${seq}` and the server's timestamp. */
  append(conversation: Conversation, activity: NewActivity): DirectLineActivity {
    const seq = conversation.watermark + 1;
    const stored: DirectLineActivity = {
      ...activity,
      id: `${conversation.id}|${String(seq).padStart(7, '0')}`,
      timestamp: new Date(this.now()).toISOString(),
      conversation: { id: conversation.id },
    };
    conversation.watermark = seq;
    const bytes = jsonBytes(stored);
    conversation.activities.push({ seq, activity: stored, bytes });
    conversation.bytes += bytes;
    while (
      conversation.activities.length > 1 &&
      (conversation.activities.length > this.maxActivitiesPerConversation || conversation.bytes > this.maxBytesPerConversation)
    ) {
      conversation.bytes -= conversation.activities.shift()?.bytes ?? 0;
    }
    this.touch(conversation);
    return stored;
  }

  /** Activities newer than the watermark, oldest first, with the watermark to ask from next time. */
  activitiesAfter(conversation: Conversation, watermark: number): ActivitySet {
    return {
      activities: conversation.activities.filter((entry) => entry.seq > watermark).map((entry) => entry.activity),
      watermark: String(conversation.watermark),
    };
  }

  findActivity(conversation: Conversation, activityId: string): DirectLineActivity | undefined {
    return conversation.activities.find((entry) => entry.activity.id === activityId)?.activity;
  }

  /** Replaces a kept activity in place (the bot's updateActivity). Readers past its watermark do not see it again. */
  replaceActivity(conversation: Conversation, activityId: string, activity: NewActivity): DirectLineActivity | undefined {
    const entry = conversation.activities.find((candidate) => candidate.activity.id === activityId);
    if (!entry) return undefined;
    entry.activity = { ...activity, id: activityId, timestamp: entry.activity.timestamp, conversation: { id: conversation.id } };
    const bytes = jsonBytes(entry.activity);
    conversation.bytes += bytes - entry.bytes;
    entry.bytes = bytes;
    this.touch(conversation);
    return entry.activity;
  }

  removeActivity(conversation: Conversation, activityId: string): boolean {
    const index = conversation.activities.findIndex((entry) => entry.activity.id === activityId);
    if (index === -1) return false;
    const [removed] = conversation.activities.splice(index, 1);
    conversation.bytes -= removed?.bytes ?? 0;
    return true;
  }

  /** Forgets every conversation idle for longer than idleMs. */
  sweep(): void {
    for (const [id, conversation] of this.conversations) {
      if (this.isExpired(conversation)) this.conversations.delete(id);
    }
  }

  /** Sweeps now and then in the background; the timer never keeps the process alive. */
  startSweeping(intervalMs = 60_000): void {
    this.stopSweeping();
    this.sweeper = setInterval(() => this.sweep(), intervalMs);
    this.sweeper.unref();
  }

  stopSweeping(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private isExpired(conversation: Conversation): boolean {
    return this.now() - conversation.lastActiveAt > this.idleMs;
  }
}

function jsonBytes(activity: DirectLineActivity): number {
  return Buffer.byteLength(JSON.stringify(activity));
}
