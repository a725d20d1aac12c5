// The lazy loader of cc-sdk.js: registers nothing up front; the first time a page (or any
// shadow root in it) holds an undefined CustomerConnect tag, it imports that element's chunk,
// which defines the real class (and, before it, <cc-provider>: every define file imports the
// provider's first, so a consumer never upgrades without its context provider).

/** Every tag and the module that defines it (relative imports: a release is one folder). */
const modules: Record<string, () => Promise<unknown>> = {
  'cc-provider': () => import('./define/cc-provider.js'),
  'cc-credit-app': () => import('./define/cc-credit-app.js'),
  'cc-terms-offer': () => import('./define/cc-terms-offer.js'),
  'cc-dispute-form': () => import('./define/cc-dispute-form.js'),
  'cc-payment-method-form': () => import('./define/cc-payment-method-form.js'),
  'cc-payment-request': () => import('./define/cc-payment-request.js'),
  'cc-wallet': () => import('./define/cc-wallet.js'),
};
const tags = Object.keys(modules);
const selector = tags.join(',');
const loading = new Map<string, Promise<void>>();

/** Loads and defines these elements (every one when none is named); resolves once they are defined. */
export function load(...wanted: string[]): Promise<void> {
  const names = wanted.length ? wanted : tags;
  return Promise.all(
    names.map((tag) => {
      const importer = modules[tag.toLowerCase()];
      if (!importer) return Promise.reject(new Error(`ccSdk.load: <${tag}> is not a CustomerConnect element`));
      let done = loading.get(tag);
      if (!done) {
        done = importer().then(() => customElements.whenDefined(tag).then(() => undefined));
        loading.set(tag, done);
        done.catch(() => loading.delete(tag)); // a failed download is retried the next time
      }
      return done;
    }),
  ).then(() => undefined);
}

/** Loads what `root` uses, and watches it (and the open shadow roots inside) from now on. */
function scan(root: ParentNode): void {
  const found = new Set<string>();
  if (root instanceof Element && modules[root.localName]) found.add(root.localName);
  for (const el of root.querySelectorAll(selector)) found.add(el.localName);
  for (const tag of found) if (!customElements.get(tag)) void load(tag).catch(() => undefined);
}

const watched = new WeakSet<Node>();
const observer = new MutationObserver((records) => {
  for (const record of records)
    for (const node of record.addedNodes) if (node instanceof Element || node instanceof DocumentFragment) scan(node);
});

function watch(root: Document | ShadowRoot): void {
  if (watched.has(root)) return;
  watched.add(root);
  observer.observe(root, { childList: true, subtree: true });
  scan(root);
  // Shadow roots already attached when the SDK arrived (hosts defined before it).
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) watch(el.shadowRoot);
}

/** Hosts that attach a shadow root later (any framework's components): watch it too, open or closed. */
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attachShadow.call(this, init);
  watch(root);
  return root;
};

declare global {
  var ccSdk: { load: typeof load; tags: readonly string[] } | undefined;
}
globalThis.ccSdk ??= { load, tags };
watch(document);
