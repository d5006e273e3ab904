import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, normalAddress, parseTrustProxy, signInLimitKey } from './client-address.js';

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

describe('one address for one client, over HTTP and WebSocket alike', () => {
  it('writes an IPv4 address mapped in IPv6 as IPv4, IPv6 in its canonical lower-case form, without a port', () => {
    expect(normalAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalAddress('::FFFF:7f00:1')).toBe('127.0.0.1');
    expect(normalAddress('2001:DB8:0:0::0:1')).toBe('2001:db8::1');
    expect(normalAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalAddress('203.0.113.5')).toBe('203.0.113.5');
    expect(normalAddress('203.0.113.5:51234')).toBe('203.0.113.5');
    expect(normalAddress('[2001:db8::A]:443')).toBe('2001:db8::a');
    expect(normalAddress('[::ffff:203.0.113.5]:443')).toBe('203.0.113.5');
    expect(normalAddress('not an address')).toBe('not an address');
  });

  it('names the client the same from the socket and through X-Forwarded-For', () => {
    expect(clientAddress(request('2001:DB8::0:1'), null)).toBe('2001:db8::1');
    expect(clientAddress(request('127.0.0.1', '203.0.113.5:51234'), parseTrustProxy('loopback'))).toBe('203.0.113.5');
  });

  it('counts sign-ins by IPv6 /64, an IPv4 address by itself', () => {
    expect(signInLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(signInLimitKey('2001:DB8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(signInLimitKey('2001:db8::1')).toBe('2001:db8::/64');
    expect(signInLimitKey('::1')).toBe('::/64');
    expect(signInLimitKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(signInLimitKey('203.0.113.5')).toBe('203.0.113.5');
  });
});
