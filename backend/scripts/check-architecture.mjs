#!/usr/bin/env node
/**
 * The backend's shape, checked: no folder imports a folder that imports it back (directly or round a
 * longer loop), no file imports itself round a loop, `platform/**` imports nothing from `domain/**`, and
 * every domain folder has a `*.module.ts`. Relative imports only (packages cannot loop back into us);
 * `import type` counts too: a type-only loop is still a tangle for the reader.
 *
 * Usage: node backend/scripts/check-architecture.mjs [root…]   (default: backend/src and bench)
 * Exits 1 and names every loop and every offending import. Also imported by backend/test/architecture.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = /\.(ts|mts|js|mjs)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });

const resolveImport = (from, spec) => {
  const base = resolve(dirname(from), spec);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.mjs$/, '.mts'),
    `${base}.ts`,
    join(base, 'index.ts'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
};

/** The folder a file belongs to: `domain/<name>` and `platform/<name>` are rooms; elsewhere the top folder. */
export const folderOf = (root, file) => {
  const parts = relative(root, file).split(sep);
  if ((parts[0] === 'domain' || parts[0] === 'platform') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts.length > 1 ? parts[0] : '.';
};

/** Strongly connected components with more than one node (Tarjan). */
const loops = (graph) => {
  let index = 0;
  const idx = new Map(),
    low = new Map(),
    stack = [],
    on = new Set(),
    out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
};

export function checkArchitecture(roots = [join(REPO, 'backend', 'src'), join(REPO, 'bench')]) {
  const problems = [];
  for (const root of roots) {
    const files = walk(root);
    const fileGraph = new Map(),
      folderGraph = new Map(),
      edges = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const targets = new Set();
      for (const m of text.matchAll(IMPORT)) {
        const target = resolveImport(file, m[1]);
        if (!target || !target.startsWith(root + sep)) continue;
        targets.add(target);
        edges.push([file, target]);
      }
      fileGraph.set(file, targets);
    }
    for (const [from, to] of edges) {
      const a = folderOf(root, from),
        b = folderOf(root, to);
      if (a === b) continue;
      if (!folderGraph.has(a)) folderGraph.set(a, new Set());
      folderGraph.get(a).add(b);
      if (a.startsWith('platform/') && b.startsWith('domain/'))
        problems.push(`platform imports domain: ${relative(REPO, from)} → ${relative(REPO, to)}`);
    }
    const rel = (f) => relative(REPO, f);
    for (const c of loops(folderGraph)) {
      const witness = edges
        .filter(
          ([f, t]) =>
            c.includes(folderOf(root, f)) && c.includes(folderOf(root, t)) && folderOf(root, f) !== folderOf(root, t),
        )
        .map(([f, t]) => `    ${rel(f)} → ${rel(t)}`);
      problems.push(`folder loop in ${rel(root)}: ${c.join(', ')}\n${witness.join('\n')}`);
    }
    for (const c of loops(fileGraph)) problems.push(`file loop in ${rel(root)}: ${c.map(rel).join(', ')}`);
    const domain = join(root, 'domain');
    if (existsSync(domain))
      for (const d of readdirSync(domain, { withFileTypes: true }))
        if (d.isDirectory() && !readdirSync(join(domain, d.name)).some((f) => f.endsWith('.module.ts')))
          problems.push(`domain folder without a module: ${rel(join(domain, d.name))}`);
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).map((a) => resolve(a));
  const problems = checkArchitecture(args.length ? args : undefined);
  for (const p of problems) console.error(p);
  if (problems.length) {
    console.error(`\n${problems.length} architecture problem(s)`);
    process.exit(1);
  }
  console.log('architecture: no folder or file loops, platform knows no domain, every domain folder has a module');
}
