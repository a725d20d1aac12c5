// Start-up: how long the production start command takes to answer GET /ready on an EXISTING
// embedded (PGlite) data directory, what it spends the time on (the backend's own "started" log
// line: node, database, modules, app, seed, listen), and what `npm start` adds in front of it: its
// build step when nothing changed (backend/scripts/start.mjs compares a stamp of the build inputs
// and asks nx only after a change) and npm's own start. The first start, which creates the data
// directory and runs every migration, is reported apart: it is not the case measured.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, processUsage, productionEnv } from './backend.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Spawns `command args` (its own process group), polls `/ready` every 25 ms, and answers the
 * wall time to the first 200, the CPU the process tree had used by then and the app's phases.
 * Then stops the whole group with SIGTERM and waits for it.
 */
async function timeToReady(command, args, { cwd, env, port, logFile }) {
  const out = openSync(logFile, 'w');
  const t0 = process.hrtime.bigint();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  const exited = new Promise((r) => child.once('exit', r));
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`exited ${child.exitCode}: ${readFileSync(logFile, 'utf8').slice(-1500)}`);
      if (Date.now() > deadline) throw new Error(`not ready in 300 s: ${readFileSync(logFile, 'utf8').slice(-1500)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const { cpuSeconds } = processUsage(child.pid);
    const started = readFileSync(logFile, 'utf8')
      .split('\n')
      .map((line) => /"context":"Startup"/.test(line) && JSON.parse(line))
      .find(Boolean);
    return { seconds: round(seconds), cpuSeconds: round(cpuSeconds), phases: started?.message?.phaseSeconds ?? null };
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
  }
}

/** The build step of the root `npm start` (backend/scripts/start.mjs, which asks nx only when an input changed). */
const START_SCRIPT = ['backend/scripts/start.mjs', '--build-only'];

function timeCommand(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${output.slice(-1500)}`));
      resolve({
        seconds: round(Number(process.hrtime.bigint() - t0) / 1e9),
        built: !/Every build is current/.test(output),
      });
    });
  });
}

export async function measureStartup(root, { runs, log }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-startup-'));
  const backend = join(root, 'backend');
  const main = ['--enable-source-maps', join(backend, 'dist', 'main.js')];
  const key = randomBytes(32).toString('base64'); // one key for every start on this data directory
  try {
    const port = await freePort();
    const prodEnv = productionEnv({ port, dataDir: join(dataDir, 'production'), extraEnv: { CC_ENCRYPTION_KEY: key } });
    // What `npm start` runs the backend with: no NODE_ENV (development), the demo merchant seeded.
    const { NODE_ENV: _n, CC_SEED_DEMO: _s, SMTP_URL: _m, CC_ALLOW_EMBEDDED_DB: _a, ...rest } = prodEnv;
    const devEnv = { ...rest, CC_DATA_DIR: join(dataDir, 'development') };
    const spawnOpts = (env, name) => ({ cwd: backend, env, port, logFile: join(dataDir, `${name}.log`) });

    const modes = {};
    for (const [name, env] of [
      ['production', prodEnv],
      ['development', devEnv],
    ]) {
      log(`start-up (${name}): first start on an empty data directory (creates it, runs every migration)`);
      const first = await timeToReady(process.execPath, main, spawnOpts(env, `${name}-first`));
      const again = [];
      for (let i = 1; i <= runs; i++) {
        again.push(await timeToReady(process.execPath, main, spawnOpts(env, `${name}-${i}`)));
        log(`start-up (${name}) ${i}/${runs}: ready in ${again.at(-1).seconds} s, ${again.at(-1).cpuSeconds} s CPU`);
      }
      const phaseNames = Object.keys(again[0].phases ?? {});
      modes[name] = {
        first,
        runs: again,
        medianSeconds: median(again.map((r) => r.seconds)),
        medianCpuSeconds: median(again.map((r) => r.cpuSeconds)),
        medianPhases: Object.fromEntries(
          phaseNames.map((p) => [p, round(median(again.map((r) => r.phases[p] ?? 0)), 3)]),
        ),
      };
    }

    const build = [];
    for (let i = 0; i <= runs; i++) build.push(await timeCommand(process.execPath, START_SCRIPT, root));
    log(
      `npm start's build step (node ${START_SCRIPT.join(' ')}): ${build.map((r) => `${r.seconds} s (${r.built ? 'built' : 'current'})`).join(', ')}`,
    );
    // The whole `npm start` (the build step, then the backend's start) on the development data directory.
    const npm = [];
    for (let i = 1; i <= Math.min(runs, 2); i++) {
      npm.push(await timeToReady('npm', ['start'], { ...spawnOpts(devEnv, `npm-${i}`), cwd: root }));
      log(`npm start ${i}: ready in ${npm.at(-1).seconds} s`);
    }
    return {
      settings: { runs, command: `node ${main.join(' ')}`, database: 'PGlite on disk, data directory already created' },
      production: modes.production,
      development: modes.development,
      // The first run may have built; the rest are what a restart with nothing to build pays.
      buildStep: {
        runs: build,
        medianCurrentSeconds: median(build.slice(1).map((r) => r.seconds)),
        command: `node ${START_SCRIPT.join(' ')}`,
      },
      npmStart: { runs: npm, medianSeconds: median(npm.map((r) => r.seconds)) },
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The bench table's lines for the start-up part. */
export function startupLines(s) {
  const phases = (p) =>
    Object.entries(p)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ');
  const lines = [
    `Start-up  ${s.settings.database}; ${s.settings.runs} restarts per mode, medians; ${s.settings.command}`,
  ];
  for (const name of ['production', 'development']) {
    const m = s[name];
    lines.push(
      `  ${name.padEnd(12)} to /ready ${m.medianSeconds.toFixed(2)} s (${m.runs.map((r) => r.seconds).join(' / ')}), CPU ${m.medianCpuSeconds.toFixed(2)} s; first start (empty directory) ${m.first.seconds} s`,
      `  ${''.padEnd(12)} phases (s): ${phases(m.medianPhases)}`,
    );
  }
  lines.push(
    `  npm start's build step, nothing to build: ${s.buildStep.medianCurrentSeconds.toFixed(2)} s (${s.buildStep.runs.map((r) => `${r.seconds} s ${r.built ? 'built' : 'current'}`).join(' / ')})`,
    `  npm start, whole (npm + build step + development start): ${s.npmStart.medianSeconds.toFixed(2)} s (${s.npmStart.runs.map((r) => r.seconds).join(' / ')})`,
    '',
  );
  return lines;
}
