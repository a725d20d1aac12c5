import { expect } from '@open-wc/testing';
import { walletEn } from './messages/wallet-en.js';
import { walletEs } from './messages/wallet-es.js';
import { walletFr } from './messages/wallet-fr.js';
import { loadMessages } from './messages.js';
import { messages as allEn } from './messages/locale-en.js';
import { messages as allEs } from './messages/locale-es.js';
import { messages as allFr } from './messages/locale-fr.js';
import { walletMessagesFor } from './wallet-messages.js';

/** Every key path of a table (functions and strings are leaves). */
function paths(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    value && typeof value === 'object' ? paths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('wallet messages', () => {
  it('picks the table by language once loaded, English for others; the wallet texts are in it', async () => {
    await Promise.all([loadMessages('es'), loadMessages('fr')]);
    expect(walletMessagesFor('es-MX')).to.deep.equal(allEs);
    expect(walletMessagesFor('fr-CA')).to.deep.equal(allFr);
    expect(walletMessagesFor('de')).to.deep.equal(allEn);
    expect(walletMessagesFor('es-MX').wallet).to.equal(walletEs.wallet);
    expect(walletMessagesFor('fr-CA').disputeForm).to.equal(walletFr.disputeForm);
    expect(walletMessagesFor('de').session).to.equal(walletEn.session);
  });

  it('has every English text in Spanish and French', () => {
    expect(paths(walletEs)).to.deep.equal(paths(walletEn));
    expect(paths(walletFr)).to.deep.equal(paths(walletEn));
  });

  it('keeps the dispute form labels exactly in English', () => {
    expect([
      walletEn.disputeForm.invoiceAmount,
      walletEn.disputeForm.disputeAmount,
      walletEn.disputeForm.save,
    ]).to.deep.equal(['Invoice Amount', 'Dispute Amount', 'Save']);
  });
});
