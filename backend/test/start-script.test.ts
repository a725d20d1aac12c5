import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

/**
 * `npm start` (backend/scripts/start.mjs) asks nx to build only when a build input changed or an
 * output is missing. The script is run as it is, from a copy of the repository's layout in a temp
 * directory, with an `nx` there that records each call and writes the outputs a build leaves.
 */
const SCRIPT = fileURLToPath(new URL('../scripts/start.mjs', import.meta.url));
const OUTPUTS = [
  'sdk/elements/dist/cc-sdk.js',
  'sdk/console/dist/cc-console.js',
  'backend/dist/main.js',
  'demo/public/assets/react-host.js',
];
const SOURCES: Record<string, string> = {
  'sdk/elements/src/wallet.ts': 'export const wallet = 1;\n',
  'sdk/elements/package.json': '{}\n',
  'sdk/console/src/app.ts': 'export const app = 1;\n',
  'backend/src/main.ts': 'export const main = 1;\n',
  'backend/package.json': JSON.stringify({ scripts: { start: 'node dist/main.js' } }),
  'demo/src/react-host.tsx': 'export const host = 1;\n',
  'demo/package.json': '{}\n',
  'tsconfig.base.json': '{}\n',
  'package-lock.json': '{}\n',
  'nx.json': '{}\n',
};

let repo = '';
const file = (path: string) => join(repo, path);
const write = (path: string, text: string) => {
  mkdirSync(dirname(file(path)), { recursive: true });
  writeFileSync(file(path), text);
};
const nxCalls = () => readFileSync(file('nx-calls.log'), 'utf8').split('\n').filter(Boolean).length;

/** `node backend/scripts/start.mjs --build-only`; answers its exit code and whether nx was asked. */
async function buildStep(env: Record<string, string> = {}): Promise<{ code: number; nx: boolean; out: string }> {
  const before = nxCalls();
  let code = 0;
  let out: string;
  try {
    const r = await promisify(execFile)(process.execPath, [file('backend/scripts/start.mjs'), '--build-only'], {
      env: { ...process.env, CC_START_BUILD: '', ...env },
    });
    out = r.stdout + r.stderr;
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    code = err.code;
    out = err.stdout + err.stderr;
  }
  return { code, nx: nxCalls() > before, out };
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'cc-start-'));
  for (const [path, text] of Object.entries(SOURCES)) write(path, text);
  mkdirSync(file('backend/scripts'), { recursive: true });
  copyFileSync(SCRIPT, file('backend/scripts/start.mjs'));
  write('nx-calls.log', '');
  const outputs = OUTPUTS.map((o) => `mkdir -p "$(dirname '${o}')" && echo built > '${o}'`).join('\n');
  write(
    'node_modules/.bin/nx',
    `#!/bin/sh\ncd "${repo}"\necho "$*" >> nx-calls.log\n[ -n "$FAKE_NX_FAIL" ] && exit 3\n${outputs}\n`,
  );
  chmodSync(file('node_modules/.bin/nx'), 0o755);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm start: nx only when something changed', () => {
  it('builds the four projects the first time, then not again while nothing changes', async () => {
    const first = await buildStep();
    expect(first).toMatchObject({ code: 0, nx: true });
    expect(readFileSync(file('nx-calls.log'), 'utf8')).toContain(
      '--projects=@customerconnect/sdk,@customerconnect/console,@customerconnect/backend,@customerconnect/demo',
    );
    const again = await buildStep();
    expect(again).toMatchObject({ code: 0, nx: false });
    expect(again.out).toContain('Every build is current');
  });

  it('asks nx again after an edit, a touched file, a new file or a deleted one', async () => {
    write('backend/src/main.ts', 'export const main = 2;\n');
    expect((await buildStep()).nx).toBe(true);
    expect((await buildStep()).nx).toBe(false);

    const later = new Date(Date.now() + 5000);
    utimesSync(file('sdk/console/src/app.ts'), later, later);
    expect((await buildStep()).nx).toBe(true);

    write('sdk/elements/src/new-part.ts', 'export {};\n');
    expect((await buildStep()).nx).toBe(true);

    rmSync(file('sdk/elements/src/new-part.ts'));
    expect((await buildStep()).nx).toBe(true);
    expect((await buildStep()).nx).toBe(false);
  });

  it('is not fooled by tests, outputs or the demo build writing into public/', async () => {
    write('backend/test/new.test.ts', 'test;\n');
    write('sdk/elements/src/wallet.test.ts', 'test;\n');
    write('backend/dist/other.js', 'built;\n');
    write('demo/public/assets/react-host.js', 'rebuilt;\n');
    expect((await buildStep()).nx).toBe(false);
  });

  it('builds when an output is missing, and after a failed build asks again next time', async () => {
    rmSync(file('sdk/console/dist'), { recursive: true });
    expect(await buildStep()).toMatchObject({ code: 0, nx: true });

    write('demo/src/react-host.tsx', 'export const host = 2;\n');
    expect(await buildStep({ FAKE_NX_FAIL: '1' })).toMatchObject({ code: 3, nx: true });
    expect(await buildStep()).toMatchObject({ code: 0, nx: true });
    expect((await buildStep()).nx).toBe(false);
    expect((await buildStep({ CC_START_BUILD: 'always' })).nx).toBe(true);
  });
});
