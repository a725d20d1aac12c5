// The wallet side of the mock API, as the real backend answers it (backend/src/modules/
// wallet, wallet-links, payments/customer-billing.controller.ts, payment-requests, disputes):
// wallet link exchange, "email me a fresh link", the wallet read, invoices, payment requests
// with snapshotted minimums, payment methods behind a simulated processor with the documented
// test numbers, payments (402 for refused charges) and disputes.
// Test-only helpers under /__mock/wallet seed a contact with data, expire links and sessions
// and change an invoice behind the widget's back.
// This file composes the wallet's routes, one file per area (wallet-session, wallet-invoices,
// wallet-payment-requests, wallet-methods, wallet-seed) over wallet-store and wallet-charges.
import { invoiceRoutes } from './wallet-invoices.js';
import { methodRoutes } from './wallet-methods.js';
import { paymentRequestRoutes } from './wallet-payment-requests.js';
import { walletTestRoutes } from './wallet-seed.js';
import { sessionRoutes } from './wallet-session.js';

export { resetWallet } from './wallet-store.js';

export const walletRoutes = [
  ...sessionRoutes,
  ...invoiceRoutes,
  ...paymentRequestRoutes,
  ...methodRoutes,
  // Test helpers.
  ...walletTestRoutes,
];
