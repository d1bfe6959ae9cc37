// Test helpers for Bot Framework authentication: RS256 tokens signed with a key of our own, and a metadata service for it.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import http from 'node:http';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWK, as Microsoft's JWKS lists it. */
  jwk: { kty: string; kid: string; n: string; e: string; use: string; endorsements?: string[] };
}

export function newSigningKey(kid = `kid-${Math.random().toString(36).slice(2)}`, endorsements?: string[]): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kid, privateKey, jwk: { kty: 'RSA', kid, n, e, use: 'sig', ...(endorsements ? { endorsements } : {}) } };
}

/** A JWT signed with the given key, shaped like the tokens Azure Bot Service sends a bot. */
export function signToken(key: SigningKey, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ iss: CHANNEL_ISSUER, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims })).toString('base64url');
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

export interface MetadataService {
  /** The OpenID configuration address to give ToBotFromChannelOpenIdMetadataUrl. */
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

/** Serves an OpenID configuration whose jwks_uri lists the given keys, as login.botframework.com does. */
export async function startMetadataService(keys: SigningKey[]): Promise<MetadataService> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/keys') res.end(JSON.stringify({ keys: keys.map((key) => key.jwk) }));
    else res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/.well-known/openidconfiguration`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A host that accepts connections and never answers: what an unreachable metadata service looks like behind a firewall. */
export async function startBlackHole(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/.well-known/openidconfiguration`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
