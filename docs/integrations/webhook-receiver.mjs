#!/usr/bin/env node
// Recipe: a minimal webhook receiver on Node's own HTTP server.
//
//   CC_WEBHOOK_SECRET=whsec_… PORT=4000 node webhook-receiver.mjs
//
// It reads the raw body (the signature covers the exact bytes: never re-serialize parsed JSON), checks
// CC-Signature with verifyWebhook, answers 400 to anything it cannot trust, and 200 once the event is handled.
// Delivery is at least once, so it skips an event id it has already handled.

import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { verifyWebhook, WebhookVerificationError } from '@customerconnect/node';

/** A request handler for `http.createServer`: `onEvent(event)` runs once per event id. */
export function createWebhookHandler({ secret, onEvent, toleranceSeconds = 300 }) {
  const seen = new Set(); // use your database in production: a unique index on the event id
  return async (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    let event;
    try {
      event = verifyWebhook(Buffer.concat(chunks), req.headers['cc-signature'], secret, { toleranceSeconds });
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err;
      return void res.writeHead(400, { 'content-type': 'text/plain' }).end(`rejected: ${err.reason}`);
    }
    if (!seen.has(event.id)) {
      await onEvent(event);
      seen.add(event.id);
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.CC_WEBHOOK_SECRET;
  if (!secret) {
    console.error('usage: CC_WEBHOOK_SECRET=whsec_… [PORT=4000] node webhook-receiver.mjs');
    process.exit(2);
  }
  const handler = createWebhookHandler({
    secret,
    onEvent: (event) => console.log(`${event.type} ${event.id}`, JSON.stringify(event.data).slice(0, 200)),
  });
  createServer((req, res) => handler(req, res).catch(() => res.writeHead(500).end())).listen(
    Number(process.env.PORT ?? 4000),
    () => console.log(`listening on :${process.env.PORT ?? 4000}`),
  );
}
