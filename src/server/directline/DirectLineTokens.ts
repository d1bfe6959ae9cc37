// Issues and checks the bearer tokens of the local Direct Line service: signed, short-lived, bound to one conversation.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  conversationId: string;
  /** The user id bound to this conversation; Web Chat reads it from the token's `user` claim. */
  userId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export interface IssuedToken {
  token: string;
  /** Seconds until the token expires, as Direct Line's `expires_in`. */
  expiresIn: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Tokens are JWTs (HS256) because Web Chat and DirectLineJS decode the `user` claim from a Direct Line token to pick
 * the user id. The key is random per process, so tokens die with the process, as the in-memory conversations do.
 * Each token carries a random `jti`, so two tokens for the same conversation never look alike.
 */
export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(
    private readonly lifetimeSeconds = 3600,
    private readonly now: () => number = Date.now,
    key: Buffer = randomBytes(32),
  ) {
    this.key = key;
  }

  issue(conversationId: string, userId: string): IssuedToken {
    const iat = Math.floor(this.now() / 1000);
    const payload = { conv: conversationId, user: userId, iat, exp: iat + this.lifetimeSeconds, jti: randomBytes(12).toString('base64url') };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return { token: `${body}.${this.sign(body)}`, expiresIn: this.lifetimeSeconds };
  }

  check(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    const [, payloadPart = '', signaturePart = ''] = parts;
    const expected = Buffer.from(this.sign(`${HEADER}.${payloadPart}`), 'base64url');
    const given = Buffer.from(signaturePart, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
    const payload = parsePayload(payloadPart);
    if (!payload) return { ok: false, reason: 'malformed' };
    if (payload.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { conversationId: payload.conv, userId: payload.user, expiresAt: payload.exp } };
  }

  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.expiresAt - Math.floor(this.now() / 1000));
  }

  /** True when the text has the shape of one of our tokens, whether or not it is still valid. */
  looksLikeToken(token: string): boolean {
    return token.startsWith(`${HEADER}.`) && token.split('.').length === 3;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

function parsePayload(part: string): { conv: string; user: string; exp: number } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { conv, user, exp } = value as Record<string, unknown>;
    if (typeof conv !== 'string' || typeof user !== 'string' || typeof exp !== 'number') return undefined;
    return { conv, user, exp };
  } catch {
    return undefined;
  }
}

/** The token from an `Authorization: Bearer <token>` header, or undefined when there is none. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match?.[1];
}
