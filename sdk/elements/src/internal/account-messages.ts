import { addMessageArea } from './messages.js';
import { accountEn } from './messages/account-en.js';

// The wallet elements' texts once a customer is signed in (invoices, requests, payments, methods,
// the dispute and payment method forms): an area of the one table, loaded by the customer
// session controller when a session is active, so a page whose customer is not signed in
// downloads none of them.
addMessageArea({
  en: accountEn,
  languages: {
    es: () => import('./messages/account-es.js').then((m) => m.accountEs),
    fr: () => import('./messages/account-fr.js').then((m) => m.accountFr),
  },
});
