// Hands local Direct Line activities to the bot through the adapter, one turn at a time per conversation.
import type { Activity, CloudAdapter } from 'botbuilder';
import { hashId, type Logger } from '../../logging/logger.js';
import type { Readiness } from '../readiness.js';
import type { TurnHandler } from '../messagesRoute.js';
import type { ChannelAccountJson, Conversation, DirectLineActivity, NewActivity } from './ConversationStore.js';
import type { LocalBotAuthentication } from './LocalBotAuthentication.js';

export interface BotForwarderOptions {
  adapter: CloudAdapter;
  logic: TurnHandler;
  auth: LocalBotAuthentication;
  bot: ChannelAccountJson;
  /** This service's own base URL (…/v3/directline): the adapter calls back on it to deliver replies. */
  serviceUrl: () => string;
  logger: Logger;
  readiness?: Readiness;
}

/**
 * The bot is reached the way a real channel reaches it: an activity with a serviceUrl goes through
 * CloudAdapter.processActivity (middleware, bot, turn error handler), and replies come back over HTTP to the
 * Bot Connector routes under serviceUrl. Turns in one conversation run in order, as a person's messages do.
 */
/** What a turn starts from: a kept user activity, or the conversationUpdate that is never shown to the client. */
type TurnActivity = NewActivity & { conversation: { id: string }; id?: string };

export class BotForwarder {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly options: BotForwarderOptions) {}

  /** Tells the bot the user and the bot joined (conversationUpdate), once per conversation. */
  start(conversation: Conversation): Promise<void> {
    if (conversation.started) return Promise.resolve();
    conversation.started = true;
    const { bot } = this.options;
    // No id: a reply to it is then a plain send, so Web Chat never waits for an activity it will not see.
    return this.enqueue(conversation.id, {
      type: 'conversationUpdate',
      channelId: 'webchat',
      from: { ...conversation.user },
      recipient: { ...bot },
      conversation: { id: conversation.id },
      membersAdded: [{ ...conversation.user }, { ...bot }],
      timestamp: new Date().toISOString(),
      ...(conversation.locale ? { locale: conversation.locale } : {}),
    });
  }

  /** Runs the bot's turn for an activity the user sent; resolves when the turn (and so its replies) is done. */
  forward(activity: DirectLineActivity): Promise<void> {
    return this.enqueue(activity.conversation.id, activity);
  }

  private enqueue(conversationId: string, activity: TurnActivity): Promise<void> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(() => this.runTurn(activity));
    const tail = turn.catch(() => undefined);
    this.queues.set(conversationId, tail);
    void tail.then(() => {
      if (this.queues.get(conversationId) === tail) this.queues.delete(conversationId);
    });
    return turn;
  }

  private async runTurn(activity: TurnActivity): Promise<void> {
    const { adapter, logic, auth, logger, readiness } = this.options;
    readiness?.turnStarted();
    try {
      await adapter.processActivityDirect(auth.requestResult(), toBotActivity(activity, this.options.serviceUrl()), logic);
    } catch (error) {
      logger.error('directline.turn_failed', {
        status: 'error_directline_turn',
        conversation: hashId(activity.conversation.id),
        activityType: activity.type,
        error: error instanceof Error ? error.name : 'unknown',
      });
      throw error;
    } finally {
      readiness?.turnEnded();
    }
  }
}

/**
 * The same shape the adapter's HTTP entry point gives the bot: a fresh copy of the JSON with timestamps as Dates
 * (raw strings kept alongside), plus serviceUrl. A wire activity never carries every field the schema type calls
 * required (label, listenFor, …), which is why botbuilder's own HTTP path also only checks `type` before the cast.
 */
function toBotActivity(activity: object, serviceUrl: string): Activity {
  const copy = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
  copy.serviceUrl = serviceUrl;
  for (const [field, rawField] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = copy[field];
    if (typeof value === 'string') {
      copy[rawField] = value;
      copy[field] = new Date(value);
    }
  }
  return copy as unknown as Activity;
}
