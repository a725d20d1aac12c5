// The demo mailbox page (/mailbox): lists what the backend's development mailbox holds
// (GET /dev/mailbox, newest first), filtered by recipient, with each notice's plain-text
// body shown as text and its links made clickable. The mail's HTML part is never put in the
// page. "Refresh" runs the worker once (POST /dev/jobs/run) so the outbox is sent, then
// reads the mailbox again. An external module: the page CSP allows no inline script.

const list = document.getElementById('mailbox-list');
const status = document.getElementById('mailbox-status');
const select = document.getElementById('mailbox-to');
const refresh = document.getElementById('mailbox-refresh');
const form = document.getElementById('mailbox-form');

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** @type {Array<{to: string, subject: string, text: string, from?: string, replyTo?: string, messageId?: string, sentAt: string}>} */
let messages = [];
let busy = false;

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

/** Appends `text` to `parent`, turning every http(s) URL into a link (text nodes only). */
function appendLinkified(parent, text) {
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:)]+$/, '');
    parent.append(text.slice(last, match.index));
    const link = document.createElement('a');
    link.href = url;
    link.textContent = url;
    if (/[#?&]cc_token=/.test(url)) link.className = 'wallet-link';
    parent.append(link);
    last = match.index + url.length;
  }
  parent.append(text.slice(last));
}

function metaRow(dl, term, value) {
  if (!value) return;
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  if (value instanceof Node) dd.append(value);
  else dd.textContent = value;
  dl.append(dt, dd);
}

function renderMessage(message, index) {
  const item = document.createElement('li');
  const article = document.createElement('article');
  article.className = 'mail';
  article.dataset.to = message.to;
  const titleId = `mail-${index}-subject`;
  article.setAttribute('aria-labelledby', titleId);
  const title = document.createElement('h3');
  title.id = titleId;
  title.textContent = message.subject;
  const meta = document.createElement('dl');
  meta.className = 'mail-meta';
  metaRow(meta, 'To', message.to);
  metaRow(meta, 'From', message.from);
  metaRow(meta, 'Reply-To', message.replyTo);
  const time = document.createElement('time');
  time.dateTime = message.sentAt;
  time.textContent = timeFormat.format(new Date(message.sentAt));
  metaRow(meta, 'Sent', time);
  const body = document.createElement('pre');
  body.className = 'mail-body';
  appendLinkified(body, message.text ?? '');
  article.append(title, meta, body);
  item.append(article);
  return item;
}

function render() {
  const to = select.value;
  const shown = to ? messages.filter((m) => m.to.toLowerCase() === to.toLowerCase()) : messages;
  list.replaceChildren(...shown.map(renderMessage));
  const who = to ? ` to ${to}` : '';
  const checked = timeFormat.format(new Date());
  setStatus(
    'ready',
    shown.length === 0
      ? `No notices${who} yet (checked ${checked}). Press Refresh to send what is waiting.`
      : `${shown.length} ${shown.length === 1 ? 'notice' : 'notices'}${who}, newest first (checked ${checked}).`,
  );
}

async function load({ runJobs = false } = {}) {
  if (busy) return;
  busy = true;
  refresh.setAttribute('aria-disabled', 'true');
  setStatus('loading', runJobs ? 'Sending what is waiting, then reading the mailbox…' : 'Loading the mailbox…');
  try {
    if (runJobs) {
      const ran = await fetch('/dev/jobs/run', { method: 'POST' });
      // Read the answer to the end: the run is over only then (and leaving the page before
      // would abort the request).
      await ran.text();
      if (!ran.ok) throw new Error(`the worker run answered ${ran.status}`);
    }
    const res = await fetch('/dev/mailbox');
    if (res.status === 404) throw new Error('there is no development mailbox on this server (production mode)');
    if (!res.ok) throw new Error(`GET /dev/mailbox answered ${res.status}`);
    messages = (await res.json()).data;
    render();
  } catch (error) {
    setStatus('error', `The mailbox could not be read: ${error.message}.`);
  } finally {
    busy = false;
    refresh.removeAttribute('aria-disabled');
  }
}

// ?to=ap@harbor-fab.example preselects a recipient (the account page links that way).
const wanted = new URL(location.href).searchParams.get('to');
if (wanted) {
  if (![...select.options].some((o) => o.value === wanted)) select.add(new Option(wanted, wanted));
  select.value = wanted;
}

select.addEventListener('change', () => {
  const url = new URL(location.href);
  if (select.value) url.searchParams.set('to', select.value);
  else url.searchParams.delete('to');
  history.replaceState(null, '', url);
  render();
});
refresh.addEventListener('click', () => load({ runJobs: true }));
form.addEventListener('submit', (event) => event.preventDefault());

load();
