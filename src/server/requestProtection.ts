// Builds this deployment's protections from config: security headers, per-client and per-conversation limits, tenant filter, token checks.
import type { Middleware } from 'botbuilder';
import type { RequestHandler } from 'restify';
import { channelKindOf } from '../../dialogs/turnInput.js';
import type { AppConfig } from '../config/loadConfig.js';
import type { Messages } from '../knowledge/messages.js';
import type { Logger } from '../logging/logger.js';
import { limitClients } from './clientRateLimit.js';
import { ConversationRateLimit } from './conversationRateLimit.js';
import { RateLimiter } from './rateLimiter.js';
import { createRequestAuthenticator, type RequestAuthenticator } from './requestAuthentication.js';
import { securityHeaders } from './securityHeaders.js';
import { TeamsTenantFilter } from './teamsTenantFilter.js';
import { webChatConnectSources } from './webChatConnectSources.js';
import { EMBED_PATH, WIDGET_ASSET_PATHS } from './widget/widgetPaths.js';

export interface Protections {
  /** restify `pre` handlers, in order (createServer's `pre` option). */
  pre: RequestHandler[];
  /** Adapter middleware, in order (adapter.use). */
  middleware: Middleware[];
  /** For registerMessagesRoute; set only when app credentials are. */
  authenticator: RequestAuthenticator | undefined;
}

type ProtectionConfig = Pick<
  AppConfig,
  | 'authEnabled'
  | 'FRAME_ANCESTORS'
  | 'WIDGET_ALLOWED_ORIGINS'
  | 'localDirectLine'
  | 'DIRECTLINE_SECRET'
  | 'DIRECTLINE_DOMAIN'
  | 'TRUST_PROXY'
  | 'RATE_LIMIT_PER_IP_PER_MINUTE'
  | 'RATE_LIMIT_PER_CONVERSATION_PER_MINUTE'
  | 'TEAMS_TENANT_IDS'
  | 'MicrosoftAppId'
  | 'MicrosoftAppPassword'
  | 'MicrosoftAppType'
  | 'MicrosoftAppTenantId'
>;

export function createProtections(config: ProtectionConfig, { logger, messages }: { logger: Logger; messages: Messages }): Protections {
  const pre: RequestHandler[] = [
    securityHeaders({
      frameAncestors: config.FRAME_ANCESTORS,
      // The widget's frame: only the council sites in WIDGET_ALLOWED_ORIGINS may show it (src/server/widget/).
      embedPaths: [EMBED_PATH],
      embedFrameAncestors: config.WIDGET_ALLOWED_ORIGINS,
      crossOriginPaths: WIDGET_ASSET_PATHS,
      connectSources: webChatConnectSources(config),
    }),
  ];
  if (config.RATE_LIMIT_PER_IP_PER_MINUTE > 0) {
    pre.push(
      limitClients({
        limiter: new RateLimiter({ limit: config.RATE_LIMIT_PER_IP_PER_MINUTE }),
        trustProxy: config.TRUST_PROXY,
        limitMessagesRoute: !config.authEnabled,
        logger,
      }),
    );
  }
  const middleware: Middleware[] = [new TeamsTenantFilter(config.TEAMS_TENANT_IDS, logger)];
  if (config.RATE_LIMIT_PER_CONVERSATION_PER_MINUTE > 0) {
    middleware.push(
      new ConversationRateLimit({
        limiter: new RateLimiter({ limit: config.RATE_LIMIT_PER_CONVERSATION_PER_MINUTE }),
        notice: (context) => messages.get('rate-limited', channelKindOf(context)),
        logger,
      }),
    );
  }
  const authenticator = config.authEnabled ? createRequestAuthenticator(config, { logger }) : undefined;
  return { pre, middleware, authenticator };
}
