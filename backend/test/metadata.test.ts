import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { authorizedContact, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('metadata on contacts, invoices, payment requests and recurring schedules', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  }, 120_000);
  afterAll(async () => t?.close());

  const as = () => ({ token: m.secretKey });
  const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((o) => o.id);
  const list = (path: string, query: string) => t.http.get(`${path}?${query}`, as());
  const eventData = async (type: string, key: string, id: string) => {
    const events = (await t.http.get(`/v1/events?type=${type}`, as())).body.data as { data: Record<string, any> }[];
    return events.find((e) => e.data[key]?.id === id)!.data[key];
  };

  it('contacts: stored, returned, filtered with metadata[key]=value (several filters AND together)', async () => {
    const ref = unique();
    const a = await t.http.post(
      '/v1/contacts',
      { companyName: 'A Co', email: `a-${ref}@x.example`, metadata: { order_ref: ref, region: 'west' } },
      as(),
    );
    expect(a.status).toBe(201);
    expect(a.body.metadata).toEqual({ order_ref: ref, region: 'west' });
    const b = await t.http.post(
      '/v1/contacts',
      { companyName: 'B Co', email: `b-${ref}@x.example`, metadata: { order_ref: ref, region: 'east' } },
      as(),
    );
    const plain = await t.http.post('/v1/contacts', { companyName: 'C Co', email: `c-${ref}@x.example` }, as());
    expect(plain.body.metadata).toEqual({});
    expect((await t.http.get(`/v1/contacts/${a.body.id}`, as())).body.metadata).toEqual({
      order_ref: ref,
      region: 'west',
    });

    const byRef = await list('/v1/contacts', `metadata[order_ref]=${ref}`);
    expect(byRef.status).toBe(200);
    expect(ids(byRef)).toEqual([b.body.id, a.body.id]);
    expect(ids(await list('/v1/contacts', `metadata[order_ref]=${ref}&metadata[region]=west`))).toEqual([a.body.id]);
    expect(ids(await list('/v1/contacts', `metadata[order_ref]=${ref}&metadata[region]=north`))).toEqual([]);
    expect(ids(await list('/v1/contacts', `metadata[order_ref]=${ref}&status=prospect&limit=1`))).toEqual([b.body.id]);
    // Values are matched exactly, special characters included.
    const odd = `a&b=c [${ref}]`;
    const d = await t.http.post(
      '/v1/contacts',
      { companyName: 'D Co', email: `d-${ref}@x.example`, metadata: { 'odd key': odd } },
      as(),
    );
    expect(ids(await list('/v1/contacts', `metadata[odd%20key]=${encodeURIComponent(odd)}`))).toEqual([d.body.id]);
  });

  it('invoices: created with metadata, carried in the invoice.created event, filtered, PATCH merges (null removes)', async () => {
    const ref = unique();
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const create = (n: string, metadata?: Record<string, string>) =>
      t.http.post('/v1/invoices', { contactId: c.contactId, number: `${ref}-${n}`, amount: 5_000, metadata }, as());
    const one = await create('1', { erp_id: `ERP-${ref}`, batch: '7' });
    expect(one.status).toBe(201);
    expect(one.body.metadata).toEqual({ erp_id: `ERP-${ref}`, batch: '7' });
    await create('2', { erp_id: `OTHER-${ref}` });
    expect((await eventData('invoice.created', 'invoice', one.body.id)).metadata).toEqual({
      erp_id: `ERP-${ref}`,
      batch: '7',
    });
    expect(ids(await list('/v1/invoices', `metadata[erp_id]=ERP-${ref}`))).toEqual([one.body.id]);
    expect(ids(await list('/v1/invoices', `metadata[erp_id]=ERP-${ref}&contactId=${c.contactId}`))).toEqual([
      one.body.id,
    ]);

    const patched = await t.http.patch(
      `/v1/invoices/${one.body.id}`,
      { metadata: { batch: null, synced: 'yes' } },
      as(),
    );
    expect(patched.status).toBe(200);
    expect(patched.body.metadata).toEqual({ erp_id: `ERP-${ref}`, synced: 'yes' });
    expect(ids(await list('/v1/invoices', 'metadata[batch]=7'))).toEqual([]);
    expect(ids(await list('/v1/invoices', `metadata[synced]=yes&metadata[erp_id]=ERP-${ref}`))).toEqual([one.body.id]);

    // A paid or voided invoice can no longer change its terms, but its metadata still can.
    expect((await t.http.post(`/v1/invoices/${one.body.id}/void`, {}, as())).status).toBe(200);
    const later = await t.http.patch(`/v1/invoices/${one.body.id}`, { metadata: { synced: 'again' } }, as());
    expect(later.status).toBe(200);
    expect(later.body.metadata).toEqual({ erp_id: `ERP-${ref}`, synced: 'again' });
    const terms = await t.http.patch(`/v1/invoices/${one.body.id}`, { amount: 1, metadata: { x: 'y' } }, as());
    expect(terms.body.error.code).toBe('invoice_not_editable');
    expect((await t.http.get(`/v1/invoices/${one.body.id}`, as())).body.metadata).toEqual(later.body.metadata);
  });

  it('payment requests and recurring schedules: created with metadata, in their events, filtered', async () => {
    const ref = unique();
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const pr = await t.http.post(
      '/v1/payment-requests',
      { contactId: c.contactId, amount: 2_500, metadata: { quote: ref } },
      as(),
    );
    expect(pr.status).toBe(201);
    expect(pr.body.metadata).toEqual({ quote: ref });
    await t.http.post('/v1/payment-requests', { contactId: c.contactId, amount: 2_600 }, as());
    expect((await eventData('payment_request.created', 'paymentRequest', pr.body.id)).metadata).toEqual({ quote: ref });
    expect(ids(await list('/v1/payment-requests', `metadata[quote]=${ref}`))).toEqual([pr.body.id]);

    const today = ((await t.http.get('/dev/clock')).body.now as string).slice(0, 10);
    const schedule = (metadata?: Record<string, string>) =>
      t.http.post(
        '/v1/recurring-schedules',
        { contactId: c.contactId, kind: 'invoice', amount: 9_000, interval: 'month', startDate: today, metadata },
        as(),
      );
    const rs = await schedule({ plan: `gold-${ref}` });
    expect(rs.status).toBe(201);
    expect(rs.body.metadata).toEqual({ plan: `gold-${ref}` });
    await schedule();
    expect((await eventData('recurring_schedule.created', 'recurringSchedule', rs.body.id)).metadata).toEqual({
      plan: `gold-${ref}`,
    });
    expect(ids(await list('/v1/recurring-schedules', `metadata[plan]=gold-${ref}`))).toEqual([rs.body.id]);
    expect((await t.http.get(`/v1/recurring-schedules/${rs.body.id}`, as())).body.metadata).toEqual({
      plan: `gold-${ref}`,
    });
  });

  it('refuses metadata past the limits with 422 parameter_invalid naming the key, and writes nothing', async () => {
    const before = (await t.db.dataSource.query('SELECT count(*)::int AS n FROM contacts'))[0].n;
    const post = (metadata: unknown) =>
      t.http.post('/v1/contacts', { companyName: 'X', email: `x-${unique()}@x.example`, metadata }, as());
    const error = async (metadata: unknown) => {
      const res = await post(metadata);
      expect(res.status).toBe(422);
      return res.body.error;
    };
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(await error({ ...fifty, k50: 'v' })).toMatchObject({ code: 'parameter_invalid', param: 'metadata' });
    const longKey = 'k'.repeat(41);
    expect(await error({ [longKey]: 'v' })).toMatchObject({ code: 'parameter_invalid', param: `metadata.${longKey}` });
    expect(await error({ note: 'x'.repeat(501) })).toMatchObject({ code: 'parameter_invalid', param: 'metadata.note' });
    expect(await error({ n: 5 })).toMatchObject({ code: 'parameter_invalid', param: 'metadata' });
    expect(await error({ n: { nested: 'no' } })).toMatchObject({ code: 'parameter_invalid', param: 'metadata' });
    expect(await error(['a'])).toMatchObject({ code: 'parameter_invalid', param: 'metadata' });
    expect(await error('order 17')).toMatchObject({ code: 'parameter_invalid', param: 'metadata' });
    expect((await t.db.dataSource.query('SELECT count(*)::int AS n FROM contacts'))[0].n).toBe(before);
    // The limits themselves pass.
    const { k49: _, ...fortyNine } = fifty;
    const edge = await post({ ...fortyNine, ['k'.repeat(40)]: 'x'.repeat(500) });
    expect(edge.status).toBe(201);
    expect(Object.keys(edge.body.metadata)).toHaveLength(50);

    const filterError = async (query: string) => {
      const res = await list('/v1/invoices', query);
      expect(res.status).toBe(422);
      return res.body.error;
    };
    expect(await filterError('metadata[a]=1&metadata[a]=2')).toMatchObject({ param: 'metadata.a' });
    expect(await filterError(`metadata[${'k'.repeat(41)}]=1`)).toMatchObject({ param: `metadata.${'k'.repeat(41)}` });
    expect(await filterError('metadata=1')).toMatchObject({ code: 'parameter_invalid', param: 'metadata' });
    expect((await list('/v1/webhook-endpoints', 'metadata[a]=1')).body.error).toMatchObject({
      code: 'unknown_field',
    });
  });

  it('a PATCH that would pass 50 keys is refused and changes nothing', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const inv = await t.http.post(
      '/v1/invoices',
      { contactId: c.contactId, number: `FULL-${unique()}`, amount: 100, metadata: fifty },
      as(),
    );
    expect(inv.status).toBe(201);
    const res = await t.http.patch(`/v1/invoices/${inv.body.id}`, { metadata: { extra: 'v' }, amount: 200 }, as());
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param: 'metadata' });
    const now = (await t.http.get(`/v1/invoices/${inv.body.id}`, as())).body;
    expect(now.amount).toBe(100);
    expect(now.metadata).toEqual(fifty);
    const swap = await t.http.patch(`/v1/invoices/${inv.body.id}`, { metadata: { k0: null, extra: 'v' } }, as());
    expect(swap.status).toBe(200);
    expect(Object.keys(swap.body.metadata)).toHaveLength(50);
  });

  it('is the merchant’s: never on /v1/customer/* answers, and customers cannot filter on it', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const inv = await t.http.post(
      '/v1/invoices',
      { contactId: c.contactId, number: `SECRET-${unique()}`, amount: 700, metadata: { internal: 'risk-high' } },
      as(),
    );
    expect(inv.body.metadata).toEqual({ internal: 'risk-high' });
    const customer = { token: c.session };
    const answers = [
      await t.http.get('/v1/customer/wallet', customer),
      await t.http.get('/v1/customer/invoices', customer),
      await t.http.get(`/v1/customer/invoices/${inv.body.id}`, customer),
      await t.http.get('/v1/customer/payment-requests', customer),
      // The router decodes the path before matching: a spelling other than the raw `/v1/customer/`
      // reaches the same customer routes, and must answer the same customer shapes.
      await t.http.get(`/v1/%63ustomer/invoices/${inv.body.id}`, customer),
      await t.http.get('/v1/%63ustomer/wallet', customer),
    ];
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('metadata');
      expect(JSON.stringify(res.body)).not.toContain('risk-high');
    }
    for (const i of [1, 4, 5]) expect(JSON.stringify(answers[i]!.body)).toContain(inv.body.id);
    const probe = await t.http.get('/v1/customer/invoices?metadata[internal]=risk-high', customer);
    expect(probe.status).toBe(422);
    expect(probe.body.error).toMatchObject({ code: 'unknown_field', param: 'metadata' });
  });

  it('is indexed: a GIN (jsonb_path_ops) index on each table', async () => {
    const rows: { tablename: string; indexdef: string }[] = await t.db.dataSource.query(
      "SELECT tablename, indexdef FROM pg_indexes WHERE indexname LIKE '%_metadata_idx' ORDER BY tablename",
    );
    expect(rows.map((r) => r.tablename)).toEqual(['contacts', 'invoices', 'payment_requests', 'recurring_schedules']);
    for (const r of rows) expect(r.indexdef).toMatch(/USING gin \(metadata jsonb_path_ops\)/);
  });
});
