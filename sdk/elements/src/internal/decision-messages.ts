import { addMessageArea } from './messages.js';
import { decisionEn } from './messages/decision-en.js';

// The credit decision's and the terms offer's texts: an area of the one table, added when the
// code that shows them loads (<cc-credit-app>'s submit code, <cc-terms-offer>'s panel), so the
// form's first render downloads none of them.
addMessageArea({
  en: decisionEn,
  languages: {
    es: () => import('./messages/decision-es.js').then((m) => m.decisionEs),
    fr: () => import('./messages/decision-fr.js').then((m) => m.decisionFr),
  },
});
