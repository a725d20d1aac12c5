import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (what a signature covers). */
  raw: string;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
}

/** A merchant's webhook receiver on 127.0.0.1: records every POST and answers the statuses scripted per path (then 200). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly scripts = new Map<string, number[]>();
  private readonly always = new Map<string, number>();
  /** Milliseconds to wait before answering (a slow receiver). */
  delayMs = 0;
  private server?: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, raw, body: JSON.parse(raw) });
        const status = this.scripts.get(path)?.shift() ?? this.always.get(path) ?? 200;
        const answer = () =>
          res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `receiver says ${status}`);
        if (this.delayMs) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next answers on `path`, in order; afterwards `then` (default 200). */
  script(path: string, statuses: number[], then?: number): void {
    this.scripts.set(path, [...statuses]);
    if (then !== undefined) this.always.set(path, then);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/**
 * What a merchant's server does: recompute HMAC-SHA256 over "t.body" with its secret, compare in
 * constant time with each `v1=` (one per live secret during a rotation).
 */
export function verifiedBy(secret: string, hook: ReceivedWebhook): boolean {
  const header = String(hook.headers['cc-signature'] ?? '');
  const match = /^t=(\d+)((?:,v1=[0-9a-f]{64})+)$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${hook.raw}`).digest();
  return signaturesIn(hook).some((v1) => timingSafeEqual(expected, Buffer.from(v1, 'hex')));
}

/** The `v1=` values of a delivery's `CC-Signature`, in order. */
export function signaturesIn(hook: ReceivedWebhook): string[] {
  return [...String(hook.headers['cc-signature'] ?? '').matchAll(/,v1=([0-9a-f]{64})/g)].map((m) => m[1]!);
}
