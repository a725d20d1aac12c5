import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../platform/errors/errors.js';
import { isPrivateAddress, WebhookUrlPolicy } from './url-policy.js';

const refusal = async (policy: WebhookUrlPolicy, url: string) => {
  try {
    await policy.assertAcceptable(url);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return { status: (err as ApiError).status, code: (err as ApiError).code, param: (err as ApiError).param };
  }
};
const refused = { status: 422, code: 'parameter_invalid', param: 'url' };

describe('webhook URL policy', () => {
  it('knows the private, loopback and link-local ranges, IPv4-mapped IPv6 included', () => {
    for (const a of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '::1',
      'fd12::1',
      'fc00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      // The rest of the IANA special-purpose registries, embedded-IPv4 forms included.
      '64:ff9b::a00:1',
      '64:ff9b::808:808',
      '64:ff9b:1::1',
      '::a00:1',
      '::8.8.8.8',
      '2002:a00:1::1',
      '2001::1',
      '2001:db8::1',
      'fec0::1',
      '100::1',
      '3fff::1',
      '192.0.0.1',
      '192.0.0.170',
      '192.0.2.1',
      '198.18.0.1',
      '198.19.255.255',
      '198.51.100.1',
      '203.0.113.1',
      '240.0.0.1',
      '255.255.255.255',
      '::ffff:198.18.0.1',
    ]) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of [
      '8.8.8.8',
      '172.32.0.1',
      '192.169.0.1',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
      '198.20.0.1',
      '2003::1',
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it('in every environment refuses special-purpose addresses unless CC_WEBHOOKS_ALLOW_PRIVATE=1', async () => {
    const dev = new WebhookUrlPolicy(false);
    for (const bad of [
      'https://10.0.0.5/in',
      'https://[64:ff9b::a00:1]/x',
      'https://198.18.0.1/x',
      'http://127.0.0.1:9/x',
    ])
      expect([bad, await refusal(dev, bad)]).toEqual([bad, refused]);
    expect(() => dev.assertDeliverable(new URL('https://[2002:a00:1::1]/x'))).toThrow(/private-network/);
  });

  it('outside production: https anywhere, http only for localhost and 127.0.0.1', async () => {
    const dev = new WebhookUrlPolicy(false, undefined, true);
    for (const ok of [
      'https://hooks.example.com/cc',
      'http://localhost:4000/hooks',
      'http://127.0.0.1:9/x',
      'https://10.0.0.5/in',
    ])
      expect(await refusal(dev, ok)).toBeNull();
    for (const bad of ['http://hooks.example.com/cc', 'ftp://example.com', 'not a url', '/relative'])
      expect(await refusal(dev, bad)).toEqual(refused);
  });

  it('in production: https only, never to a private or loopback address, by literal or by name', async () => {
    const names: Record<string, string> = {
      'public.example': '93.184.216.34',
      'internal.example': '10.0.0.7',
      'rebind.example': '127.0.0.1',
    };
    const prod = new WebhookUrlPolicy(true, async (host) => {
      if (!names[host]) throw new Error('ENOTFOUND');
      return [{ address: names[host]!, family: 4 }];
    });
    expect(await refusal(prod, 'https://public.example/hooks')).toBeNull();
    for (const bad of [
      'http://localhost/x',
      'http://public.example/x',
      'https://10.0.0.1/x',
      'https://[::1]/x',
      'https://169.254.169.254/latest',
      'https://internal.example/x',
      'https://rebind.example/x',
      'https://unknown.example/x',
    ]) {
      expect([bad, await refusal(prod, bad)]).toEqual([bad, refused]);
    }
    expect(() => prod.assertDeliverable(new URL('https://192.168.0.10/x'))).toThrow(/private-network/);
  });

  it('the delivery lookup refuses a name resolving to a private address (allowed only with CC_WEBHOOKS_ALLOW_PRIVATE=1)', async () => {
    const prod = new WebhookUrlPolicy(true);
    const result = await new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      prod.lookup('localhost', {}, (err, address) => resolve({ err, address })),
    );
    expect(result.err?.code).toBe('EPRIVATEADDRESS');
    const dev = await new Promise<{ err: unknown; address: unknown }>((resolve) =>
      new WebhookUrlPolicy(false, undefined, true).lookup('localhost', {}, (err, address) => resolve({ err, address })),
    );
    expect(dev.err).toBeNull();
  });
});
