import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from '@jest/globals';

/** The shape of backend/src (docs/architecture.md), checked by the same script `npm run lint` runs. */
const SCRIPT = fileURLToPath(new URL('../scripts/check-architecture.mjs', import.meta.url));
const SRC = fileURLToPath(new URL('../src', import.meta.url));
const BENCH = fileURLToPath(new URL('../../bench', import.meta.url));

const check = async (...roots: string[]): Promise<{ code: number; out: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...roots]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
};

const fixtures: string[] = [];
afterAll(() => fixtures.forEach((d) => rmSync(d, { recursive: true, force: true })));

const tree = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'cc-arch-'));
  fixtures.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
};

describe('backend architecture', () => {
  it('backend/src and bench have no folder or file loops, platform/ knows no domain/, every domain folder has a module', async () => {
    const { code, out } = await check(SRC, BENCH);
    expect({ code, out }).toEqual({ code: 0, out: expect.stringMatching(/^architecture: no folder or file loops/) });
  });

  it('names a folder loop, a file loop, a platform file importing the domain and a domain folder without a module', async () => {
    const root = tree({
      'domain/a/a.module.ts': "import { B } from '../b/b.service.js';\nexport const A = B;\n",
      'domain/b/b.module.ts': 'export {};\n',
      'domain/b/b.service.ts':
        "import type { A } from '../a/a.module.js';\nexport const B = 1 as unknown as typeof A;\n",
      'domain/c/c.service.ts': "import { x } from './c.other.js';\nexport const y = x;\n",
      'domain/c/c.other.ts': "import { y } from './c.service.js';\nexport const x = y;\n",
      'platform/p/p.ts': "import { B } from '../../domain/b/b.service.js';\nexport const P = B;\n",
    });
    const { code, out } = await check(root);
    expect(code).toBe(1);
    expect(out).toContain('folder loop');
    expect(out).toMatch(/folder loop in .*: domain\/a, domain\/b/);
    expect(out).toMatch(/file loop in .*c\.other\.ts, .*c\.service\.ts/);
    expect(out).toMatch(/platform imports domain: .*platform\/p\/p\.ts → .*domain\/b\/b\.service\.ts/);
    expect(out).toMatch(/domain folder without a module: .*domain\/c/);
  });
});
