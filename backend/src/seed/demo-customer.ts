import type { INestApplicationContext } from '@nestjs/common';
import type { CustomerAuth, MerchantAuth } from '../platform/http/auth/auth-context.js';
import { addDays } from '../platform/clock/dates.js';
import { Clock } from '../platform/clock/clock.js';
import { SessionsService } from '../domain/users/sessions.service.js';
import { CreditService } from '../domain/credit/credit.service.js';
import { InvoicesService } from '../domain/invoices/invoices.service.js';
import { PaymentMethodsService } from '../domain/payments/payment-methods/payment-methods.service.js';
import { PaymentRequestsService } from '../domain/payment-requests/payment-requests.service.js';
import { PaymentsService } from '../domain/payments/payments.service.js';
import { TermsService } from '../domain/terms/terms.service.js';

/** The demo's authorized customer: the one whose wallet the demo site shows. */
export const DEMO_CUSTOMER = {
  companyName: 'Harbor Fabrication Co.',
  email: 'ap@harbor-fab.example',
  name: 'Riley Chen',
};

/**
 * Seeds, through the same services the API uses, an authorized contact with a card on file,
 * an open invoice, an overdue one, a paid one, and a payment request that takes partial payments.
 */
export async function seedDemoCustomer(
  app: INestApplicationContext,
  merchantId: string,
  adminKeyId: string,
): Promise<string> {
  const merchant: MerchantAuth = { kind: 'secret_key', merchantId, role: 'admin', keyId: adminKeyId };
  const actor = { type: 'system' as const, id: null, credentialId: null };
  const result = await app.get(CreditService).apply(
    merchant,
    {
      mode: 'credit_check_with_terms',
      business: {
        legalName: DEMO_CUSTOMER.companyName,
        taxId: '12-3456789',
        address: { line1: '88 Dock Street', city: 'Tacoma', region: 'WA', postalCode: '98402', country: 'US' },
        yearsInBusiness: 14,
        annualRevenue: 420_000_000,
      },
      applicant: { name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email, title: 'Accounts payable' },
      consent: { agreed: true, name: DEMO_CUSTOMER.name },
    },
    '127.0.0.1',
  );
  const contactId = result.contact.id;
  const { session } = await app.get(SessionsService).createCustomerSession(merchantId, contactId);
  const customer: CustomerAuth = { kind: 'customer_session', merchantId, contactId, sessionId: session.id };
  await app
    .get(TermsService)
    .accept(customer, result.termsOffer!.id, { signatureName: DEMO_CUSTOMER.name }, '127.0.0.1');
  const card = await app
    .get(PaymentMethodsService)
    .add(customer, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' } });
  const invoices = app.get(InvoicesService);
  const today = app.get(Clock).today();
  await invoices.create(
    merchantId,
    {
      contactId,
      number: 'NW-10231',
      amount: 184_250,
      issuedAt: addDays(today, -45),
      dueDate: addDays(today, -15),
      description: 'Stainless fasteners, pallet of 12 cartons',
    },
    actor,
  );
  await invoices.create(
    merchantId,
    {
      contactId,
      number: 'NW-10288',
      issuedAt: addDays(today, -5),
      description: 'Safety supplies',
      lineItems: [
        { description: 'Cut-resistant gloves (box of 12)', quantity: 10, unitAmount: 4_800 },
        { description: 'Safety glasses (box of 24)', quantity: 4, unitAmount: 6_150 },
      ],
    },
    actor,
  );
  const paid = await invoices.create(
    merchantId,
    { contactId, number: 'NW-10190', amount: 62_000, issuedAt: addDays(today, -60), description: 'Anchor bolts' },
    actor,
  );
  await app.get(PaymentsService).payInvoice(customer, paid.id, card.id, undefined);
  await app
    .get(PaymentRequestsService)
    .create(
      merchantId,
      { contactId, amount: 250_000, memo: 'Q4 deposit for the dock expansion order', minimumPercent: 25 },
      actor,
      'admin',
    );
  return contactId;
}
