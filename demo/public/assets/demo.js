// Northwind's own page script (an external module: the page CSP allows no inline script).
// It only listens to what the CustomerConnect SDK reports; it never calls the API itself.
//
// 1. The shared header (partials/header.html) cannot know which page it is on, so the nav
//    link for this page gets aria-current="page" here.
// 2. #cc-status (the line under the site header) sums up every <cc-provider> on the page,
//    including providers added later (the React page renders its own): connected when all
//    are, the first error otherwise. A provider with a `data-status` attribute also reports
//    to the element with that id (the theming page has one per panel).
// 3. #cc-event-log (the "What this page receives" panel) lists the widgets' events.

const SDK_TIMEOUT_MS = 10000;
const CONNECTING = 'Connecting to CustomerConnect…';

// 1. The current page in the main navigation ----------------------------------------------

/** `/apply.html` and `/apply` are one page, `/index.html` and `/` another. */
function pagePath(pathname) {
  const path = pathname
    .replace(/\.html$/, '')
    .replace(/\/index$/, '/')
    .replace(/(.)\/$/, '$1');
  return path || '/';
}

function markCurrentPage() {
  const here = pagePath(location.pathname);
  for (const link of document.querySelectorAll('.site-nav a[href]')) {
    const url = new URL(link.href);
    const current = url.origin === location.origin && !url.hash && pagePath(url.pathname) === here;
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

markCurrentPage();

// 2. Connection status ---------------------------------------------------------------------

/** @param {HTMLElement | null} region @param {'loading' | 'ready' | 'error'} state @param {string} text */
function show(region, state, text) {
  if (!region) return;
  region.dataset.state = state;
  region.textContent = text;
}

const summary = document.getElementById('cc-status');
/** @type {Map<Element, {state: 'loading' | 'ready' | 'error', text: string}>} */
const states = new Map();
const providers = () => [...document.querySelectorAll('cc-provider')];
const ownRegion = (provider) => (provider.dataset.status ? document.getElementById(provider.dataset.status) : null);

function updateSummary() {
  const all = providers().map((provider) => states.get(provider));
  const failed = all.find((s) => s?.state === 'error');
  if (failed) show(summary, 'error', failed.text);
  else if (all.length > 0 && all.every((s) => s?.state === 'ready')) show(summary, 'ready', all[0].text);
  else show(summary, 'loading', CONNECTING);
}

function report(provider, state, text) {
  states.set(provider, { state, text });
  show(ownRegion(provider), state, text);
  updateSummary();
}

/** @param {Element} provider @param {{ merchant?: { name?: string } } | undefined} config */
function showReady(provider, config) {
  const name = config?.merchant?.name;
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

const isProvider = (target) => target instanceof Element && target.localName === 'cc-provider';

// Events are composed and bubble, so one listener on the document hears every provider, also
// those rendered after this script ran. A widget's own cc-error (a failed submit) is not a
// connection problem: the event log shows it instead.
document.addEventListener('cc-ready', (event) => {
  if (isProvider(event.target)) showReady(event.target, event.detail?.config);
});
document.addEventListener('cc-error', (event) => {
  if (isProvider(event.target)) showError(event.target, event.detail);
});

for (const provider of providers()) {
  show(ownRegion(provider), 'loading', CONNECTING);
  // In case the provider finished before this script ran.
  const context = provider.context;
  if (context?.status === 'ready') showReady(provider, context.config);
  else if (context?.status === 'error') showError(provider, context.error);
}
updateSummary();

const timer = setTimeout(() => {
  const waiting = providers().filter((provider) => !states.has(provider));
  for (const provider of waiting)
    report(provider, 'error', 'CustomerConnect could not connect: the SDK script did not load.');
  if (providers().length === 0)
    show(summary, 'error', 'CustomerConnect could not connect: the SDK script did not load.');
}, SDK_TIMEOUT_MS);
customElements.whenDefined('cc-provider').then(() => clearTimeout(timer));

// 3. What the page receives ------------------------------------------------------------------

const log = document.getElementById('cc-event-log');

/** Adds one line to the log: the event's name, then what it means. */
function logEvent(name, text) {
  if (!log) return;
  log.querySelector('.event-log-empty')?.remove();
  const line = document.createElement('p');
  const code = document.createElement('code');
  code.textContent = name;
  line.append(code, ' ', text);
  line.dataset.event = name;
  log.append(line);
}

const DECISION_WORDS = {
  approved: 'approved',
  declined: 'declined',
  pending: 'pending (waiting on the credit bureau)',
};

if (log) {
  document.addEventListener('cc-before-submit', (event) => {
    const mode = event.detail?.body?.mode;
    logEvent('cc-before-submit', `Application about to be sent${mode ? ` (mode ${mode})` : ''}`);
  });
  document.addEventListener('cc-credit-decision', (event) => {
    const { status, contactId } = event.detail;
    logEvent('cc-credit-decision', `Decision: ${DECISION_WORDS[status] ?? status} for ${contactId}`);
  });
  document.addEventListener('cc-terms-accepted', (event) => {
    logEvent('cc-terms-accepted', `Terms accepted (offer ${event.detail.offerId}, contact ${event.detail.contactId})`);
  });
  document.addEventListener('cc-terms-declined', (event) => {
    logEvent('cc-terms-declined', `Terms declined (offer ${event.detail.offerId}, contact ${event.detail.contactId})`);
  });
  document.addEventListener('cc-error', (event) => {
    if (isProvider(event.target)) return;
    logEvent('cc-error', `Error: ${event.detail?.message ?? 'unknown'} (${event.detail?.code ?? 'no code'})`);
  });
}
