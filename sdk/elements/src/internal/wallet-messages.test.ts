import { expect } from '@open-wc/testing';
import './account-messages.js';
import './decision-messages.js';
import { accountEn } from './messages/account-en.js';
import { accountEs } from './messages/account-es.js';
import { accountFr } from './messages/account-fr.js';
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
    expect(walletMessagesFor('es-MX').wallet).to.equal(accountEs.wallet);
    expect(walletMessagesFor('fr-CA').disputeForm).to.equal(accountFr.disputeForm);
    expect(walletMessagesFor('de').session).to.equal(walletEn.session);
    expect(walletMessagesFor('es-MX').session).to.equal(walletEs.session);
  });

  it('has every English text in Spanish and French', () => {
    expect(paths(walletEs)).to.deep.equal(paths(walletEn));
    expect(paths(walletFr)).to.deep.equal(paths(walletEn));
    expect(paths(accountEs)).to.deep.equal(paths(accountEn));
    expect(paths(accountFr)).to.deep.equal(paths(accountEn));
  });

  it('keeps the dispute form labels exactly in English', () => {
    expect([
      accountEn.disputeForm.invoiceAmount,
      accountEn.disputeForm.disputeAmount,
      accountEn.disputeForm.save,
    ]).to.deep.equal(['Invoice Amount', 'Dispute Amount', 'Save']);
  });
});
