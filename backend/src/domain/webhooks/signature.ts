import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: the `CC-Signature` header. During a
 * secret rotation it carries one `v1=` per live secret, the newest first.
 */
export function signatureHeader(secrets: string | string[], body: string, unixSeconds: number): string {
  const all = typeof secrets === 'string' ? [secrets] : secrets;
  return [`t=${unixSeconds}`, ...all.map((s) => `v1=${hmac(s, unixSeconds, body)}`)].join(',');
}

/** What a receiver does (docs/webhooks.md): recompute over `t.body` and compare each `v1=` in constant time. */
export function verifySignature(secret: string, body: string, header: string): boolean {
  const parts = header.split(',').map((p) => p.split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && v)
    .some(([, v]) => {
      const given = Buffer.from(v!, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const hmac = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
