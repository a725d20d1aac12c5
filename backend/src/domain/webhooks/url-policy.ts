import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { promisify } from 'node:util';
import { invalidParam } from '../../platform/errors/errors.js';

/**
 * Every range of the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and their
 * later entries), taken whole, plus multicast: a webhook never reaches them unless
 * CC_WEBHOOKS_ALLOW_PRIVATE=1. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is checked as its IPv4
 * address; the other forms that embed an IPv4 address (NAT64, 6to4, Teredo, IPv4-compatible)
 * are refused whole.
 */
const SPECIAL_PURPOSE: readonly [network: string, bits: number, family: 'ipv4' | 'ipv6', rfc: string][] = [
  ['0.0.0.0', 8, 'ipv4', 'RFC 791 "this network"'],
  ['10.0.0.0', 8, 'ipv4', 'RFC 1918 private use'],
  ['100.64.0.0', 10, 'ipv4', 'RFC 6598 shared address space (CGN)'],
  ['127.0.0.0', 8, 'ipv4', 'RFC 1122 loopback'],
  ['169.254.0.0', 16, 'ipv4', 'RFC 3927 link local (cloud metadata)'],
  ['172.16.0.0', 12, 'ipv4', 'RFC 1918 private use'],
  ['192.0.0.0', 24, 'ipv4', 'RFC 6890 IETF protocol assignments (DS-Lite, PCP, TURN, NAT64 discovery)'],
  ['192.0.2.0', 24, 'ipv4', 'RFC 5737 documentation (TEST-NET-1)'],
  ['192.31.196.0', 24, 'ipv4', 'RFC 7535 AS112-v4'],
  ['192.52.193.0', 24, 'ipv4', 'RFC 7450 AMT'],
  ['192.88.99.0', 24, 'ipv4', 'RFC 7526 deprecated 6to4 relay anycast'],
  ['192.168.0.0', 16, 'ipv4', 'RFC 1918 private use'],
  ['192.175.48.0', 24, 'ipv4', 'RFC 7534 direct delegation AS112'],
  ['198.18.0.0', 15, 'ipv4', 'RFC 2544 benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'RFC 5737 documentation (TEST-NET-2)'],
  ['203.0.113.0', 24, 'ipv4', 'RFC 5737 documentation (TEST-NET-3)'],
  ['224.0.0.0', 4, 'ipv4', 'RFC 5771 multicast'],
  ['240.0.0.0', 4, 'ipv4', 'RFC 1112 reserved, and RFC 8190 limited broadcast 255.255.255.255'],
  ['::', 96, 'ipv6', 'RFC 4291 unspecified, loopback, deprecated IPv4-compatible'],
  ['64:ff9b::', 96, 'ipv6', 'RFC 6052 IPv4/IPv6 translation (NAT64)'],
  ['64:ff9b:1::', 48, 'ipv6', 'RFC 8215 local-use IPv4/IPv6 translation'],
  ['100::', 64, 'ipv6', 'RFC 6666 discard-only'],
  ['100:0:0:1::', 64, 'ipv6', 'RFC 9780 dummy IPv6 prefix'],
  ['2001::', 23, 'ipv6', 'RFC 2928 IETF protocol assignments (Teredo, benchmarking, ORCHID, AMT, AS112)'],
  ['2001:db8::', 32, 'ipv6', 'RFC 3849 documentation'],
  ['2002::', 16, 'ipv6', 'RFC 3056 6to4'],
  ['2620:4f:8000::', 48, 'ipv6', 'RFC 7534 direct delegation AS112'],
  ['3fff::', 20, 'ipv6', 'RFC 9637 documentation'],
  ['5f00::', 16, 'ipv6', 'RFC 9602 segment routing (SRv6) SIDs'],
  ['fc00::', 7, 'ipv6', 'RFC 4193 unique local'],
  ['fe80::', 10, 'ipv6', 'RFC 4291 link-local unicast'],
  ['fec0::', 10, 'ipv6', 'RFC 3879 deprecated site-local'],
  ['ff00::', 8, 'ipv6', 'RFC 4291 multicast'],
];
const PRIVATE = new BlockList();
for (const [net, bits, family] of SPECIAL_PURPOSE) PRIVATE.addSubnet(net, bits, family);

/** True for an address in a special-purpose range (IPv4-mapped IPv6 checked as its IPv4 address). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const lookupAll = promisify(dnsLookup) as unknown as (host: string, opts: { all: true }) => Promise<LookupAddress[]>;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private-network or loopback address`);
  }
}

/**
 * Which webhook URLs are acceptable: https (http only for localhost outside production); in
 * every environment never a special-purpose address (unless CC_WEBHOOKS_ALLOW_PRIVATE=1),
 * checked when the endpoint is created and again on every delivery (on every address the
 * name resolves to, and the one actually connected to).
 */
export class WebhookUrlPolicy {
  constructor(
    readonly production: boolean,
    private readonly resolve = (host: string) => lookupAll(host, { all: true }),
    /** CC_WEBHOOKS_ALLOW_PRIVATE=1: special-purpose addresses allowed (development and tests). */
    readonly allowPrivate = false,
  ) {}

  private get blocking(): boolean {
    return !this.allowPrivate;
  }

  /** The URL, or `422 parameter_invalid` (`param: url`). */
  async assertAcceptable(raw: string): Promise<URL> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw invalidParam('url', 'url must be an absolute URL such as https://example.com/webhooks.');
    }
    const localHttp = url.protocol === 'http:' && !this.production && LOCAL_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !localHttp) {
      throw invalidParam(
        'url',
        this.production
          ? 'url must use https.'
          : 'url must use https (http only for localhost and 127.0.0.1 outside production).',
      );
    }
    if (this.blocking) await this.assertPublicHost(url.hostname);
    return url;
  }

  /** Unless CC_WEBHOOKS_ALLOW_PRIVATE=1: refuses a host that is, or resolves to, a special-purpose address. */
  private async assertPublicHost(hostname: string): Promise<void> {
    const host = hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await this.resolve(host)).map((a) => a.address);
    } catch {
      throw invalidParam('url', `url's host ${host} cannot be resolved.`);
    }
    const bad = addresses.find(isPrivateAddress);
    if (bad)
      throw invalidParam('url', `url must not point to a private-network or loopback address (${host} is ${bad}).`);
  }

  /** Before a delivery: an IP-literal host is connected to without a lookup, so it is checked here. */
  assertDeliverable(url: URL): void {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (this.blocking && isIP(host) && isPrivateAddress(host)) throw new PrivateAddressError(host, host);
  }

  /**
   * The `lookup` for the delivery's socket: it refuses special-purpose addresses, so a
   * name that resolves elsewhere after creation (DNS rebinding) is still never connected to.
   */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = this.blocking ? addresses.find((a) => isPrivateAddress(a.address)) : undefined;
      if (bad) return callback(new PrivateAddressError(hostname, bad.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
