// What <cc-wallet> shows and does once the customer's wallet has loaded: the sections (terms,
// invoices, payment requests, payments, payment methods, disputes), the panels opened in place,
// the older rows past the first page and paying an invoice. The wallet imports this module
// alongside its first read of the wallet (it shows its loading state until both are there), so a
// page whose customer is not signed in downloads none of it.
export { OlderRows } from './older-rows.js';
export { InvoicePayment, showOlder } from './wallet-actions.js';
export { renderInvoices } from './wallet-invoices.js';
export { renderMethods } from './wallet-methods.js';
export { focusIntoPanel } from './wallet-panel.js';
export { renderRequests } from './wallet-requests.js';
export { renderDisputes, renderPayments, renderTerms } from './wallet-sections.js';
