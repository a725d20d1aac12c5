import { expect } from '@open-wc/testing';
import { loadMessages, messagesFor, messagesLoading } from './messages.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';

/** Every key path of a table (functions and strings are leaves). */
function paths(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? paths(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('messages', () => {
  // This page loads no wallet element's code: its table holds the forms' texts only (the
  // wallet's words, in any language, are not downloaded; see wallet-messages.test.ts).
  it('picks the table by language once loaded, English for others', async () => {
    expect(await loadMessages('es-MX')).to.deep.equal(es);
    expect(await loadMessages('FR-ca')).to.deep.equal(fr);
    expect(messagesFor('es-MX')).to.deep.equal(es);
    expect(messagesFor('FR-ca')).to.deep.equal(fr);
    expect(messagesFor('de')).to.deep.equal(en);
    expect(messagesFor('en-GB').continue).to.equal('Continue');
    expect(messagesFor('es')).not.to.have.property('wallet');
  });

  it('has every English text in Spanish and French', () => {
    expect(paths(es)).to.deep.equal(paths(en));
    expect(paths(fr)).to.deep.equal(paths(en));
    expect(es.stepNames).to.have.length(en.stepNames.length);
  });

  it("loads a wallet element's texts in the page's language when its code arrives later", async () => {
    await loadMessages('es');
    expect(messagesFor('es')).not.to.have.property('wallet');
    const { walletMessagesFor } = await import('./wallet-messages.js');
    const { walletEs } = await import('./messages/wallet-es.js');
    await messagesLoading();
    expect(walletMessagesFor('es-MX').session).to.equal(walletEs.session);
    expect(walletMessagesFor('es-MX')).not.to.have.property('wallet');
    // What a signed-in customer sees: an area of its own, added once a customer session is active.
    await import('./account-messages.js');
    const { accountEs } = await import('./messages/account-es.js');
    await messagesLoading();
    expect(walletMessagesFor('es-MX').wallet).to.equal(accountEs.wallet);
    expect(walletMessagesFor('es-MX').continue).to.equal(es.continue);
  });
});
