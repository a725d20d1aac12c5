// The console mock's data: the merchant, its users (two: an admin and a member), contacts, invoices,
// payments, disputes, credit applications and API keys; reset() puts the seed back (POST /__console/reset).

const USERS = [
  { id: 'usr_admin', email: 'admin@test.example', name: 'Ada Admin', role: 'admin', password: 'admin-password' },
  { id: 'usr_member', email: 'member@test.example', name: 'Max Member', role: 'member', password: 'member-password' },
];

export let store;
let seq = 0;
export const id = (prefix) => `${prefix}_${String(++seq).padStart(6, '0')}`;
export const now = () => new Date().toISOString();

export function reset() {
  seq = 0;
  store = {
    sessions: new Map(),
    users: USERS.map((u) => ({ ...u, merchantId: 'mer_test', createdAt: '2026-01-05T10:00:00.000Z' })),
    merchant: {
      id: 'mer_test',
      name: 'Test Supply Co',
      createdAt: '2026-01-05T10:00:00.000Z',
      settings: {
        termsPolicy: 'locked',
        defaultTerms: { netDays: 30, creditLimit: 1000000, currency: 'USD' },
        allowedNetDays: [30],
        partialPayments: { defaultMinimumPercent: null, byMethod: {} },
        creditAppModes: ['credit_check', 'credit_check_with_terms'],
        allowedOrigins: ['https://shop.example'],
        walletUrl: null,
        notificationEmail: 'admin@test.example',
        theme: {},
      },
    },
    contacts: [
      {
        id: 'ct_acme',
        companyName: 'Acme Fabrication LLC',
        email: 'ap@acme.example',
        name: 'Jordan Lee',
        status: 'prospect',
        terms: null,
      },
      {
        id: 'ct_blue',
        companyName: 'Blue Ridge Builders',
        email: 'billing@blueridge.example',
        name: null,
        status: 'verified',
        terms: null,
      },
      {
        id: 'ct_cascade',
        companyName: 'Cascade Machine Works',
        email: 'ap@cascade.example',
        name: null,
        status: 'authorized',
        terms: { contractId: 'con_1', netDays: 45, creditLimit: 2500000, currency: 'USD' },
      },
    ].map((c) => ({ ...c, createdAt: '2026-02-01T10:00:00.000Z', updatedAt: '2026-02-01T10:00:00.000Z' })),
    offers: [],
    invoices: [
      invoice({ id: 'inv_acme1', number: 'INV-100', contactId: 'ct_acme', amount: 120000 }),
      invoice({
        id: 'inv_cascade1',
        number: 'INV-101',
        contactId: 'ct_cascade',
        amount: 90000,
        status: 'disputed',
        dueDate: '2026-01-01',
        overdue: true,
      }),
      {
        ...invoice({
          id: 'inv_blue1',
          number: 'INV-102',
          contactId: 'ct_blue',
          amount: 50000,
          status: 'partially_paid',
        }),
        paidAmount: 20000,
        balance: 30000,
      },
    ],
    payments: [
      {
        id: 'pay_1',
        contactId: 'ct_blue',
        invoiceId: 'inv_blue1',
        paymentRequestId: null,
        paymentMethodId: 'pm_1',
        amount: 20000,
        refundedAmount: 0,
        currency: 'USD',
        status: 'succeeded',
        failureCode: null,
        source: 'customer',
        createdAt: '2026-11-10T15:00:00.000Z',
      },
    ],
    disputes: [
      {
        id: 'dsp_1',
        invoiceId: 'inv_cascade1',
        contactId: 'ct_cascade',
        amount: 30000,
        currency: 'USD',
        explanation: 'Two pumps arrived damaged.',
        status: 'open',
        outcome: null,
        note: null,
        resolvedAt: null,
        createdAt: '2026-03-01T10:00:00.000Z',
      },
    ],
    applications: [
      {
        id: 'app_1',
        status: 'approved',
        mode: 'credit_check',
        score: 82,
        reasons: [{ code: 'strong_payment_history', description: 'Strong payment history' }],
        contactId: 'ct_blue',
        policyVersion: 1,
        modelVersion: 'builtin-1',
        decidedAt: '2026-02-02T10:00:00.000Z',
        createdAt: '2026-02-02T10:00:00.000Z',
      },
    ],
    keys: [
      {
        id: 'key_pk',
        kind: 'publishable',
        role: 'member',
        last4: 'test',
        publishableKey: 'pk_test_console',
        createdAt: '2026-01-05T10:00:00.000Z',
        revokedAt: null,
      },
      {
        id: 'key_sk',
        kind: 'secret',
        role: 'admin',
        last4: 'abcd',
        createdAt: '2026-01-05T10:00:00.000Z',
        revokedAt: null,
      },
    ],
    requests: [],
    endpoints: [],
  };
}

export function invoice({
  id: invoiceId,
  number,
  contactId,
  amount,
  status = 'open',
  dueDate = '2026-12-31',
  overdue = false,
}) {
  return {
    id: invoiceId,
    number,
    contactId,
    amount,
    balance: amount,
    currency: 'USD',
    status,
    overdue,
    issuedAt: '2026-11-01',
    dueDate,
    description: null,
    lineItems: [],
    paidAmount: 0,
    refundedAmount: 0,
    creditedAmount: 0,
    autopay: null,
    createdAt: now(),
  };
}

reset();

export const publicUser = ({ password: _p, ...user }) => user;

/** A JSON merge patch (RFC 7396), as PATCH /v1/merchant/settings applies it. */
export function mergePatch(target, patch) {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out = { ...(typeof target === 'object' && target !== null && !Array.isArray(target) ? target : {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}
