// Exchanges the Direct Line secret for a one-conversation token with Azure Bot Service, so the secret stays on this server.
import { randomBytes } from 'node:crypto';
import type { DirectLineTokenSource, IssuedDirectLineToken } from './directLineTokenSource.js';
import { TokenSourceError } from './directLineTokenSource.js';

export interface AzureDirectLineTokenOptions {
  /** DIRECTLINE_SECRET. */
  secret: string;
  /** DIRECTLINE_DOMAIN, ending /v3/directline. */
  domain: string;
  /** Tests stand in for Azure; there is no other reason to pass one. */
  fetch?: typeof fetch;
  /** A parent is waiting for the chat to open, so a slow Azure answer is treated as a failure. */
  timeoutMs?: number;
}

const WHERE = 'AzureDirectLineTokens.issue()';

export class AzureDirectLineTokens implements DirectLineTokenSource {
  readonly kind = 'azure';
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: AzureDirectLineTokenOptions) {
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async issue(): Promise<IssuedDirectLineToken> {
    const { domain, secret } = this.options;
    // Direct Line's enhanced authentication only accepts user ids that start dl_; a random one per token means the
    // bot's user state cannot be opened by someone who guesses or copies an id.
    const user = { id: `dl_${randomBytes(12).toString('hex')}` };
    let response: Response;
    try {
      response = await this.fetch(`${domain}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const why = error instanceof Error ? error.name : 'an unknown error';
      throw new TokenSourceError('unreachable', `${WHERE}: could not reach ${domain} because of ${why}. Check this server's outbound HTTPS access and DIRECTLINE_DOMAIN.`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new TokenSourceError(
        'refused',
        `${WHERE}: Direct Line refused DIRECTLINE_SECRET (HTTP ${response.status}) because it is wrong, was regenerated or belongs to another bot. ` +
          'Copy a current secret from the Azure portal (your Azure Bot > Channels > Direct Line) into DIRECTLINE_SECRET.',
      );
    }
    if (!response.ok) {
      throw new TokenSourceError('failed', `${WHERE}: Direct Line answered HTTP ${response.status} at ${domain}/tokens/generate. If it lasts, check the Azure Bot's Direct Line channel and Azure status.`);
    }
    const body = await readJson(response);
    const { token, conversationId, expires_in: expiresIn } = (body ?? {}) as Record<string, unknown>;
    if (typeof token !== 'string' || token.length === 0 || typeof conversationId !== 'string' || typeof expiresIn !== 'number') {
      throw new TokenSourceError('malformed', `${WHERE}: Direct Line's answer had no token, conversationId or expires_in. Check that DIRECTLINE_DOMAIN points at a Direct Line v3 endpoint.`);
    }
    return { token, conversationId, expires_in: expiresIn, domain };
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
