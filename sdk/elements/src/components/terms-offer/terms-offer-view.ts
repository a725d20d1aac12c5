import { html, nothing, type TemplateResult } from 'lit';
import type { TermsOffer } from '../../internal/customer-api.js';
import type { Messages } from '../../internal/messages.js';
import { formatMoney } from '../../internal/money-format.js';

export interface TermsView {
  offer: TermsOffer;
  m: Messages;
  locale: string;
  /** False when the net days are a choice in the form instead (flexible policy). */
  showNetDays: boolean;
  /** The expiry matters only while the offer is open. */
  showExpiry: boolean;
}

/** The net days in force: the customer's choice once accepted, else the offered ones. */
export const netDaysOf = (offer: TermsOffer): number =>
  offer.status === 'accepted' ? (offer.acceptedNetDays ?? offer.netDays) : offer.netDays;

/** "US dollar (USD)" in the locale; the code alone when Intl has no name for it. */
export function currencyName(code: string, locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' }).of(code);
  return name && name !== code ? `${name} (${code})` : code;
}

/** The offer's terms as label and value pairs. */
export function renderTerms({ offer, m, locale, showNetDays, showExpiry }: TermsView): TemplateResult {
  const row = (label: string, value: unknown, part?: string) =>
    html`<div><dt>${label}</dt>${part ? html`<dd part=${part}>${value}</dd>` : html`<dd>${value}</dd>`}</div>`;
  return html`<dl class="terms">
    ${showNetDays ? row(m.offer.netDays, m.offer.netDaysExplained(netDaysOf(offer))) : nothing}
    ${row(m.offer.creditLimit, formatMoney(offer.creditLimit, offer.currency, locale), 'amount')}
    ${row(m.offer.currency, currencyName(offer.currency, locale))}
    ${
      showExpiry && offer.expiresAt
        ? row(m.offer.expires, new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(offer.expiresAt)))
        : nothing
    }
  </dl>`;
}

/** What became of the offer: the customer's answer here, or its status when it was no longer open. */
export function renderOutcome(
  offer: TermsOffer,
  outcome: 'accepted' | 'declined' | undefined,
  m: Messages,
  merchant: string,
  locale: string,
) {
  let text = m.offer.status[offer.status];
  if (outcome === 'accepted')
    text = m.offer.accepted(netDaysOf(offer), formatMoney(offer.creditLimit, offer.currency, locale), merchant);
  if (outcome === 'declined') text = m.offer.declined(merchant);
  return text ? html`<p part="status" class="outcome" id="offer-outcome" tabindex="-1">${text}</p>` : nothing;
}
