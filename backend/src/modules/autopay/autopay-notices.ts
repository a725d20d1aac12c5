import { formatMinor } from '../../common/money.js';
import type { Contact } from '../contacts/contact.entity.js';
import type { Invoice } from '../invoices/invoice.entity.js';
import type { Merchant } from '../merchants/merchant.entity.js';

/** What one notice needs; mails go out through the outbox (topic `mail`) in the transaction that decided them. */
export interface NoticeContext {
  merchant: Merchant;
  contact: Contact;
  invoice: Invoice;
  /** Where the contact manages payment methods and pays: the merchant's walletUrl, else the hosted wallet. */
  walletUrl: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const greeting = (c: Contact) => `Hello ${c.name ?? c.companyName},`;

function toContact({ merchant, contact }: NoticeContext, subject: string, lines: string[]) {
  return {
    to: contact.email, replyTo: merchant.settings.notificationEmail, fromName: merchant.name, subject: `${merchant.name}: ${subject}`,
    text: [greeting(contact), '', ...lines, '', `Questions? Reply to this email to reach ${merchant.name}.`].join('\n'),
  };
}

/** The invoice fell due and the contact has no default payment method: ask for one; the invoice waits. */
export function noMethodNotice(ctx: NoticeContext) {
  const { invoice, walletUrl } = ctx;
  return toContact(ctx, `add a payment method to pay invoice ${invoice.number}`, [
    `Invoice ${invoice.number} for ${formatMinor(invoice.balance, invoice.currency)} is due on ${invoice.dueDate} and is set to be paid automatically,`,
    'but there is no default payment method on file.',
    '',
    `Add one in your wallet and it will be charged automatically: ${walletUrl}`,
  ]);
}

/** An automated charge failed: to the merchant's notification address, with the next attempt or the end of trying. */
export function failedNoticeToMerchant({ merchant, contact, invoice }: NoticeContext, failure: string, attempts: number, nextAttemptAt: Date | null) {
  return {
    to: merchant.settings.notificationEmail,
    subject: `Automatic payment failed: invoice ${invoice.number} (${contact.companyName})`,
    text: [
      `The automatic payment of invoice ${invoice.number} for ${formatMinor(invoice.balance, invoice.currency)} from ${contact.companyName} (${contact.email}) failed: ${failure}.`,
      `Attempts so far: ${attempts}.`,
      nextAttemptAt ? `Next attempt: ${day(nextAttemptAt)}. The customer has been asked to update their payment method.` : 'No more attempts will be made; the invoice stays open for the customer to pay.',
    ].join('\n'),
  };
}
