// autocannon in a worker thread posting payments: every request gets its own body target and
// Idempotency-Key. Slot n (counted across rounds from workerData.start) pays
// targets[group·⌊n / (group·perTarget)⌋ + n mod group]: the payment requests of one group are
// paid round-robin, each exactly `perTarget` times (100 payments of 1 % each fill a request),
// then the next group. group = 1: every connection pays the same request (one row lock,
// serialized); group ≥ 2 × connections: consecutive payments land on different rows.
// A slot is counted when its request is built, so a request cut off at the end of a round only
// leaves a slot unused (a request one payment short), never pays a request twice too often.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { base, token, paymentMethodId, targets, group, perTarget, amount, keyPrefix, start, ...options } = workerData;
let next = start;
let exhausted = false;
const body = JSON.stringify({ amount, paymentMethodId });

const result = await autocannon({
  ...options,
  url: base,
  requests: [
    {
      method: 'POST',
      setupRequest(req) {
        const n = next++;
        const index = group * Math.floor(n / (group * perTarget)) + (n % group);
        if (index >= targets.length) {
          exhausted = true; // out of payment requests: answers 4xx from here on, which fails the run
        }
        const target = targets[index % targets.length];
        return {
          ...req,
          method: 'POST',
          path: `/v1/customer/payment-requests/${target}/payments`,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': `${keyPrefix}-${n}`,
          },
          body,
        };
      },
    },
  ],
  renderProgressBar: false,
  renderResultsTable: false,
  renderLatencyTable: false,
});
parentPort.postMessage({ raw: result, next, exhausted });
