import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { promisify } from 'node:util';
import { invalidParam } from '../../common/errors.js';

/** Loopback, private, link-local and other non-public ranges a webhook must never reach in production. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** True for an address in a private-network, loopback or link-local range (IPv4-mapped IPv6 included). */
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
 * Which webhook URLs are acceptable: https (http only for localhost outside production);
 * in production never a private-network or loopback address, checked when the endpoint is
 * created and again on every delivery (on the address actually connected to).
 */
export class WebhookUrlPolicy {
  constructor(
    readonly production: boolean,
    private readonly resolve = (host: string) => lookupAll(host, { all: true }),
  ) {}

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
    if (this.production) await this.assertPublicHost(url.hostname);
    return url;
  }

  /** Production only: refuses a host that is, or resolves to, a private address. */
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
    if (this.production && isIP(host) && isPrivateAddress(host)) throw new PrivateAddressError(host, host);
  }

  /**
   * The `lookup` for the delivery's socket: in production it refuses private addresses, so a
   * name that resolves elsewhere after creation (DNS rebinding) is still never connected to.
   */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = this.production ? addresses.find((a) => isPrivateAddress(a.address)) : undefined;
      if (bad) return callback(new PrivateAddressError(hostname, bad.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
