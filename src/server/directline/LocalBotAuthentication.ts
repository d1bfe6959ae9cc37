// How the in-process adapter and the connector callback routes trust each other: a random secret that never leaves the process.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  TokenCredentials,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import { bearerToken } from './DirectLineTokens.js';

/**
 * Why not just pass an empty auth header to the adapter: with auth disabled the adapter's calls back to serviceUrl
 * carry no token at all, so the callback routes could only trust the network (loopback), which a reverse proxy on the
 * same host defeats. Instead every turn gets an AuthenticateRequestResult whose ConnectorClient signs its calls with a
 * per-process secret, and the callback routes accept only that. With app credentials set, this also keeps the adapter
 * from asking Microsoft Entra for a token just to talk to itself.
 */
export class LocalBotAuthentication {
  private readonly secret = randomBytes(32).toString('base64url');
  private readonly secretDigest = digest(this.secret);

  /** @param appId the bot's Microsoft App ID when it has one; the identity the turn runs as. */
  constructor(private readonly appId: string | undefined) {}

  /** What the adapter would have worked out from a channel's token, for a turn arriving from this local channel. */
  requestResult(): AuthenticateRequestResult {
    const claimsIdentity = this.appId
      ? new ClaimsIdentity(
          [
            { type: AuthenticationConstants.AudienceClaim, value: this.appId },
            { type: AuthenticationConstants.AppIdClaim, value: this.appId },
          ],
          true,
        )
      : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
    return {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity,
      connectorFactory: new LocalConnectorFactory(this.secret),
    };
  }

  /** True when a callback carries this process's secret (compared in constant time). */
  isTrustedCallback(authorization: string | string[] | undefined): boolean {
    const token = bearerToken(authorization);
    return token !== undefined && timingSafeEqual(digest(token), this.secretDigest);
  }
}

class LocalConnectorFactory extends ConnectorFactory {
  constructor(private readonly secret: string) {
    super();
  }

  override async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(new TokenCredentials(this.secret), { baseUri: serviceUrl });
  }
}

// Comparing fixed-length digests keeps timingSafeEqual happy whatever length the caller sent.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
