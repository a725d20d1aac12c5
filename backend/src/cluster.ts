import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { AppConfig } from './config/app-config.js';

/**
 * How many Node processes serve the port: `CC_WORKERS`, default the number of cores. The embedded
 * database (PGlite) lives inside one process and locks its data directory, so it always gets one,
 * and `note` says why when more were asked for.
 */
export function processCount(config: AppConfig, cores = availableParallelism()): { count: number; note?: string } {
  const wanted = config.CC_WORKERS ?? cores;
  if (config.embedded && wanted > 1)
    return {
      count: 1,
      note:
        config.CC_WORKERS === undefined
          ? undefined
          : `CC_WORKERS=${config.CC_WORKERS} ignored: the embedded database (PGlite) runs in one process; set DATABASE_URL for more`,
    };
  return { count: wanted };
}

/** True in a process forked by `runPrimary` (each one a full app on the shared port). */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** The first worker forked: the one that prints the start-up banner. */
export const isFirstWorker = (): boolean => !cluster.isWorker || cluster.worker?.id === 1;

/**
 * The primary process: forks `count` workers behind one port (node:cluster hands each new connection
 * to the next worker). The first worker starts alone, so that migrations (already serialized by an
 * advisory lock) and the demo seed run once before the others start. A worker that dies after it
 * listened is replaced; one that dies before (bad config, database down for good) stops the whole
 * server with its exit code. SIGTERM/SIGINT stop every worker gracefully, then the primary.
 */
export function runPrimary(count: number, describe: (count: number) => string): void {
  let stopping = false;
  let listening = 0;
  const started = new WeakSet<Worker>();

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    if (alive.length === 0) process.exit(code);
    let left = alive.length;
    for (const w of alive) {
      w.once('exit', () => {
        if (--left === 0) process.exit(code);
      });
      w.process.kill('SIGTERM');
    }
  };

  const fork = () => {
    const w = cluster.fork();
    w.once('listening', () => {
      started.add(w);
      listening++;
      if (listening === 1) for (let i = 1; i < count; i++) fork();
      if (listening === count) console.log(describe(count));
    });
    w.once('exit', (code, signal) => {
      if (stopping) return;
      if (!started.has(w)) {
        console.error(`CustomerConnect worker ${w.process.pid} could not start (exit ${code ?? signal}); stopping`);
        stopAll(typeof code === 'number' && code !== 0 ? code : 1);
        return;
      }
      // Exit 0 is a worker's own graceful stop: a SIGINT/SIGTERM sent to the whole process group
      // (Ctrl-C in a terminal) that reached it before the primary. Stop the rest, don't replace it.
      if (code === 0) {
        stopAll(0);
        return;
      }
      console.error(`CustomerConnect worker ${w.process.pid} died (exit ${code ?? signal}); starting another`);
      fork();
    });
  };

  process.once('SIGTERM', () => stopAll(0));
  process.once('SIGINT', () => stopAll(0));
  fork();
}
