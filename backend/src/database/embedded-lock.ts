import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export class EmbeddedDatabaseInUseError extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The embedded database belongs to one process. Takes `<dir>/pglite.lock` (holding our pid)
 * or throws a clear error naming the process that holds it; a lock left by a dead process is taken over.
 * Returns the function that gives the lock back.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new EmbeddedDatabaseInUseError(
          `The embedded database in ${resolve(dir)} is in use by another CustomerConnect process (pid ${pid}). ` +
            'Stop that process first, or give this one its own data directory (CC_DATA_DIR) or a PostgreSQL server (DATABASE_URL).',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new EmbeddedDatabaseInUseError(`Could not lock ${resolve(file)}`);
}
