import { unique } from './factories.js';

/** A complete, valid credit application body; override any part. */
export function applicationBody(over: { mode?: string; taxId?: string; email?: string; [k: string]: unknown } = {}) {
  const { mode = 'credit_check', taxId = '12-3456789', email = `ap-${unique()}@customer.example`, ...rest } = over;
  return {
    mode,
    business: {
      legalName: `Acme Fabrication ${unique()} LLC`,
      taxId,
      address: { line1: '100 Industrial Way', city: 'Columbus', region: 'OH', postalCode: '43004', country: 'US' },
      yearsInBusiness: 12,
      annualRevenue: 250_000_000,
    },
    applicant: { name: 'Jordan Lee', email, phone: '+1 614 555 0100', title: 'Controller' },
    consent: { agreed: true, name: 'Jordan Lee' },
    ...rest,
  };
}

export const ORIGIN = 'https://shop.example.com';
