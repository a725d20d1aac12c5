import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { addCard, authorizedContact, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('wallet links, notices, disputes and the audit log', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http, 'Northwind <Supply> & Co');
  });
  afterAll(async () => t?.close());

  const runWorker = () => t.app.get(WorkerService).runOnce();
  const mailTo = async (email: string) =>
    (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).body.data as any[];
  const invoice = (contactId: string, amount = 50_000) =>
    t.http.post('/v1/invoices', { contactId, number: `INV-${unique()}`, amount }, { token: m.secretKey });
  const contactEmail = async (contactId: string) =>
    (await t.http.get(`/v1/contacts/${contactId}`, { token: m.secretKey })).body.email as string;
  const tokenFrom = (mail: { text: string }) => decodeURIComponent(/cc_token=([^\s&]+)/.exec(mail.text)![1]!);

  it('sends an invoice notice with a wallet link that opens a customer session, any number of times', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId);
    await runWorker();
    const [mail] = await mailTo(await contactEmail(c.contactId));
    expect(mail.subject).toBe(`Invoice ${inv.body.number} from Northwind <Supply> & Co`);
    expect(mail.from).toContain('Northwind <Supply> & Co via CustomerConnect');
    expect(mail.replyTo).toBe(m.adminEmail);
    expect(mail.html).toContain('Northwind &lt;Supply&gt; &amp; Co');
    // The token rides in the fragment: no server, log or Referer header sees it.
    expect(mail.text).toMatch(/http:\/\/localhost:3999\/wallet#cc_token=wl_/);
    expect(mail.text).not.toMatch(/\?cc_token=/);
    const linkToken = tokenFrom(mail);
    for (let i = 0; i < 2; i++) {
      const session = await t.http.post('/v1/customer/sessions', { linkToken });
      expect(session.status).toBe(201);
      expect(session.body).toMatchObject({
        token: expect.stringMatching(/^cs_/),
        contact: { id: c.contactId },
        merchant: { name: 'Northwind <Supply> & Co' },
      });
    }
    const stored = JSON.stringify(await t.db.dataSource.query('SELECT * FROM wallet_links'));
    expect(stored).not.toContain(linkToken);
  });

  it('refuses unknown, expired and revoked links with 401 link_invalid, and revocation ends sessions', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    expect((await t.http.post(`/v1/contacts/${c.contactId}/wallet-links`, {}, { token: m.secretKey })).status).toBe(
      201,
    );
    await runWorker();
    const linkToken = tokenFrom((await mailTo(await contactEmail(c.contactId)))[0]);
    const unknown = await t.http.post('/v1/customer/sessions', { linkToken: 'wl_nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('link_invalid');
    const session = (await t.http.post('/v1/customer/sessions', { linkToken })).body.token;
    expect((await t.http.get('/v1/customer/wallet', { token: session })).status).toBe(200);
    expect((await t.http.delete(`/v1/contacts/${c.contactId}/wallet-links`, { token: m.secretKey })).status).toBe(200);
    expect((await t.http.post('/v1/customer/sessions', { linkToken })).body.error.code).toBe('link_invalid');
    expect((await t.http.get('/v1/customer/wallet', { token: session })).status).toBe(401);

    await t.http.post(`/v1/contacts/${c.contactId}/wallet-links`, {}, { token: m.secretKey });
    await runWorker();
    const fresh = tokenFrom((await mailTo(await contactEmail(c.contactId)))[0]);
    await t.http.post('/dev/clock', { advance: 'P30DT1M' });
    expect((await t.http.post('/v1/customer/sessions', { linkToken: fresh })).body.error.code).toBe('link_invalid');
  });

  it('shows the customer their whole wallet', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    await invoice(c.contactId, 1234);
    await addCard(t, c.session);
    const w = await t.http.get('/v1/customer/wallet', { token: c.session });
    expect(w.status).toBe(200);
    expect(Object.keys(w.body).sort()).toEqual([
      'contact',
      'disputes',
      'invoices',
      'merchant',
      'paymentMethods',
      'paymentRequests',
      'payments',
      'terms',
    ]);
    expect(w.body.terms).toMatchObject({ netDays: 30, creditLimit: 1_000_000 });
    expect(w.body.invoices.data[0]).toMatchObject({ amount: 1234, status: 'open' });
    expect(w.body.paymentMethods.data[0]).toMatchObject({ last4: '4242', isDefault: true });
  });

  describe('disputes', () => {
    it('opens a dispute: the invoice becomes disputed, takes no payment, the merchant is emailed', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, 80_000);
      const pm = await addCard(t, c.session);
      const res = await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/disputes`,
        { amount: 30_000, explanation: 'Two pallets arrived <damaged>.' },
        { token: c.session },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^dsp_/),
        amount: 30_000,
        status: 'open',
        invoiceId: inv.body.id,
      });
      expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body.status).toBe('disputed');
      const pay = await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/payments`,
        { paymentMethodId: pm },
        { token: c.session },
      );
      expect(pay.status).toBe(409);
      expect(pay.body.error.code).toBe('invoice_disputed');
      const again = await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/disputes`,
        { amount: 1, explanation: 'Again' },
        { token: c.session },
      );
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('dispute_already_open');

      await runWorker();
      const [merchantMail] = await mailTo(m.adminEmail);
      expect(merchantMail.subject).toContain(`Dispute opened: invoice ${inv.body.number}`);
      expect(merchantMail.text).toContain('Disputed amount: 300.00 USD');
      expect(merchantMail.text).toContain('Invoice balance: 800.00 USD');
      expect(merchantMail.text).toContain('Their explanation: Two pallets arrived <damaged>.');
      expect(merchantMail.html).toContain('Two pallets arrived &lt;damaged&gt;.');
      expect(merchantMail.text).toContain(`/dashboard#/disputes/${res.body.id}`);
      expect((await mailTo(await contactEmail(c.contactId)))[0].subject).toContain('We received your dispute');
      const events = await t.db.dataSource.query(
        `SELECT type FROM events WHERE merchant_id = $1 AND subject_id IN ($2, $3) ORDER BY id`,
        [m.merchantId, inv.body.id, res.body.id],
      );
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'invoice.created',
        'invoice.disputed',
        'dispute.created',
      ]);
    });

    it('validates the amount against the balance and the explanation length, writing nothing', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, 10_000);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ amount: 10_001, explanation: 'x' }, 'parameter_invalid', 'amount'],
        [{ amount: 0, explanation: 'x' }, 'parameter_invalid', 'amount'],
        [{ amount: 1.5, explanation: 'x' }, 'parameter_invalid', 'amount'],
        [{ amount: 100, explanation: '' }, 'parameter_invalid', 'explanation'],
        [{ amount: 100, explanation: 'x'.repeat(2001) }, 'parameter_invalid', 'explanation'],
        [{ amount: 100 }, 'parameter_missing', 'explanation'],
      ];
      for (const [body, code, param] of cases) {
        const res = await t.http.post(`/v1/customer/invoices/${inv.body.id}/disputes`, body, { token: c.session });
        expect({ status: res.status, code: res.body.error?.code, param: res.body.error?.param }).toEqual({
          status: 422,
          code,
          param,
        });
      }
      expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body.status).toBe('open');
      const other = await verifiedContact(t, m.secretKey, m.merchantId);
      expect(
        (
          await t.http.post(
            `/v1/customer/invoices/${inv.body.id}/disputes`,
            { amount: 1, explanation: 'x' },
            { token: other.session },
          )
        ).status,
      ).toBe(404);
    });

    it('resolves with credit (paid when it reaches 0) or reject (back to the status before), notifying the contact', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const pm = await addCard(t, c.session);
      const whole = await invoice(c.contactId, 20_000);
      const d1 = await t.http.post(
        `/v1/customer/invoices/${whole.body.id}/disputes`,
        { amount: 20_000, explanation: 'Never ordered' },
        { token: c.session },
      );
      const credited = await t.http.post(
        `/v1/disputes/${d1.body.id}/resolve`,
        { outcome: 'credit', note: 'Sorry' },
        { token: m.secretKey },
      );
      expect(credited.body).toMatchObject({ status: 'resolved', outcome: 'credit' });
      expect((await t.http.get(`/v1/invoices/${whole.body.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'paid',
        balance: 0,
        creditedAmount: 20_000,
      });

      const part = await invoice(c.contactId, 20_000);
      const d2 = await t.http.post(
        `/v1/customer/invoices/${part.body.id}/disputes`,
        { amount: 5_000, explanation: 'Short' },
        { token: c.session },
      );
      await t.http.post(`/v1/disputes/${d2.body.id}/resolve`, { outcome: 'credit' }, { token: m.secretKey });
      expect((await t.http.get(`/v1/invoices/${part.body.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'open',
        balance: 15_000,
      });

      const rejected = await invoice(c.contactId, 20_000);
      const d3 = await t.http.post(
        `/v1/customer/invoices/${rejected.body.id}/disputes`,
        { amount: 5_000, explanation: 'Hmm' },
        { token: c.session },
      );
      await t.http.post(
        `/v1/disputes/${d3.body.id}/resolve`,
        { outcome: 'reject', note: 'Delivery signed for' },
        { token: m.secretKey },
      );
      expect((await t.http.get(`/v1/invoices/${rejected.body.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'open',
        balance: 20_000,
      });
      expect(
        (await t.http.post(`/v1/disputes/${d3.body.id}/resolve`, { outcome: 'reject' }, { token: m.secretKey })).body
          .error.code,
      ).toBe('dispute_not_open');
      expect(
        (
          await t.http.post(
            `/v1/customer/invoices/${rejected.body.id}/payments`,
            { paymentMethodId: pm },
            { token: c.session },
          )
        ).status,
      ).toBe(201);

      await runWorker();
      const mails = await mailTo(await contactEmail(c.contactId));
      expect(
        mails.some(
          (x) =>
            x.subject.includes('was resolved') &&
            x.text.includes('Note from Northwind <Supply> & Co: Delivery signed for'),
        ),
      ).toBe(true);
      const open = await t.http.get('/v1/disputes?status=open', { token: m.secretKey });
      expect(open.body.data.map((d: { id: string }) => d.id)).not.toContain(d3.body.id);
    });
  });

  it('keeps an audit log of every state change, newest first, filterable', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, 9_999);
    await t.http.post(`/v1/invoices/${inv.body.id}/void`, {}, { token: m.secretKey });
    const log = await t.http.get(`/v1/audit-log?subjectId=${inv.body.id}`, { token: m.secretKey });
    expect(log.body.data.map((e: { action: string }) => e.action)).toEqual(['invoice.voided', 'invoice.created']);
    expect(log.body.data[0]).toMatchObject({
      actor: { type: 'api_key', id: expect.stringMatching(/^key_/) },
      before: { status: 'open' },
      after: { status: 'void' },
    });
    const byCustomer = await t.http.get(`/v1/audit-log?actor=${c.contactId}`, { token: m.secretKey });
    expect(byCustomer.body.data.map((e: { action: string }) => e.action)).toContain('terms_offer.accept');
  });

  it('sums the overview per currency', async () => {
    const merchant = await signUpMerchant(t.http);
    const c = await authorizedContact(t, merchant.secretKey, merchant.merchantId);
    await t.http.post(
      '/v1/invoices',
      { contactId: c.contactId, number: 'A', amount: 10_000, issuedAt: '2020-01-01', dueDate: '2020-01-31' },
      { token: merchant.secretKey },
    );
    const paid = await t.http.post(
      '/v1/invoices',
      { contactId: c.contactId, number: 'B', amount: 2_500 },
      { token: merchant.secretKey },
    );
    const pm = await addCard(t, c.session);
    await t.http.post(`/v1/customer/invoices/${paid.body.id}/payments`, { paymentMethodId: pm }, { token: c.session });
    const res = await t.http.get('/v1/overview', { token: merchant.secretKey });
    expect(res.body).toMatchObject({
      currencies: [{ currency: 'USD', openBalance: 10_000, overdueAmount: 10_000, paymentsThisMonth: 2_500 }],
      openDisputes: 0,
    });
  });
});
