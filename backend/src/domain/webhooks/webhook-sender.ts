import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { WebhookUrlPolicy } from './url-policy.js';

export const USER_AGENT = 'CustomerConnect-Webhooks/1';
export const TIMEOUT_MS = 10_000;
/** How much of the receiver's answer the delivery log keeps. */
export const SNIPPET_BYTES = 1024;

export interface SendResult {
  /** The receiver's status code; null when no answer came (refused, timed out, not allowed). */
  statusCode: number | null;
  error: string | null;
  snippet: string | null;
  durationMs: number;
}

/**
 * One POST of a signed body: 10 s at most, redirects not followed (a redirect could point
 * anywhere, the private network included), the address checked by the URL policy's lookup.
 * Never throws: every outcome is a result for the delivery log.
 */
export async function postWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  policy: WebhookUrlPolicy,
  timeoutMs = TIMEOUT_MS,
): Promise<SendResult> {
  const started = Date.now();
  const done = (r: Omit<SendResult, 'durationMs'>): SendResult => ({ ...r, durationMs: Date.now() - started });
  try {
    policy.assertDeliverable(url);
    const res = await send(url, body, headers, policy, timeoutMs);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    return done({ statusCode: res.statusCode, error: ok ? null : `HTTP ${res.statusCode}`, snippet: res.snippet });
  } catch (err) {
    return done({ statusCode: null, error: describe(err), snippet: null });
  }
}

function send(url: URL, body: string, headers: Record<string, string>, policy: WebhookUrlPolicy, timeoutMs: number) {
  return new Promise<{ statusCode: number; snippet: string }>((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, {
      method: 'POST',
      agent: false,
      lookup: policy.lookup as never,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'content-length': Buffer.byteLength(body),
      },
    });
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    req.on('error', (err) => (clearTimeout(timer), reject(err)));
    req.on('response', (res) =>
      readSnippet(res).then(
        (snippet) => (clearTimeout(timer), req.destroy(), resolve({ statusCode: res.statusCode ?? 0, snippet })),
        reject,
      ),
    );
    req.end(body);
  });
}

/** The first KB of the answer (then the rest is dropped), cut on a character boundary. */
function readSnippet(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => resolve(truncateUtf8(Buffer.concat(chunks), SNIPPET_BYTES));
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= SNIPPET_BYTES) {
        res.removeAllListeners('data');
        finish();
      }
    });
    res.on('end', finish);
    res.on('error', reject);
  });
}

/** At most `max` bytes of UTF-8, cut on a character boundary, without NULs (PostgreSQL text refuses them). */
export function truncateUtf8(buf: Buffer, max: number): string {
  let end = Math.min(buf.length, max);
  if (end < buf.length) while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  let text = buf.subarray(0, end).toString('utf8').replaceAll('\u0000', '');
  while (Buffer.byteLength(text) > max) text = text.slice(0, -1); // invalid bytes decode to 3-byte U+FFFD
  return text;
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const text = e?.message ?? String(err);
  return (e?.code && !text.includes(e.code) ? `${e.code}: ${text}` : text).slice(0, 500);
}
