import type { Request } from 'restify';
import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress } from '../../../src/server/clientAddress.js';

function request(remoteAddress: string, forwardedFor?: string): Request {
  return { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress } } as unknown as Request;
}

describe('clientAddress', () => {
  it('uses the socket address unless the proxy is trusted', () => {
    expect(clientAddress(request('::ffff:203.0.113.9', '198.51.100.1'), false)).toBe('203.0.113.9');
  });

  it('behind a trusted proxy, takes the entry the proxy appended (the last), never one the client wrote', () => {
    expect(clientAddress(request('10.0.0.2', 'spoofed-by-client, 198.51.100.7'), true)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.2', ''), true)).toBe('10.0.0.2');
  });

  it('spells one address one way: no IPv4-mapped prefix, no port, no brackets, one case', () => {
    expect(normaliseAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress('192.0.2.1:51234')).toBe('192.0.2.1');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('2001:db8::1')).toBe('2001:db8::1');
  });
});
