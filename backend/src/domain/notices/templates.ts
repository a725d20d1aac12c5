import { formatMinor } from '../../platform/money/money.js';
import type { NoticeTemplate } from './notice-message.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every merchant- and customer-supplied string goes through this before it reaches HTML. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface NoticeContext {
  merchantName: string;
  recipientName: string;
  companyName: string;
  /** The wallet link (contact notices) or the dashboard link (merchant notices). */
  link: string;
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

interface Parts {
  subject: string;
  lines: string[];
  action: string;
}

const money = (amount: number, currency: string) => formatMinor(amount, currency);

const PARTS: Record<NoticeTemplate, (c: NoticeContext) => Parts> = {
  wallet_link: (c) => ({
    subject: `Your account with ${c.merchantName}`,
    lines: [`Here is a fresh link to your account with ${c.merchantName}. It works for 30 days.`],
    action: 'Open your account',
  }),
  invoice_issued: ({ data: { invoice: i }, merchantName }) => ({
    subject: `Invoice ${i.number} from ${merchantName}`,
    lines: [`${merchantName} issued invoice ${i.number} for ${money(i.amount, i.currency)}, due ${i.dueDate}.`],
    action: 'View and pay the invoice',
  }),
  payment_request: ({ data: { paymentRequest: r }, merchantName }) => ({
    subject: `${merchantName} asks you to approve a payment`,
    lines: [
      `${merchantName} asks you to approve and pay ${money(r.amount, r.currency)}${r.memo ? ` (${r.memo})` : ''}.`,
    ],
    action: 'Review the request',
  }),
  payment_receipt: ({ data: { payment: p }, merchantName }) => ({
    subject: `Receipt: ${money(p.amount, p.currency)} paid to ${merchantName}`,
    lines: [`We received your payment of ${money(p.amount, p.currency)}. Thank you.`, `Payment reference: ${p.id}`],
    action: 'See your account',
  }),
  automatic_payment_failed: ({ data: { payment: p }, merchantName }) => ({
    subject: `Your automatic payment to ${merchantName} did not go through`,
    lines: [
      `We could not charge ${money(p.amount, p.currency)} to your payment method on file (${String(p.failureCode ?? 'declined').replace(/_/g, ' ')}).`,
      'We will try again; you can also pay now or change your payment method.',
    ],
    action: 'Update your payment method',
  }),
  payment_method_needed: ({ data: { invoice: i }, merchantName }) => ({
    subject: `Add a payment method to pay invoice ${i.number} to ${merchantName}`,
    lines: [
      `Invoice ${i.number} for ${money(i.balance, i.currency)} was due on ${i.dueDate} and is set to be paid automatically, but there is no default payment method on file.`,
      'Add one in your account and it will be charged automatically; you can also pay the invoice there now.',
    ],
    action: 'Add a payment method',
  }),
  terms_offered: ({ data: { termsOffer: o }, merchantName }) => ({
    subject: `${merchantName} offers you payment terms`,
    lines: [
      `${merchantName} offers net ${o.netDays} days with a credit limit of ${money(o.creditLimit, o.currency)}. The offer is open for 30 days.`,
    ],
    action: 'Review and sign',
  }),
  credit_decision: ({ data, merchantName, companyName }) => ({
    subject:
      data.status === 'approved'
        ? `${merchantName}: your trade credit is approved`
        : `${merchantName}: your trade credit application`,
    lines: [
      data.status === 'approved'
        ? `${merchantName} has approved ${companyName} for trade credit.`
        : `${merchantName} could not approve ${companyName} for trade credit at this time.`,
      ...(data.offer
        ? [
            `Your offer: net ${data.offer.netDays} days, credit limit ${money(data.offer.creditLimit, data.offer.currency)}. It is open for 30 days.`,
          ]
        : []),
      ...(data.status === 'approved'
        ? []
        : (data.reasons ?? []).map((r: { description: string }) => `• ${r.description}`)),
    ],
    action: data.offer ? 'Review your offer' : 'Open your account',
  }),
  dispute_received: ({ data: { dispute: d, invoiceNumber }, merchantName }) => ({
    subject: `We received your dispute of invoice ${invoiceNumber}`,
    lines: [
      `You disputed ${money(d.amount, d.currency)} of invoice ${invoiceNumber}. ${merchantName} will review it; the invoice takes no payment meanwhile.`,
    ],
    action: 'See the dispute',
  }),
  dispute_resolved: ({ data: { dispute: d, invoiceNumber }, merchantName }) => ({
    subject: `Your dispute of invoice ${invoiceNumber} was resolved`,
    lines: [
      d.outcome === 'credit'
        ? `${merchantName} credited ${money(d.amount, d.currency)} to invoice ${invoiceNumber}.`
        : `${merchantName} reviewed your dispute and kept invoice ${invoiceNumber} as it was.`,
      ...(d.note ? [`Note from ${merchantName}: ${d.note}`] : []),
    ],
    action: 'See your account',
  }),
  dispute_opened_merchant: ({ data: { dispute: d, invoiceNumber, balance }, companyName }) => ({
    subject: `Dispute opened: invoice ${invoiceNumber} (${companyName})`,
    lines: [
      `${companyName} disputed invoice ${invoiceNumber}.`,
      `Disputed amount: ${money(d.amount, d.currency)}`,
      `Invoice balance: ${money(balance, d.currency)}`,
      `Their explanation: ${d.explanation}`,
    ],
    action: 'Open the dispute',
  }),
};

/** Text and HTML parts of a notice, carrying the merchant's name; HTML escapes everything it is given. */
export function renderNotice(template: NoticeTemplate, c: NoticeContext): RenderedNotice {
  const p = PARTS[template](c);
  const greeting = `Hello ${c.recipientName},`;
  const text = [
    greeting,
    '',
    ...p.lines,
    '',
    `${p.action}: ${c.link}`,
    '',
    `— ${c.merchantName}, via CustomerConnect`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1a1a1a;line-height:1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...p.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(c.link)}" style="background:#0b5cad;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(p.action)}</a></p>`,
    `<p style="color:#555">— ${escapeHtml(c.merchantName)}, via CustomerConnect</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: p.subject, text, html };
}
