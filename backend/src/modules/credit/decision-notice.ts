import { formatMinor } from '../../common/money.js';
import type { Contact } from '../contacts/contact.entity.js';
import type { Merchant } from '../merchants/merchant.entity.js';
import type { TermsOffer } from '../terms/terms-offer.entity.js';
import type { CreditApplication } from './credit-application.entity.js';

/** The plain-text notice of a credit decision for a contact the merchant already had. */
export function decisionNotice(app: CreditApplication, contact: Contact, merchant: Merchant, offer: TermsOffer | null) {
  const approved = app.status === 'approved';
  const lines = [
    `Hello ${contact.name ?? contact.companyName},`,
    '',
    approved
      ? `${merchant.name} has approved ${contact.companyName} for trade credit.`
      : `${merchant.name} could not approve ${contact.companyName} for trade credit at this time.`,
  ];
  if (offer) lines.push('', `Your offer: net ${offer.netDays} days, credit limit ${formatMinor(offer.creditLimit, offer.currency)}. It is open for 30 days.`);
  if (!approved) lines.push('', ...app.reasons.map((r) => `- ${r.description}`));
  lines.push('', `Questions? Reply to this email to reach ${merchant.name}.`);
  return {
    to: contact.email,
    replyTo: merchant.settings.notificationEmail,
    subject: approved ? `${merchant.name}: your trade credit is approved` : `${merchant.name}: your trade credit application`,
    text: lines.join('\n'),
  };
}
