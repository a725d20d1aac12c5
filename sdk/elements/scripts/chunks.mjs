/**
 * How cc-sdk.js's chunks are cut (rollup `manualChunks`). Many small chunks compress worse than
 * a few larger ones, so a page gets at most:
 * - `core`: Lit and @lit/context, the internals every element uses (and the provider, which
 *   every element loads first), plus the few internals the credit application shares with the
 *   wallet. Lit is not a chunk of its own: every page needs both, and in Chromium each script
 *   costs about 1.1 KB of response headers on top of its body;
 * - `wallet-core`: the internals the wallet and its parts (dispute form, payment method form,
 *   payment request) share;
 * - one chunk per element (`cc-credit-app`, …), with the parts only it uses;
 * - `<element>-parts`: a component's parts another element uses without defining that component
 *   (the terms panel of `<cc-terms-offer>` inside `<cc-credit-app>`);
 * - the loader (cc-sdk.js) keeps what it imports statically (the script's origin as api-base);
 * - one chunk per locale's message tables other than English (loaded for that language only).
 */
const DEFINE = /\/src\/define\/(cc-[a-z-]+)\.ts$/;
const COMPONENT = /\/src\/components\/([a-z-]+)\//;
// A language other than English: its own chunk (messages/locale-es.ts and the area tables it gathers).
const LOCALE_TABLE = /\/src\/internal\/messages\/(?:locale-|wallet-|api-errors-)?(?!en\.)[a-z]{2}\.ts$/;

export function manualChunks(id, { getModuleIds, getModuleInfo }) {
  const graph = (manualChunks.graph ??= closures(getModuleIds, getModuleInfo));
  if (id.includes('/node_modules/')) return 'core';
  if (graph.loader.has(id)) return 'loader';
  if (LOCALE_TABLE.test(id)) return undefined;
  const users = [...graph.entries.keys()].filter((entry) => graph.entries.get(entry).has(id));
  if (users.length === 0) return undefined;
  if (users.length === 1) return users[0];
  if (users.length === graph.entries.size) return 'core';
  const own = DEFINE.exec(id)?.[1] ?? (COMPONENT.exec(id) ? `cc-${COMPONENT.exec(id)[1]}` : null);
  if (own && users.every((user) => graph.loads(user, own))) return own;
  if (users.every((user) => graph.loads('cc-wallet', user))) return 'wallet-core';
  return own ? `${own}-parts` : 'core';
}

/** For each element (`cc-wallet`, …) and the loader: every module it loads statically. */
function closures(getModuleIds, getModuleInfo) {
  const staticClosure = (id) => {
    const seen = new Set();
    const stack = [id];
    while (stack.length) {
      const next = stack.pop();
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(getModuleInfo(next)?.importedIds ?? []));
    }
    return seen;
  };
  const entries = new Map();
  let loader = new Set();
  for (const id of getModuleIds()) {
    const tag = DEFINE.exec(id)?.[1];
    if (tag) entries.set(tag, staticClosure(id));
    else if (id.endsWith('/src/cc-sdk.ts')) loader = staticClosure(id);
  }
  const defineOf = (tag) => [...entries.get(tag)].find((m) => DEFINE.exec(m)?.[1] === tag);
  return { entries, loader, loads: (user, tag) => entries.has(tag) && entries.get(user).has(defineOf(tag)) };
}
