import { expect } from '@open-wc/testing';
import { loadMessages, messagesFor } from './messages.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import { messages as allEn } from './messages/locale-en.js';
import { messages as allEs } from './messages/locale-es.js';
import { messages as allFr } from './messages/locale-fr.js';

/** Every key path of a table (functions and strings are leaves). */
function paths(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? paths(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('messages', () => {
  it('picks the table by language once loaded, English for others', async () => {
    expect(await loadMessages('es-MX')).to.equal(allEs);
    expect(await loadMessages('FR-ca')).to.equal(allFr);
    expect(messagesFor('es-MX')).to.equal(allEs);
    expect(messagesFor('FR-ca')).to.equal(allFr);
    expect(messagesFor('de')).to.equal(allEn);
    expect(messagesFor('en-GB').continue).to.equal('Continue');
  });

  it('has every English text in Spanish and French', () => {
    expect(paths(es)).to.deep.equal(paths(en));
    expect(paths(fr)).to.deep.equal(paths(en));
    expect(es.stepNames).to.have.length(en.stepNames.length);
  });
});
