import { expect, fixture, html } from '@open-wc/testing';
import { $maybe, settle, until } from '../../test/helpers.js';
import { forgetSessions, storeSession, walletKeys, walletMock } from '../../test/wallet-helpers.js';
import '../define/cc-wallet.js';
import { loadMessages, messagesFor, plural, registerMessages } from '../index.js';

// The Words API merchants use: registerMessages (overrides and new languages, typed by the
// English table), loadMessages (a shipped language on demand) and plural (Intl.PluralRules).
describe('words', () => {
  it('an override changes a visible string of an element already on the page', async () => {
    forgetSessions();
    const seeded = await walletMock.seed(walletKeys.valid, { invoices: [{ amount: 1000, number: 'INV-W1' }] });
    storeSession(seeded.session.token);
    const provider = await fixture(
      html`<cc-provider publishable-key=${walletKeys.valid} locale="en-ZA"><cc-wallet></cc-wallet></cc-provider>`,
    );
    const el = provider.querySelector('cc-wallet')!;
    await until(() => $maybe(el, '#wallet-title'), 'the wallet shows');
    await settle(el);
    expect($maybe(el, '#wallet-title')!.textContent).to.contain('Your account with');
    registerMessages('en-ZA', { wallet: { title: (merchant: string) => `Statement from ${merchant}` } });
    await until(() => $maybe(el, '#wallet-title')?.textContent?.includes('Statement from'), 'the override shows');
    // Only that tag: other English pages keep the shipped words.
    expect(messagesFor('en-GB').wallet.title('Acme')).to.equal('Your account with Acme');
  });

  it('a new language with a few strings falls back to English for the rest', () => {
    registerMessages('de', { continue: 'Weiter', retry: 'Erneut versuchen', wallet: { invoices: 'Rechnungen' } });
    // @ts-expect-error: the English table types every key; a misspelt one does not compile.
    registerMessages('de', { contineu: 'Weiter' });
    const de = messagesFor('de-AT');
    expect(de.continue).to.equal('Weiter');
    expect(de.retry).to.equal('Erneut versuchen');
    expect(de.wallet.invoices).to.equal('Rechnungen');
    expect(de.back).to.equal('Back');
    expect(de.wallet.noInvoices).to.equal(messagesFor('en').wallet.noInvoices);
    expect(messagesFor('en').continue).to.equal('Continue');
  });

  it('overrides a shipped language over its loaded table, and later calls win', async () => {
    const fr = await loadMessages('fr');
    registerMessages('fr', { back: 'Précédent' });
    registerMessages('fr', { back: 'Retour arrière' });
    expect(messagesFor('fr-CA').back).to.equal('Retour arrière');
    expect(messagesFor('fr').continue).to.equal(fr.continue);
    expect(messagesFor('fr').continue).not.to.equal('Continue');
  });

  it('plural forms follow Intl.PluralRules in English and French', () => {
    const forms = { one: 'one', other: 'other' };
    expect([0, 1, 2].map((n) => plural('en', n, forms))).to.deep.equal(['other', 'one', 'other']);
    expect([0, 1, 2].map((n) => plural('fr', n, forms))).to.deep.equal(['one', 'one', 'other']);
    expect(plural('fr', 1.5, forms)).to.equal('one');
    expect(plural('not a locale!', 1, forms)).to.equal('one');
  });

  it('the shipped count texts use them', async () => {
    const [en, fr] = [messagesFor('en'), await loadMessages('fr')];
    expect(en.problems(1)).to.equal('There is 1 problem to fix.');
    expect(en.problems(2)).to.equal('There are 2 problems to fix.');
    expect(fr.problems(2)).to.equal('Il y a 2 problèmes à corriger.');
    expect(fr.wallet.olderShown(1)).to.contain('1 ');
  });
});
