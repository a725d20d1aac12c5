import { html, nothing, type TemplateResult } from 'lit';
import type { CreditApplication, CreditReason } from '../../internal/customer-api.js';
import type { Messages } from '../../internal/messages.js';

export interface DecisionView {
  application: CreditApplication;
  m: Messages;
  merchant: string;
  /** The applicant's email, where the decision goes when this page cannot show it. */
  email: string;
  /** False when the answer had no customer session (the email was already known) or it ran out. */
  live: boolean;
  /** An offer follows inline. */
  offerFollows: boolean;
}

/** The reason's description, else its code made readable (`years_in_business` → `Years in business`). */
function reasonText(reason: CreditReason | string): string {
  if (typeof reason !== 'string' && reason.description) return reason.description;
  const code = typeof reason === 'string' ? reason : reason.code;
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function details(application: CreditApplication, m: Messages, withReasons: boolean): TemplateResult | typeof nothing {
  if (application.score === null && (!withReasons || application.reasons.length === 0)) return nothing;
  return html`<details>
    <summary>${m.decision.details}</summary>
    ${application.score === null ? nothing : html`<p>${m.decision.score(application.score)}</p>`}
    ${withReasons ? reasons(application, m) : nothing}
  </details>`;
}

function reasons(application: CreditApplication, m: Messages): TemplateResult | typeof nothing {
  if (application.reasons.length === 0) return nothing;
  return html`<p class="reasons-title">${m.decision.reasons}</p>
    <ul class="reasons">
      ${application.reasons.map((reason) => html`<li>${reasonText(reason)}</li>`)}
    </ul>`;
}

/** The decision in words a business owner understands; its heading takes focus when it appears. */
export function renderDecision(view: DecisionView): TemplateResult {
  const { application, m, merchant, email, live } = view;
  const d = m.decision;
  let title: string;
  let body: TemplateResult;
  switch (application.status) {
    case 'approved':
      title = d.approvedTitle(merchant);
      body = html`<p>${d.approvedBody}${view.offerFollows ? html` ${d.approvedWithTerms}` : nothing}</p>
        ${live ? nothing : html`<p>${d.emailed(email)}</p>`} ${details(application, m, true)}`;
      break;
    case 'declined':
      title = d.declinedTitle;
      body = html`<p>${d.declinedBody(merchant)}</p>
        ${reasons(application, m)} ${live ? nothing : html`<p>${d.emailed(email)}</p>`} ${details(application, m, false)}`;
      break;
    default:
      title = d.pendingTitle;
      body = html`<p>${d.pendingBody} ${live ? d.pendingLive : d.pendingEmailed(email)}</p>`;
  }
  return html`<div part="status" class="decision ${application.status}" data-status=${application.status}>
    <h3 id="decision-title" tabindex="-1">${title}</h3>
    ${body}
  </div>`;
}
