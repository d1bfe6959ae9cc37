// Middleware that slows down one conversation sending too fast: one kind "please wait" reply, then silence until it eases.
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { hashId, type Logger } from '../logging/logger.js';
import type { RateLimiter } from './rateLimiter.js';

export interface ConversationRateLimitOptions {
  limiter: RateLimiter;
  /** The line to send once when a conversation goes over its limit, per channel (from content/messages.yaml). */
  notice: (context: TurnContext) => string;
  logger: Logger;
}

/**
 * Only messages count: a conversationUpdate or typing indicator is the channel's doing, not the person's. The check
 * runs in the adapter's middleware so it covers every way in (/api/messages and the local Direct Line) and sees the
 * conversation id the channel vouched for. A refused message still gets an HTTP success: the channel did nothing
 * wrong, and Azure Bot Service retries failed deliveries, which would make a flood worse.
 */
export class ConversationRateLimit implements Middleware {
  constructor(private readonly options: ConversationRateLimitOptions) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type !== 'message') return next();
    const decision = this.options.limiter.take(conversationKey(activity));
    if (decision.allowed) return next();
    this.options.logger.info('turn.rate_limited', {
      status: decision.firstRefusal ? 'rate_limited_notified' : 'rate_limited_dropped',
      channel: activity.channelId,
      conversation: hashId(activity.conversation?.id),
      retryAfterSeconds: decision.retryAfterSeconds,
    });
    if (decision.firstRefusal) await context.sendActivity({ type: 'message', text: this.options.notice(context) });
  }
}

function conversationKey(activity: Partial<Activity>): string {
  return `${activity.channelId ?? ''}/${activity.conversation?.id ?? ''}`;
}
