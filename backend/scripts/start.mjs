#!/usr/bin/env node
/**
 * `npm start`: build what the product serves (the SDK, the console, the backend, the demo) when a
 * source changed, then start the backend in this process's place.
 *
 * Nx decides what to rebuild, but asking it costs ~2.5 s even when every output is cached (it
 * builds the project graph and hashes every input on each run; the repository runs it without its
 * daemon). So this script keeps a stamp: after a build that succeeded, the path, size and mtime
 * of every build input (what nx.json calls `production`: each project's files minus tests, plus
 * the shared globals). When the inputs and the outputs' presence are what the stamp says, nothing
 * can have changed and nx is not asked; any edit, added or deleted file, or missing output sends
 * the start through nx as before. `CC_START_BUILD=always` always asks nx; `--build-only` stops after
 * the build step (the bench times it).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROJECTS = [
  '@customerconnect/sdk',
  '@customerconnect/console',
  '@customerconnect/backend',
  '@customerconnect/demo',
];
/** Where each project's build inputs are, and one output per project that a finished build leaves. */
const INPUTS = [
  { root: 'sdk/elements', output: 'sdk/elements/dist/cc-sdk.js' },
  { root: 'sdk/console', output: 'sdk/console/dist/cc-console.js' },
  { root: 'backend', output: 'backend/dist/main.js' },
  // The demo writes its build into public/assets, so only its sources count (as in its nx inputs).
  { root: 'demo', only: ['src', 'scripts', 'package.json'], output: 'demo/public/assets/react-host.js' },
];
const SHARED = ['tsconfig.base.json', 'package-lock.json', 'nx.json'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'test', 'coverage', '.nx', '.data']);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const STAMP = join(REPO, 'node_modules', '.cache', 'customerconnect', 'start-inputs.json');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* files(path);
    } else if (entry.isFile() && !TEST_FILE.test(entry.name)) yield path;
  }
}

/** One digest of every input's path, size and mtime. */
function inputsDigest() {
  const hash = createHash('sha256');
  const add = (path) => {
    const s = statSync(path);
    hash.update(`${relative(REPO, path)}\0${s.size}\0${s.mtimeMs}\n`);
  };
  for (const { root, only } of INPUTS) {
    const base = join(REPO, root);
    for (const part of only ?? ['.']) {
      const path = join(base, part);
      if (!existsSync(path)) continue;
      if (statSync(path).isDirectory()) for (const file of files(path)) add(file);
      else add(path);
    }
  }
  for (const file of SHARED) add(join(REPO, file));
  return hash.digest('hex');
}

const readStamp = () => {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).digest;
  } catch {
    return null;
  }
};

function run(command, args, cwd) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolveRun(signal ? 1 : (code ?? 1)));
  });
}

const outputsPresent = () => INPUTS.every(({ output }) => existsSync(join(REPO, output)));

/** Why nx must be asked, or null when every build is current. */
function staleness(digest) {
  if (process.env.CC_START_BUILD === 'always') return 'CC_START_BUILD=always';
  const stamp = readStamp();
  if (stamp === null) return 'no build recorded yet';
  if (stamp !== digest) return 'a build input changed since the last build';
  if (!outputsPresent()) return 'a build output is missing';
  return null;
}

const before = inputsDigest();
const reason = staleness(before);
if (reason) {
  console.log(`Building (${reason}).`);
  const nx = join(REPO, 'node_modules', '.bin', 'nx');
  const code = await run(nx, ['run-many', '-t', 'build', `--projects=${PROJECTS.join(',')}`], REPO);
  if (code !== 0) process.exit(code);
  // A file edited while the build ran leaves no stamp, so the next start asks nx again.
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, JSON.stringify({ digest: inputsDigest() === before ? before : null }));
} else {
  console.log('Every build is current (no build input changed since the last build).');
}
if (process.argv.includes('--build-only')) process.exit(0);

// The backend's own start command (`node …` in its package.json), with the signals passed on to it.
const [, ...startArgs] = JSON.parse(readFileSync(join(REPO, 'backend', 'package.json'), 'utf8')).scripts.start.split(
  /\s+/,
);
const backend = spawn(process.execPath, startArgs, {
  cwd: join(REPO, 'backend'),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => backend.kill(signal));
backend.once('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
