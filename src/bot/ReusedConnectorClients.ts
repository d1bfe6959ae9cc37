// Bot Framework authentication that reuses the HTTP clients it hands each turn instead of building new ones.
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { BoundedCache } from '../boundedCache.js';

/**
 * CloudAdapter asks for a new connector client and user-token client on every turn, and each one builds a full HTTP
 * pipeline even when the turn never calls out (every `expectReplies` turn, most Teams turns). That was about a tenth
 * of a turn's CPU. The clients hold nothing per conversation, only the bot's credentials (which cache their own
 * tokens) and the channel's address, so one client per (bot identity, service URL, audience) is safe to share.
 * The cache is bounded: without auth, the service URL comes from the request.
 */
export const MAX_CLIENTS = 256;

export class ReusedConnectorClients extends BotFrameworkAuthentication {
  private readonly connectors = clientCache<ConnectorClient>();
  private readonly userTokens = clientCache<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReusedConnectors(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReusedConnectors(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), identityKey(claimsIdentity), this.connectors);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.userTokens, identityKey(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private withReusedConnectors(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new ReusingConnectorFactory(result.connectorFactory, identityKey(result.claimsIdentity), this.connectors) };
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly identity: string,
    private readonly clients: BoundedCache<Promise<ConnectorClient>>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return reuse(this.clients, JSON.stringify([this.identity, serviceUrl, audience ?? null]), () => this.inner.create(serviceUrl, audience));
  }
}

/** The bot identity a client acts as: the inner factories pick credentials from the same two claims. */
function identityKey(claims: ClaimsIdentity): string {
  return JSON.stringify([claims.getClaimValue(AuthenticationConstants.AudienceClaim), claims.getClaimValue(AuthenticationConstants.AppIdClaim)]);
}

function clientCache<T>(): BoundedCache<Promise<T>> {
  return new BoundedCache<Promise<T>>({ maxEntries: MAX_CLIENTS, maxKeyChars: MAX_CLIENTS * 2048, maxKeyLength: 2048 });
}

/** The cached client for key, or a new one; a client that fails to build is forgotten, so the next turn retries. */
function reuse<T>(cache: BoundedCache<Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  return cache.getOrCompute(key, () => {
    const created = create();
    created.catch(() => cache.forget(key));
    return created;
  });
}
