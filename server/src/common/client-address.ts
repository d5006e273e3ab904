import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv4, isIPv6, SocketAddress } from 'node:net';

/**
 * Which proxies in front of Raccord are trusted to name the client in `X-Forwarded-For` (TRUST_PROXY):
 * none (the peer of the socket is the client), a number of hops (the last `hops` addresses are
 * proxies), or the proxies' addresses and subnets.
 */
export type TrustProxy = { readonly hops: number } | { readonly proxies: BlockList } | null;

/**
 * An address as written in a socket or a header, in the one form every transport gives the sign-in
 * limits and the sessions: an IPv4 one mapped in IPv6 (`::ffff:10.0.0.1`) as IPv4, IPv6 in its
 * canonical lower-case form (RFC 5952, without a zone), a `:port` suffix dropped (`10.0.0.1:5000`,
 * `[2001:db8::1]:443`). Anything else is returned as it is.
 */
export function normalAddress(address: string): string {
  const bare = isIPv4(address) || isIPv6(address) ? address : SocketAddress.parse(address)?.address;
  if (!bare) return address;
  const canonical = new SocketAddress({ address: bare, family: isIPv4(bare) ? 'ipv4' : 'ipv6' }).address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(canonical);
  return mapped ? mapped[1]! : canonical;
}

/**
 * The key a client's requests are counted under by the sign-in and password-reset limits:
 * `signInLimitKey` of its address (at most 64 characters, as the limits' store keys it), or
 * "unknown" when the request named none.
 */
export function clientLimitKey(ipAddress: string | null | undefined): string {
  return ipAddress ? signInLimitKey(ipAddress).slice(0, 64) : 'unknown';
}

/**
 * What the sign-in limits count an address by: an IPv4 address itself, an IPv6 address its /64
 * (`2001:db8:1:2::/64`), the network an ordinary IPv6 user has whole and rotates addresses in.
 */
export function signInLimitKey(address: string): string {
  const normal = normalAddress(address);
  if (!isIPv6(normal)) return normal;
  const [head, tail] = normal.split('::').map((part) => (part === '' ? [] : part.split(':')));
  // A trailing dotted IPv4 part (`::1.2.3.4`) is two groups; '::' stands for the zero groups missing.
  const count = (groups: string[]) => groups.length + (groups.at(-1)?.includes('.') ? 1 : 0);
  const zeros = tail ? Array<string>(8 - count(head!) - count(tail)).fill('0') : [];
  const prefix = [...head!, ...zeros, ...(tail ?? [])].slice(0, 4);
  const network = new SocketAddress({ address: `${prefix.join(':')}::`, family: 'ipv6' }).address;
  return `${network}/64`;
}

/**
 * Parses TRUST_PROXY: a whole number of hops, or a comma-separated list of addresses and subnets in
 * CIDR notation (`10.0.0.0/8`, `::1`), `loopback` standing for 127.0.0.0/8 and ::1.
 * @throws Error naming the entry that is neither
 */
export function parseTrustProxy(text: string): TrustProxy {
  if (/^\d{1,2}$/.test(text.trim())) return { hops: Number(text.trim()) };
  const proxies = new BlockList();
  for (const entry of text.split(',').map((part) => part.trim())) {
    if (entry === 'loopback') {
      proxies.addSubnet('127.0.0.0', 8, 'ipv4');
      proxies.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    const bits = prefix === undefined ? null : Number(prefix);
    if (!type || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= (type === 'ipv4' ? 32 : 128))))
      throw new Error(`"${entry}" is not an address, a subnet (such as 10.0.0.0/8) or loopback`);
    if (bits === null) proxies.addAddress(address, type);
    else proxies.addSubnet(address, bits, type);
  }
  return { proxies };
}

/** Whether the address seen at `hop` (0: the socket's peer, 1: the last address of X-Forwarded-For…) is a trusted proxy. */
export function trustsProxy(trust: TrustProxy, address: string, hop: number): boolean {
  if (!trust) return false;
  if ('hops' in trust) return hop < trust.hops;
  const ip = normalAddress(address);
  const type = isIPv4(ip) ? 'ipv4' : isIPv6(ip) ? 'ipv6' : null;
  return type !== null && trust.proxies.check(ip, type);
}

/**
 * The client's address as Express's `trust proxy` finds it: from the socket's peer back along
 * X-Forwarded-For, the first address that is not a trusted proxy (or the first one sent).
 */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string | null {
  const peer = request.socket.remoteAddress;
  if (!peer) return null;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean)
    .reverse();
  const chain = [peer, ...forwarded];
  let hop = 0;
  while (hop < chain.length - 1 && trustsProxy(trust, chain[hop]!, hop)) hop += 1;
  return normalAddress(chain[hop]!);
}
