import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BACKEND = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = `${BACKEND}dist/main.js`;

/** The built backend (`dist/main.js`), built first if it is missing. */
export function ensureBuilt(): string {
  if (!existsSync(MAIN)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: BACKEND, stdio: 'inherit' });
  return MAIN;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A real backend process that a test can kill -9, like a crash. */
export class BackendProcess {
  child?: ChildProcess;
  output = '';
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    /** How long to wait for `/ready` (a first start on a fresh embedded database runs every migration). */
    private readonly readyTimeoutMs = 60_000,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts it and waits for `/ready` (a first start on a fresh embedded database migrates it first). */
  async start(readyTimeoutMs = this.readyTimeoutMs): Promise<void> {
    this.child = spawn(process.execPath, [ensureBuilt()], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(this.port),
        PUBLIC_URL: `http://localhost:${this.port}`,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`backend exited ${this.child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/ready`)).ok) return;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`backend did not become ready:\n${this.output}`);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  async crash(): Promise<void> {
    const child = this.child!;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM, then the process's exit code (null when it died of a signal or never ran). */
  async stop(): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null) return this.child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => this.child!.once('exit', (code) => r(code)));
    this.child.kill('SIGTERM');
    return exited;
  }
}
