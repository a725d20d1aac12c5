// One autocannon run in a worker thread: the load generator gets its own event loop and does
// not take turns with the server, which runs on the main thread of the same process.
// Off the main thread autocannon answers its raw result (histograms encoded), which the main
// thread merges across rounds with autocannon.aggregateResult.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

parentPort.postMessage(
  await autocannon({ ...workerData, renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false }),
);
