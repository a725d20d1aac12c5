/**
 * How cc-sdk.js's chunks are cut (rollup `manualChunks`). Each script costs its response headers
 * and starts Brotli's context afresh, so a page gets few, larger scripts, and never code of an
 * element family it does not use:
 * - `core`: Lit and @lit/context, the internals every element uses (and the provider, which
 *   every element loads first), plus the few internals the credit application shares with the
 *   wallet;
 * - `cc-wallet`: the wallet family, one script: `<cc-wallet>` and the elements it embeds (dispute
 *   form, payment method form, payment request), their shared internals and English texts. The
 *   wallet loads all of them anyway; a page with only one of them loads the family's script too;
 * - one chunk per other element (`cc-credit-app`, `cc-terms-offer`), with the parts only it uses;
 * - a component's parts that one other element shows without defining the component (the terms
 *   panel of `<cc-terms-offer>` inside `<cc-credit-app>`) go in that element's chunk: the credit
 *   page gets one script less, and a page with `<cc-terms-offer>` alone loads the credit
 *   application's chunk with it; parts several elements share that way: `<element>-parts`;
 * - what an element needs only once used (its submit code, a signed-in customer's views, an offer's
 *   panel) is imported with `import()` where it is used: rollup gives it chunks of its own, which
 *   the first render never fetches; a module one family's first render needs and another family's
 *   later code uses too goes to `core`, or to `shared` when it is the wallet family's (its first
 *   load fetches `shared`, the credit application only on submit);
 * - the loader (cc-sdk.js) keeps what it imports statically (the script's origin as api-base);
 * - one chunk per language other than English and area (`es`, `wallet-es`, `decision-es`, …: loaded
 *   for that language only, the wallet's only with the wallet family, the signed-in wallet's
 *   (`account-es`) only with a customer session, the decision's only with the code that shows a
 *   decision or an offer).
 */
const DEFINE = /\/src\/define\/(cc-[a-z-]+)\.ts$/;
const COMPONENT = /\/src\/components\/([a-z-]+)\//;
// A language other than English: its own chunk (messages/locale-es.ts and the area tables it gathers).
const LOCALE_TABLE =
  /\/src\/internal\/messages\/(?:locale-|wallet-|account-|decision-|api-errors-)?(?!en\.)[a-z]{2}\.ts$/;

export function manualChunks(id, { getModuleIds, getModuleInfo }) {
  const graph = (manualChunks.graph ??= closures(getModuleIds, getModuleInfo));
  if (id.includes('/node_modules/')) return 'core';
  if (graph.loader.has(id)) return 'loader';
  if (LOCALE_TABLE.test(id)) return undefined;
  const users = [...graph.entries.keys()].filter((entry) => graph.entries.get(entry).has(id));
  // The wallet and every element it embeds: one family, one script.
  const family = (tag) => (graph.loads('cc-wallet', tag) ? 'cc-wallet' : tag);
  if (users.length === 0) {
    // No first render needs it. The wallet family's signed-in code (views, forms, their texts) is
    // one script too, fetched with the first read; what that code shares with other families' later
    // code (the retry key, money formatting) is `later`; the rest: chunks rollup cuts by user.
    const owners = new Set(graph.lazyOwners(id).map(family));
    if (!owners.has('cc-wallet')) return undefined;
    if (owners.size === 1) return 'cc-wallet-signed-in';
    return graph.lazyRoot(id) ? undefined : 'later';
  }
  if (users.length === graph.entries.size) return 'core';
  const families = new Set(users.map(family));
  // One family's first render, but also code another family loads later (on a submit, with data):
  // never in that family's chunk (the other family's later code would pull the whole of it in).
  // The wallet family's go to `shared` (its first load fetches it; the credit application's
  // submit code later), so the one-widget credit page stays small; the others' to `core`.
  if (families.size === 1 && graph.lazyOwners(id).some((tag) => family(tag) !== [...families][0]))
    return families.has('cc-wallet') ? 'shared' : 'core';
  if (families.size === 1) return [...families][0];
  const own = DEFINE.exec(id)?.[1] ?? (COMPONENT.exec(id) ? `cc-${COMPONENT.exec(id)[1]}` : null);
  if (own && users.every((user) => graph.loads(user, own))) return family(own);
  // A component's parts one other element shows without defining the component (the terms panel
  // in <cc-credit-app>): in that element's script, which the component's own imports.
  const embedders = users.filter((user) => user !== own);
  if (own && embedders.length === 1) return family(embedders[0]);
  return own ? `${own}-parts` : 'core';
}

/**
 * For each element (`cc-wallet`, …) and the loader: every module it loads statically; and for a
 * module, the elements whose code imports it later (`import()` of a component's or internal module).
 */
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
  // Modules imported with import() by an element's code (not the loader's, not a language's texts).
  const lazyRoots = new Map();
  for (const id of getModuleIds()) {
    const info = getModuleInfo(id);
    if (DEFINE.test(id) || LOCALE_TABLE.test(id) || !info?.dynamicImporters.length) continue;
    if (info.dynamicImporters.every((importer) => importer.endsWith('/src/loader.ts'))) continue;
    lazyRoots.set(id, { closure: staticClosure(id), importers: info.dynamicImporters });
  }
  const staticUsers = (id) => [...entries.keys()].filter((tag) => entries.get(tag).has(id));
  // The elements that import `root` later: those that load its importer statically, or import it later.
  const ownersOf = (root, seen = new Set()) => {
    if (seen.has(root)) return [];
    seen.add(root);
    return lazyRoots.get(root).importers.flatMap((importer) => {
      const users = staticUsers(importer);
      if (users.length) return users;
      return [...lazyRoots].filter(([, r]) => r.closure.has(importer)).flatMap(([other]) => ownersOf(other, seen));
    });
  };
  const lazyOwners = (id) =>
    [...lazyRoots].filter(([, root]) => root.closure.has(id)).flatMap(([root]) => ownersOf(root));
  return {
    entries,
    loader,
    loads: (user, tag) => entries.has(tag) && entries.get(user).has(defineOf(tag)),
    lazyOwners,
    lazyRoot: (id) => lazyRoots.has(id),
  };
}
