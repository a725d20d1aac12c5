// Northwind's own page script (an external module: the page CSP allows no inline script).
// It only listens to what the CustomerConnect SDK reports; it never calls the API itself.
//
// #cc-status (the line under the site header) sums up every <cc-provider> on the page:
// connected when all are, the first error otherwise. A provider with a `data-status`
// attribute also reports to the element with that id (the theming page has one per panel).

const SDK_TIMEOUT_MS = 10000;

/** @param {HTMLElement | null} region @param {'loading' | 'ready' | 'error'} state @param {string} text */
function show(region, state, text) {
  if (!region) return;
  region.dataset.state = state;
  region.textContent = text;
}

const summary = document.getElementById('cc-status');
const providers = [...document.querySelectorAll('cc-provider')];
/** @type {Map<Element, {state: 'loading' | 'ready' | 'error', text: string}>} */
const states = new Map();

function merchantName(provider) {
  // cc-ready's detail is empty; the provider exposes what it provides as `context`.
  return provider.context?.config?.merchant?.name;
}

function report(provider, state, text) {
  states.set(provider, { state, text });
  const own = provider.dataset.status && document.getElementById(provider.dataset.status);
  if (own) show(own, state, text);
  const all = [...states.values()];
  const failed = all.find((s) => s.state === 'error');
  if (failed) show(summary, 'error', failed.text);
  else if (all.length === providers.length && all.every((s) => s.state === 'ready')) show(summary, 'ready', text);
  else show(summary, 'loading', 'Connecting to CustomerConnect…');
}

function showReady(provider) {
  const name = merchantName(provider);
  report(provider, 'ready', name ? `Connected to CustomerConnect as ${name}.` : 'Connected to CustomerConnect.');
  fillTokenReadouts(provider);
}

function showError(provider, detail) {
  const code = detail?.code ? ` (${detail.code})` : '';
  const message = detail?.message || 'Unknown error.';
  report(provider, 'error', `CustomerConnect could not connect: ${message}${code}`);
}

/**
 * The theming page prints the value of a public --cc-* property as seen inside a provider
 * (`<code data-cc-token="--cc-color-primary">`), once the provider has applied the merchant's
 * theme hints.
 */
function fillTokenReadouts(provider) {
  for (const readout of provider.querySelectorAll('[data-cc-token]')) {
    const value = getComputedStyle(readout).getPropertyValue(readout.dataset.ccToken).trim();
    readout.textContent = value || 'not set';
  }
}

function watch(provider) {
  provider.addEventListener('cc-ready', (event) => {
    // Elements inside the provider fire their own cc-ready, which bubbles through here.
    if (event.target === provider) showReady(provider);
  });
  provider.addEventListener('cc-error', (event) => {
    if (event.target === provider) showError(provider, event.detail);
  });
  // In case the provider finished before this script ran.
  const status = provider.context?.status;
  if (status === 'ready') showReady(provider);
  else if (status === 'error') showError(provider, provider.context.error);
}

for (const provider of providers) {
  const own = provider.dataset.status && document.getElementById(provider.dataset.status);
  if (own) show(own, 'loading', 'Connecting to CustomerConnect…');
  watch(provider);
}

if (providers.length > 0) {
  if (states.size === 0) show(summary, 'loading', 'Connecting to CustomerConnect…');
  const timer = setTimeout(() => {
    for (const provider of providers) {
      if (!states.has(provider)) report(provider, 'error', 'CustomerConnect could not connect: the SDK script did not load.');
    }
  }, SDK_TIMEOUT_MS);
  customElements.whenDefined('cc-provider').then(() => clearTimeout(timer));
} else {
  show(summary, 'ready', '');
}
