import { BlockList, isIP } from 'node:net';

/** What the webhooks read from the configuration. */
export interface WebhookSettings {
  /** An endpoint whose deliveries all failed for this many days in a row is DISABLED. */
  readonly disableAfterDays: number;
  /**
   * Whether endpoints may be on this machine or a private network (http://localhost, 10.0.0.0/8…):
   * outside production only. In production such addresses are refused, when the URL is registered
   * and again when each delivery connects (a name may later resolve to one).
   */
  readonly allowPrivateAddresses: boolean;
}

export const defaultWebhookSettings: WebhookSettings = { disableAfterDays: 5, allowPrivateAddresses: false };

let current: WebhookSettings = defaultWebhookSettings;

/**
 * Sets the webhooks' settings for this process (app.ts, from the configuration). Module state rather
 * than the operation's context: the job queue's tasks and the change log's consumers receive no
 * context. Until it is called, the safe defaults hold (private addresses refused).
 */
export function configureWebhooks(settings: WebhookSettings): void {
  current = settings;
}

export function webhookSettings(): WebhookSettings {
  return current;
}

/**
 * Addresses that are not the public Internet (IANA special-purpose registries): this machine, private
 * networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved;
 * IPv4 mapped in IPv6 counts as the IPv4 address.
 */
const privateAddresses = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const)
  privateAddresses.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateAddresses.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (an IP address) is outside the public Internet. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateAddresses.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return privateAddresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
