import { describe, expect, it } from '@jest/globals';
import { renderNotice } from './templates.js';

describe('notice templates', () => {
  const hostile = '<script>alert("x")</script> & Co';
  const base = {
    merchantName: `Acme ${hostile}`,
    recipientName: hostile,
    companyName: hostile,
    link: 'https://w.example/wallet?cc_token=wl_x&a="b"',
  };

  it('escapes every supplied string in the HTML part and keeps the text part plain', () => {
    const n = renderNotice('dispute_opened_merchant', {
      ...base,
      data: {
        dispute: { amount: 12345, currency: 'USD', explanation: `Wrong qty ${hostile}` },
        invoiceNumber: `INV-<b>1</b>`,
        balance: 50000,
      },
    });
    expect(n.html).not.toContain('<script>');
    expect(n.html).not.toContain('<b>1</b>');
    expect(n.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(n.html).toContain('cc_token=wl_x&amp;a=&quot;b&quot;');
    expect(n.text).toContain('Disputed amount: 123.45 USD');
    expect(n.text).toContain('Invoice balance: 500.00 USD');
    expect(n.text).toContain(`Their explanation: Wrong qty ${hostile}`);
    expect(n.subject).toBe(`Dispute opened: invoice INV-<b>1</b> (${hostile})`);
  });

  it('formats money in each currency’s own decimals', () => {
    const n = renderNotice('invoice_issued', {
      ...base,
      data: { invoice: { number: 'A1', amount: 150000, currency: 'JPY', dueDate: '2026-12-01' } },
    });
    expect(n.text).toContain('150,000 JPY, due 2026-12-01');
  });
});
