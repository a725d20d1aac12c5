import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const script = new URL('../scripts/check-cycles.mjs', import.meta.url).pathname;
const run = (...dirs) => spawnSync(process.execPath, [script, ...dirs], { encoding: 'utf8' });

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'cc-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('the SDK and the console have no file or folder import cycle', () => {
  const answer = run(
    new URL('../src', import.meta.url).pathname,
    new URL('../../console/src', import.meta.url).pathname,
  );
  assert.equal(answer.status, 0, answer.stderr);
});

test('two folders importing each other fail, even through type-only imports', () => {
  const root = tree({
    'events/a.ts': "import type { B } from '../internal/b.js';\nexport type A = B;\n",
    'internal/b.ts': 'export type B = string;\n',
    'internal/c.ts': "import type { A } from '../events/a.js';\nexport type C = A;\n",
  });
  try {
    const answer = run(root);
    assert.equal(answer.status, 1);
    assert.match(answer.stderr, /folders import each other: events <-> internal/);
  } finally {
    rmSync(root, { recursive: true });
  }
});

test('a file cycle fails; tests are left out', () => {
  const root = tree({
    'x.ts': "import { y } from './y.js';\nexport const x = () => y;\n",
    'y.ts': "export { x as y } from './x.js';\n",
    'lib/z.ts': 'export const z = 1;\n',
    'lib/z.test.ts': "import { x } from '../x.js';\nx();\n",
    'w.ts': "import { z } from './lib/z.js';\nexport const w = z;\n",
  });
  try {
    const answer = run(root);
    assert.equal(answer.status, 1);
    assert.match(answer.stderr, /file import cycle: x\.ts <-> y\.ts/);
    assert.doesNotMatch(answer.stderr, /folders/);
  } finally {
    rmSync(root, { recursive: true });
  }
});
