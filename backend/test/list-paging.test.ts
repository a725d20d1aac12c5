import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { verifiedContact } from './support/billing.js';
import { createContact, signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

/** Every list (one hand-written statement shape, platform/pagination/list-statement.ts) pages and filters alike. */
describe('lists: paging, filters and rows as the single-object routes give them', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  let contactId: string;
  const invoiceIds: string[] = [];
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    contactId = (await verifiedContact(t, m.secretKey, m.merchantId)).contactId;
    for (let i = 0; i < 3; i++) {
      const res = await t.http.post(
        '/v1/invoices',
        { contactId, number: `INV-${unique()}`, amount: 100_000 + i, metadata: { batch: 'b1' } },
        { token: m.secretKey },
      );
      expect(res.status).toBe(201);
      invoiceIds.unshift(res.body.id); // newest first
    }
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (path: string) => t.http.get(path, { token: m.secretKey });
  const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((o) => o.id);

  it('pages invoices and payment requests newest first with limit, startingAfter and hasMore', async () => {
    const first = await get(`/v1/invoices?contactId=${contactId}&limit=2`);
    expect(first.status).toBe(200);
    expect(ids(first)).toEqual(invoiceIds.slice(0, 2));
    expect(first.body.hasMore).toBe(true);
    const rest = await get(`/v1/invoices?contactId=${contactId}&limit=2&startingAfter=${invoiceIds[1]}`);
    expect(rest.body).toEqual({ data: [expect.objectContaining({ id: invoiceIds[2] })], hasMore: false });

    const requests = await get(`/v1/payment-requests?contactId=${contactId}&limit=2`);
    expect(requests.body.data.map((r: { invoiceId: string }) => r.invoiceId)).toEqual(invoiceIds.slice(0, 2));
    expect(requests.body.hasMore).toBe(true);
    const after = await get(`/v1/payment-requests?contactId=${contactId}&startingAfter=${requests.body.data[1].id}`);
    expect(after.body.data.map((r: { invoiceId: string }) => r.invoiceId)).toEqual([invoiceIds[2]]);
  });

  it('answers each row exactly as the single-object route does (amounts, dates, metadata)', async () => {
    const [invoice] = (await get(`/v1/invoices?contactId=${contactId}&limit=1`)).body.data;
    expect(invoice).toEqual((await get(`/v1/invoices/${invoice.id}`)).body);
    const [request] = (await get(`/v1/payment-requests?invoiceId=${invoice.id}`)).body.data;
    expect(request).toEqual((await get(`/v1/payment-requests/${request.id}`)).body);
    const [contact] = (await get('/v1/contacts?limit=1')).body.data;
    expect(contact).toEqual((await get(`/v1/contacts/${contact.id}`)).body);
  });

  it('filters: overdue both ways, metadata, and an empty ?contactId= filters nothing', async () => {
    expect(ids(await get(`/v1/invoices?contactId=${contactId}&overdue=false`))).toEqual(invoiceIds);
    expect(ids(await get(`/v1/invoices?contactId=${contactId}&overdue=true`))).toEqual([]);
    expect(ids(await get(`/v1/invoices?metadata[batch]=b1&status=open`))).toEqual(invoiceIds);
    expect(ids(await get('/v1/invoices?metadata[batch]=b2'))).toEqual([]);
    expect(ids(await get('/v1/invoices?contactId='))).toEqual(invoiceIds);
  });

  it('searches contacts with q taking % and _ literally', async () => {
    const steel = await createContact(t.http, m.secretKey, { companyName: `100% Steel ${unique()}` });
    const plain = await createContact(t.http, m.secretKey, { companyName: `Plain_Co ${unique()}` });
    await createContact(t.http, m.secretKey, { companyName: `Tin Co ${unique()}` }); // 'n_c' as a pattern would match
    expect(ids(await get('/v1/contacts?q=%25'))).toEqual([steel.id]);
    expect(ids(await get('/v1/contacts?q=0%25%20s'))).toEqual([steel.id]);
    expect(ids(await get('/v1/contacts?q=N_c'))).toEqual([plain.id]);
  });

  it("shows no other merchant's rows", async () => {
    const other = await signUpMerchant(t.http);
    const res = await t.http.get('/v1/invoices', { token: other.secretKey });
    expect(res.body).toEqual({ data: [], hasMore: false });
  });
});
