// node bench/payment-cpu.mjs [root] [payments] [connections]
// Backend CPU per payment on the request path alone: the built backend of <root> (default: this
// checkout; another checkout's root compares two builds), one process (CC_WORKERS=1), worker off
// (CC_WORKER=0), a throwaway database on BENCH_PAY_DATABASE_URL (default the local server).
// Pays <payments> (default 1500) over <connections> (default 4) after 300 of warm-up, each
// connection on its own approved requests (100 payments of 1 % each), and prints the backend
// process's CPU (from /proc) per payment: a figure that does not depend on how fast a busy
// machine let the run go. See docs/performance.md (Payments against pgbench).
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { approvedPaymentRequests, signUp, startBackend, verifiedContactWithCard } from './lib/backend.mjs';

const [rootArg, paymentsArg = '1500', connectionsArg = '4'] = process.argv.slice(2);
const root = rootArg ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const payments = Number(paymentsArg);
const connections = Number(connectionsArg);
const WARMUP = 300;
const PER_REQUEST = 100;
const databaseUrl = process.env.BENCH_PAY_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const backend = await startBackend(root, { databaseUrl, log: () => {}, workers: 1, env: { CC_WORKER: '0' } });
try {
  const merchant = await signUp(backend.base);
  const customer = await verifiedContactWithCard(backend, merchant);
  const perConnection = Math.ceil((payments + WARMUP) / connections / PER_REQUEST) + 1;
  const { ids } = await approvedPaymentRequests(backend, merchant, customer, {
    amount: 1_000_000_000,
    size: perConnection * connections,
  });
  const made = Array(connections).fill(0);
  const pay = async (connection) => {
    const request = ids[connection * perConnection + Math.floor(made[connection]++ / PER_REQUEST)];
    const res = await fetch(`${backend.base}/v1/customer/payment-requests/${request}/payments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${customer.session}`,
        'content-type': 'application/json',
        'idempotency-key': `cpu-${randomBytes(8).toString('hex')}`,
      },
      body: JSON.stringify({ amount: 10_000_000, paymentMethodId: customer.paymentMethodId }),
    });
    if (res.status !== 201) throw new Error(`payment answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
  };
  const run = async (count) => {
    let started = 0;
    await Promise.all(
      Array.from({ length: connections }, async (_, connection) => {
        while (started < count) {
          started++;
          await pay(connection);
        }
      }),
    );
  };
  await run(WARMUP);
  const cpuBefore = backend.usage().cpuSeconds;
  const t0 = performance.now();
  await run(payments);
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = (backend.usage().cpuSeconds - cpuBefore) * 1000;
  console.log(
    JSON.stringify({
      root,
      payments,
      connections,
      cpuMsPerPayment: Math.round((cpuMs / payments) * 1000) / 1000,
      perSecond: Math.round((payments / seconds) * 10) / 10,
    }),
  );
} finally {
  await backend.close();
}
