// Middleware that ignores Microsoft Teams activities from organisations not on TEAMS_TENANT_IDS (when the list is set).
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { hashId, type Logger } from '../logging/logger.js';

/**
 * A Teams app can be side-loaded into any organisation that knows its id; the staff view is meant for the deploying
 * council's schools. A dropped activity gets no reply at all (a reply would confirm the bot exists) and is logged
 * with the tenant id hashed.
 */
export class TeamsTenantFilter implements Middleware {
  private readonly allowed: Set<string>;

  constructor(
    tenantIds: readonly string[],
    private readonly logger: Logger,
  ) {
    this.allowed = new Set(tenantIds.map((id) => id.trim().toLowerCase()).filter((id) => id.length > 0));
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (this.allowed.size === 0 || context.activity.channelId !== 'msteams') return next();
    const tenant = teamsTenantOf(context.activity);
    if (tenant !== undefined && this.allowed.has(tenant.toLowerCase())) return next();
    this.logger.warn('turn.dropped', {
      status: 'dropped_tenant_not_allowed',
      channel: 'msteams',
      tenant: tenant === undefined ? 'none' : hashId(tenant),
      activityType: context.activity.type,
    });
  }
}

/** Teams puts the tenant in channelData.tenant.id; conversation.tenantId carries it too on newer activities. */
export function teamsTenantOf(activity: Partial<Activity>): string | undefined {
  const channelData: unknown = activity.channelData;
  const fromChannelData =
    typeof channelData === 'object' && channelData !== null ? (channelData as { tenant?: { id?: unknown } }).tenant?.id : undefined;
  if (typeof fromChannelData === 'string' && fromChannelData.length > 0) return fromChannelData;
  const fromConversation: unknown = activity.conversation?.tenantId;
  return typeof fromConversation === 'string' && fromConversation.length > 0 ? fromConversation : undefined;
}
