import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from './client-address.js';

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('the client address behind TRUST_PROXY', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.5', '198.51.100.1'), null)).toBe('203.0.113.5');
    expect(clientAddress(request('::ffff:203.0.113.5'), null)).toBe('203.0.113.5');
  });

  it('walks X-Forwarded-For back past the trusted proxies only', () => {
    const trust = parseTrustProxy('10.0.0.0/8, loopback');
    expect(clientAddress(request('10.1.2.3', '198.51.100.1, 10.9.9.9'), trust)).toBe('198.51.100.1');
    // A forged first entry sent by the client is not reached: 203.0.113.7 is the first untrusted hop.
    expect(clientAddress(request('::ffff:127.0.0.1', '192.0.2.99, 203.0.113.7'), trust)).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.8', '198.51.100.1'), trust)).toBe('203.0.113.8');
  });

  it('trusts a number of hops', () => {
    expect(clientAddress(request('10.1.2.3', '192.0.2.99, 198.51.100.1'), parseTrustProxy('1'))).toBe('198.51.100.1');
    expect(clientAddress(request('10.1.2.3', '192.0.2.99, 198.51.100.1'), parseTrustProxy('2'))).toBe('192.0.2.99');
  });

  it('refuses an entry that is neither an address nor a subnet', () => {
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow('"10.0.0.0/33" is not an address');
    expect(() => parseTrustProxy('proxy.example')).toThrow('"proxy.example" is not an address');
  });
});
