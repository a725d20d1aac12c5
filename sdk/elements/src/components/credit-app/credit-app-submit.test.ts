import { expect, fixture, html } from '@open-wc/testing';
import {
  $,
  $maybe,
  completeApplication,
  errorOf,
  focused,
  keys,
  loseNextAnswer,
  mock,
  nextEvent,
  settle,
  until,
} from '../../../test/helpers.js';
import '../../define/cc-credit-app.js';
import type { CcBeforeSubmitEvent } from '../../events/cc-before-submit-event.js';
import type { CcCreditDecisionEvent } from '../../events/cc-credit-decision-event.js';
import type { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcTermsAcceptedEvent } from '../../events/cc-terms-accepted-event.js';
import { pollTiming } from '../../internal/poller.js';
import { sessionStore } from '../../internal/session-store.js';
import type { CcProvider } from '../provider/provider.js';
import type { CcCreditApp } from './credit-app.js';
import type { CreditAppMode } from '../../internal/customer-api.js';
import { devWarningsPrinted } from '../../internal/dev-warnings.js';

async function mount(mode = 'credit_check', key = keys.valid) {
  const provider = await fixture<CcProvider>(html`<cc-provider publishable-key=${key} locale="en">
    <cc-credit-app mode=${mode as CreditAppMode}></cc-credit-app>
  </cc-provider>`);
  const app = provider.querySelector('cc-credit-app')!;
  await until(() => $maybe(app, '#legalName'), 'form shown');
  return app;
}

/** Every cc-credit-decision status the element fires, in order. */
function decisions(app: CcCreditApp): string[] {
  const seen: string[] = [];
  app.addEventListener('cc-credit-decision', (event) => seen.push(event.detail.status));
  return seen;
}

const decisionShown = (app: CcCreditApp, status: string) =>
  until(() => $maybe(app, `.decision[data-status="${status}"]`), `decision ${status} shown`);

describe('<cc-credit-app>: submitting and the decision', () => {
  const timing = { ...pollTiming };
  beforeEach(async () => {
    await mock.reset();
    sessionStore.clear();
    Object.assign(pollTiming, { first: 50, factor: 1.5, max: 200 });
  });
  afterEach(() => {
    Object.assign(pollTiming, timing);
  });

  it('is accessible with an approved decision, which it announces by focus and cc-credit-decision', async () => {
    const app = await mount();
    const decision = nextEvent<CcCreditDecisionEvent>(app, 'cc-credit-decision');
    await completeApplication(app);
    const { detail } = await decision;
    expect(detail.status).to.equal('approved');
    expect(detail.applicationId).to.match(/^app_/);
    expect(detail.contactId).to.match(/^ct_/);
    await decisionShown(app, 'approved');
    await settle(app);
    await expect(app).to.be.accessible();
    expect($(app, '#decision-title').textContent).to.equal(
      "You're approved for trade credit with Northwind Industrial Supply",
    );
    expect(focused(app)?.id).to.equal('decision-title');
    const details = $<HTMLDetailsElement>(app, 'details');
    expect(details.open, 'score and reasons folded away').to.equal(false);
    expect(details.textContent).to.contain('Credit score: 82 out of 100');
    expect(details.textContent).to.contain('Bills are paid on time.');
    expect($maybe(app, 'form'), 'credit_check: no terms').to.equal(null);
  });

  it('says a decline plainly, with the reasons', async () => {
    const app = await mount();
    const seen = decisions(app);
    await completeApplication(app, { taxId: '98-7654321' });
    await decisionShown(app, 'declined');
    const text = $(app, '.decision').textContent!;
    expect(text).to.contain("We can't offer trade credit right now");
    expect(text).to.contain("you're welcome to apply again later");
    expect(text).to.contain('Recent late payments were reported.');
    expect(seen).to.deep.equal(['declined']);
    await expect(app).to.be.accessible();
  });

  it('fires a cancelable cc-before-submit with the body; canceling it sends nothing', async () => {
    const app = await mount();
    let body: unknown;
    app.addEventListener('cc-before-submit', (event: CcBeforeSubmitEvent) => {
      body = event.detail.body;
      event.preventDefault();
    });
    await completeApplication(app);
    await settle(app);
    expect(body).to.deep.include({ mode: 'credit_check', consent: { agreed: true, name: 'Dana Whitfield' } });
    expect(await mock.requests('/v1/credit-applications')).to.have.length(0);
    expect($maybe(app, 'form'), 'the form stays').to.exist;
  });

  it('polls a pending decision with the customer session, with growing delays, until it is decided', async () => {
    const app = await mount();
    const seen = decisions(app);
    await completeApplication(app, { taxId: '55-5555555' });
    await decisionShown(app, 'pending');
    expect($(app, '.decision').textContent).to.contain("We're waiting on the credit bureau");
    expect($(app, '.decision').textContent).to.contain('This usually takes a few minutes.');
    await decisionShown(app, 'approved');
    expect(seen).to.deep.equal(['pending', 'approved']);
    expect($(app, '[role="status"]').textContent).to.contain("You're approved");
    const polls = await mock.requests('/v1/customer/credit-applications/');
    expect(polls).to.have.length(2);
    expect(polls[0]!.authorization).to.match(/^Bearer cs_test_/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mock.requests('/v1/customer/credit-applications/'), 'stopped once decided').to.have.length(2);
  });

  it('shows the offer once a pending credit_check_with_terms application is approved', async () => {
    const app = await mount('credit_check_with_terms');
    await completeApplication(app, { taxId: '55-5555555' });
    await decisionShown(app, 'approved');
    await until(() => $maybe(app, '#offer-title'), 'offer shown');
    expect($(app, 'dd[part="amount"]').textContent).to.equal('$10,000.00');
  });

  it("maps a 422 to the field its param names, on that field's step, and focuses it", async () => {
    const app = await mount();
    await completeApplication(app, { email: 'dana@rejected.example' });
    await until(() => errorOf(app, 'email'), 'email error shown');
    expect($(app, '.steps [aria-current="step"]').textContent!.trim()).to.equal('Applicant');
    expect(errorOf(app, 'email')).to.equal('This email address cannot receive mail.');
    expect($(app, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(app)?.id).to.equal('email');
    expect($(app, '[role="status"]').textContent).to.contain('There is 1 problem to fix.');
    await expect(app).to.be.accessible();
  });

  it('maps business.address.city back to the first step', async () => {
    const app = await mount();
    await completeApplication(app, { city: 'Atlantis' });
    await until(() => errorOf(app, 'city'), 'city error shown');
    expect($(app, '.progress').textContent).to.equal('Step 1 of 3');
    expect(focused(app)?.id).to.equal('city');
  });

  it('shows other refusals in an alert and fires cc-error', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    globalThis.ccDevMode = true; // dev warnings are off unless asked for
    const app = await mount('credit_check_with_terms', keys.checkOnly).finally(async () => {
      await devWarningsPrinted();
      console.warn = warn;
      globalThis.ccDevMode = undefined;
    });
    expect(warnings.join(), 'dev mode warns first').to.contain("is not in this merchant's creditAppModes");
    const failed = nextEvent<CcErrorEvent>(app, 'cc-error');
    await completeApplication(app);
    expect((await failed).detail.code).to.equal('mode_not_allowed');
    await settle(app);
    expect($(app, '[role="alert"]').textContent).to.equal(
      "This merchant doesn't offer this kind of credit application. Please contact them.",
    );
  });

  it('retries after a lost answer with the same Idempotency-Key, and gets the first result', async () => {
    const app = await mount();
    const failed = nextEvent<CcErrorEvent>(app, 'cc-error');
    loseNextAnswer('/v1/credit-applications');
    await completeApplication(app);
    expect((await failed).detail.code).to.equal('network_error');
    await settle(app);
    expect($(app, '[role="alert"]').textContent).to.contain("We couldn't reach CustomerConnect");
    $(app, 'button[type="submit"]').click();
    await decisionShown(app, 'approved');
    const [first, retry] = await mock.requests('/v1/credit-applications');
    expect(retry!.idempotencyKey).to.equal(first!.idempotencyKey);
    expect($(app, '#decision-title').textContent, 'the first result, replayed').to.contain("You're approved");
    // A replay leaves the customer session out (secrets are shown once): the rest goes by email.
    expect($(app, '.decision').textContent).to.contain(
      "We've emailed the decision and any payment terms offer to dana@harborfreight.example.",
    );
  });

  it('uses a new Idempotency-Key when the body changed before the retry', async () => {
    const app = await mount();
    await completeApplication(app, { email: 'dana@rejected.example' });
    await until(() => errorOf(app, 'email'), 'email error shown');
    const email = $<HTMLInputElement>(app, '#email');
    email.value = 'dana@harborfreight.example';
    email.dispatchEvent(new Event('input'));
    $(app, 'button[type="submit"]').click();
    await until(() => $(app, '.progress').textContent === 'Step 3 of 3', 'consent step');
    $(app, 'button[type="submit"]').click();
    await decisionShown(app, 'approved');
    const [first, second] = await mock.requests('/v1/credit-applications');
    expect(second!.idempotencyKey).to.not.equal(first!.idempotencyKey);
  });

  it('says the decision was emailed when the email was already known (no customer session)', async () => {
    const app = await mount('credit_check_with_terms');
    await completeApplication(app, { email: 'ap@known.example' });
    await decisionShown(app, 'approved');
    expect($(app, '.decision').textContent).to.contain(
      "We've emailed the decision and any payment terms offer to ap@known.example.",
    );
    expect($maybe(app, '#offer-title'), 'no offer without a session').to.equal(null);
    expect(sessionStore.session).to.equal(undefined);
  });

  it('in credit_check_with_terms mode shows the offer inline, accessible, and accepts it with the session', async () => {
    const app = await mount('credit_check_with_terms');
    const decision = nextEvent<CcCreditDecisionEvent>(app, 'cc-credit-decision');
    await completeApplication(app);
    const { detail } = await decision;
    await until(() => $maybe(app, '#offer-title'), 'offer shown');
    await settle(app);
    await expect(app).to.be.accessible();
    expect($(app, '.decision').textContent).to.contain('Review your payment terms below');
    expect(sessionStore.session?.token).to.match(/^cs_test_/);
    const accepted = nextEvent<CcTermsAcceptedEvent>(app, 'cc-terms-accepted');
    const netDays = $<HTMLSelectElement>(app, '#offer-netDays');
    netDays.value = '45';
    netDays.dispatchEvent(new Event('change'));
    const signature = $<HTMLInputElement>(app, '#offer-signature');
    signature.value = 'Dana Whitfield';
    signature.dispatchEvent(new Event('input'));
    $(app, '[part~="button-primary"]').click();
    const event = await accepted;
    expect(event.detail.contactId).to.equal(detail.contactId);
    const [accept] = await mock.requests('/v1/customer/terms-offers/');
    expect(accept!.path).to.equal(`/v1/customer/terms-offers/${event.detail.offerId}/accept`);
    expect(accept!.authorization).to.equal(`Bearer ${sessionStore.session!.token}`);
    expect(accept!.body).to.deep.equal({ signatureName: 'Dana Whitfield', netDays: 45 });
    await until(() => $maybe(app, '#offer-outcome'), 'outcome shown');
    expect($(app, '#offer-outcome').textContent).to.contain(
      "You've accepted net 45 terms with Northwind Industrial Supply",
    );
  });
});
