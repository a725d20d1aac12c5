import { expect } from '@open-wc/testing';
import { walletEn } from './messages/wallet-en.js';
import { walletEs } from './messages/wallet-es.js';
import { walletFr } from './messages/wallet-fr.js';
import { loadWalletMessages, walletMessagesFor } from './wallet-messages.js';

/** Every key path of a table (functions and strings are leaves). */
function paths(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    value && typeof value === 'object' ? paths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('wallet messages', () => {
  it('picks the table by language once loaded, English for others and meanwhile', async () => {
    expect(walletMessagesFor('es-MX')).to.equal(walletEn); // Spanish is fetched on demand
    expect(await loadWalletMessages('es-MX')).to.equal(walletEs);
    expect(await loadWalletMessages('fr-CA')).to.equal(walletFr);
    expect(walletMessagesFor('es-MX')).to.equal(walletEs);
    expect(walletMessagesFor('fr-CA')).to.equal(walletFr);
    expect(walletMessagesFor('de')).to.equal(walletEn);
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
