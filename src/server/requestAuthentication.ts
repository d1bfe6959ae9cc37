// Checks a request's Bot Framework token before the adapter runs, so a missing or forged token is a quick 401, never a 500 or a hang.
import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { AppConfig } from '../config/loadConfig.js';
import type { Logger } from '../logging/logger.js';

export type AuthenticationOutcome =
  | { ok: true }
  /** missing: no bearer token; malformed: not a JWT; rejected: the token failed its checks; unverifiable: the signing keys could not be fetched in time. */
  | { ok: false; reason: 'missing' | 'malformed' | 'rejected' | 'unverifiable' };

export interface RequestAuthenticator {
  check(activity: Activity, authorization: string | string[] | undefined): Promise<AuthenticationOutcome>;
}

export interface RequestAuthenticatorOptions {
  /** How long to wait for Microsoft's signing keys (fetched once a day, on the first token that needs them). */
  timeoutMs?: number;
  /** After a timeout, tokens are refused at once for this long instead of each waiting out another timeout. */
  cooldownMs?: number;
  logger?: Logger;
  now?: () => number;
}

const BEARER_JWT = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Why check here when CloudAdapter.process authenticates too: process() answers 500 (and prints the stack) for any
 * failure that is not an AuthenticationError, such as the fetch error when the OpenID metadata cannot be reached or
 * jsonwebtoken's "invalid signature"; and it has no timeout, so an unreachable metadata host holds the request open
 * until the operating system gives up. Checking first, with a time limit, turns all of those into 401. A token that
 * passes is checked again by the adapter against the cached keys, which costs one signature check.
 */
export class BotFrameworkRequestAuthenticator implements RequestAuthenticator {
  private readonly timeoutMs: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private coolingUntil = 0;

  constructor(
    private readonly auth: Pick<BotFrameworkAuthentication, 'authenticateRequest'>,
    private readonly options: RequestAuthenticatorOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.cooldownMs = options.cooldownMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  async check(activity: Activity, authorization: string | string[] | undefined): Promise<AuthenticationOutcome> {
    const header = Array.isArray(authorization) ? authorization[0] : authorization;
    if (!header?.trim()) return { ok: false, reason: 'missing' };
    // The library's own extractors answer "no identity" for anything else, after decoding it several times.
    if (header.length > 16 * 1024 || !BEARER_JWT.test(header)) return { ok: false, reason: 'malformed' };
    if (this.now() < this.coolingUntil) return { ok: false, reason: 'unverifiable' };

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
      timer.unref();
    });
    const verified = this.auth.authenticateRequest(activity, header).then(
      () => 'ok' as const,
      (error: unknown) => classify(error),
    );
    try {
      const outcome = await Promise.race([verified, timedOut]);
      if (outcome === 'ok') return { ok: true };
      if (outcome === 'timeout') {
        this.coolingUntil = this.now() + this.cooldownMs;
        this.options.logger?.warn('auth.keys_unreachable', { status: 'error_auth_timeout', timeoutMs: this.timeoutMs });
        return { ok: false, reason: 'unverifiable' };
      }
      if (outcome === 'unverifiable') this.options.logger?.warn('auth.keys_unreachable', { status: 'error_auth_keys' });
      return { ok: false, reason: outcome };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** AuthenticationError (and jsonwebtoken's errors) mean the token is bad; anything else means we could not tell. */
function classify(error: unknown): 'rejected' | 'unverifiable' {
  const name = error instanceof Error ? error.name : '';
  if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError') return 'rejected';
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (status === 401 || status === 403) return 'rejected';
  return 'unverifiable';
}

/** The same settings the adapter authenticates with (src/bot/createAdapter.ts). */
export type AuthConfig = Pick<AppConfig, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'>;

export function createRequestAuthenticator(config: AuthConfig, options: RequestAuthenticatorOptions & {
    /** Tests only: where to fetch signing keys from instead of Microsoft. */
    metadataUrls?: { channel?: string; emulator?: string };
  } = {}): RequestAuthenticator {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...(options.metadataUrls ? publicCloudWith(options.metadataUrls) : {}),
  });
  return new BotFrameworkRequestAuthenticator(auth, options);
}

/** Overriding one endpoint makes botbuilder expect them all, so tests get the public cloud's values plus their own. */
function publicCloudWith(urls: { channel?: string; emulator?: string }): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: urls.channel ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: urls.emulator ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
