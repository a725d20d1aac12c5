import { formatMinor } from '../../platform/money/money.js';
import type { Contact } from '../contacts/contact.entity.js';
import type { Invoice } from '../invoices/invoice.entity.js';
import type { Merchant } from '../merchants/merchant.entity.js';

/** What the merchant's failure notice needs; it goes out through the outbox (topic `mail`) in the transaction that decided it. */
export interface NoticeContext {
  merchant: Merchant;
  contact: Contact;
  invoice: Invoice;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
/** An automated charge failed: to the merchant's notification address, with the next attempt or the end of trying. */
export function failedNoticeToMerchant(
  { merchant, contact, invoice }: NoticeContext,
  failure: string,
  attempts: number,
  nextAttemptAt: Date | null,
) {
  return {
    to: merchant.settings.notificationEmail,
    subject: `Automatic payment failed: invoice ${invoice.number} (${contact.companyName})`,
    text: [
      `The automatic payment of invoice ${invoice.number} for ${formatMinor(invoice.balance, invoice.currency)} from ${contact.companyName} (${contact.email}) failed: ${failure}.`,
      `Attempts so far: ${attempts}.`,
      nextAttemptAt
        ? `Next attempt: ${day(nextAttemptAt)}. The customer has been asked to update their payment method.`
        : 'No more attempts will be made; the invoice stays open for the customer to pay.',
    ].join('\n'),
  };
}
