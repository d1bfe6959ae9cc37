// Where Web Chat's Direct Line tokens come from: the local service in development, Azure Bot Service in production.

/** What POST /api/directline/token returns: enough for Web Chat to connect, and nothing that could open other chats. */
export interface IssuedDirectLineToken {
  token: string;
  conversationId: string;
  /** Seconds until the token expires (Direct Line's own field name). */
  expires_in: number;
  /** The Direct Line endpoint to connect to, ending /v3/directline (Web Chat's `domain` option). */
  domain: string;
}

export interface TokenRequestContext {
  /** This server's own address as the browser reached it, e.g. https://sen-guide.example.gov.uk (no trailing slash). */
  baseUrl: string;
}

export interface DirectLineTokenSource {
  readonly kind: 'local' | 'azure';
  issue(context: TokenRequestContext): Promise<IssuedDirectLineToken>;
}

export type TokenFailureKind = 'refused' | 'unreachable' | 'failed' | 'malformed';

/** A token could not be issued; `message` is for operators (it never holds the secret or a response body). */
export class TokenSourceError extends Error {
  constructor(
    readonly kind: TokenFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'TokenSourceError';
  }
}
