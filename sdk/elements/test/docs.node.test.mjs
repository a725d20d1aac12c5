// The component reference is generated from the manifest and committed: it must match what the
// generator writes from the current build (`npm run docs` regenerates it). Every doc must stand
// on its own: no link or path to files outside the repository.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readElements } from '../scripts/manifest.mjs';
import { docsDir, elementsDir, renderReference } from '../scripts/generate-reference.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

test('docs/components.md and docs/components/ are the reference generated from custom-elements.json', () => {
  const pages = renderReference(readElements());
  const regenerate = 'run `npm run build -w @customerconnect/sdk && npm run docs -w @customerconnect/sdk`';
  for (const [path, text] of pages) {
    const file = new URL(path, docsDir);
    assert.ok(existsSync(file) && readFileSync(file, 'utf8') === text, `docs/${path} is stale: ${regenerate}`);
  }
  for (const name of readdirSync(elementsDir))
    assert.ok(pages.has(`components/${name}`), `docs/components/${name} is no element's page: ${regenerate}`);
});

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

test('docs and the README point only at files inside the repository', () => {
  const problems = [];
  for (const file of [...markdownFiles(join(repo, 'docs')), join(repo, 'README.md')]) {
    const text = readFileSync(file, 'utf8');
    const name = relative(repo, file);
    for (const [line, number] of text.split('\n').map((line, i) => [line, i + 1])) {
      if (/(^|[\s`(/])(\.\.\/)*shared\/(spec|guides)\b|\/work\//.test(line))
        problems.push(`${name}:${number}: ${line}`);
      for (const [, target] of line.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(dirname(file), target))) problems.push(`${name}:${number}: broken link ${target}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
