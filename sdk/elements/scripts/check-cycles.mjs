#!/usr/bin/env node
// Fails on any import cycle among the TypeScript files of the given source folders, and on any
// cycle between their folders (a folder imports another that imports it back, directly or through
// others). Type-only imports count: they tie the folders together just the same. Tests (*.test.ts)
// are left out: nothing imports them, and one may well reach across folders to test them together.
// Usage: node check-cycles.mjs <src dir> [<src dir> ...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** The file a relative specifier names (`./x.js` is written for `./x.ts`), or undefined. */
function target(from, spec, known) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

/** Strongly connected components with more than one node, or a node importing itself (Tarjan). */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const found = [];
  const visit = (node) => {
    state.set(node, { index, low: index, onStack: true });
    index++;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!state.has(next)) {
        visit(next);
        state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
      } else if (state.get(next).onStack) {
        state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
      }
    }
    if (state.get(node).low === state.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

let failed = false;
for (const root of process.argv.slice(2).map((dir) => resolve(dir))) {
  const files = filesUnder(root);
  const known = new Set(files);
  const fileGraph = new Map();
  const folderGraph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const edges = new Set();
    for (const match of text.matchAll(importPattern)) {
      const to = target(file, match[1] ?? match[2] ?? match[3], known);
      if (!to) continue;
      edges.add(to);
      const [a, b] = [dirname(file), dirname(to)];
      if (a !== b) {
        if (!folderGraph.has(a)) folderGraph.set(a, new Set());
        folderGraph.get(a).add(b);
      }
    }
    fileGraph.set(file, edges);
  }
  const name = (path) => relative(root, path) || '.';
  for (const component of cycles(fileGraph)) {
    failed = true;
    console.error(`${relative(process.cwd(), root)}: file import cycle: ${component.map(name).join(' <-> ')}`);
  }
  for (const component of cycles(folderGraph)) {
    failed = true;
    console.error(`${relative(process.cwd(), root)}: folders import each other: ${component.map(name).join(' <-> ')}`);
  }
  if (!failed)
    console.log(`${relative(process.cwd(), root) || root}: no file or folder import cycle among ${files.length} files`);
}
process.exit(failed ? 1 : 0);
