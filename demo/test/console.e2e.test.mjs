// End-to-end test of the merchant console (/dashboard) on the REAL backend: the built backend
// (embedded PostgreSQL, seeded demo merchant) serves dashboard.html and sdk/console/dist/cc-console.js;
// Debian's Chromium drives it under the page CSP. Each page gets an axe check, and the
// screenshots of docs/merchant-guide.md are taken here (docs/images/console-*.png).
//
// Needs `backend/dist`, `sdk/elements/dist` and `sdk/console/dist`. Run: node --test demo/test/console.e2e.test.mjs
//
// The steps are in test/console/, one file per part of the story; they run here, in this order, on
// one backend: later steps use what earlier ones made (the invoice, the member, the secret key, the
// minimums). Their shared setup is test/support/console.mjs.

import { after, before, describe } from 'node:test';
import { collections } from './console/collections.mjs';
import { embed } from './console/embed.mjs';
import { firstSteps } from './console/first-steps.mjs';
import { keyboardAndSession } from './console/keyboard-and-session.mjs';
import { phoneAndLanguages } from './console/phone-and-languages.mjs';
import { schedulesAndImport } from './console/schedules-and-import.mjs';
import { termsAndTeam } from './console/terms-and-team.mjs';
import { startConsoleSite, stopConsoleSite } from './support/console.mjs';

before(startConsoleSite, { timeout: 150_000 });

after(stopConsoleSite);

describe('merchant console on the real backend', { concurrency: false }, () => {
  firstSteps();
  termsAndTeam();
  collections();
  schedulesAndImport();
  embed();
  phoneAndLanguages();
  keyboardAndSession();
});
