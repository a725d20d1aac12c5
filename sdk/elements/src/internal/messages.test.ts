import { expect } from '@open-wc/testing';
import { loadMessages, messagesFor } from './messages.js';
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
  it('picks the table by language once loaded, English for others and meanwhile', async () => {
    expect(messagesFor('es-MX')).to.equal(en); // Spanish is fetched on demand
    expect(await loadMessages('es-MX')).to.equal(es);
    expect(await loadMessages('fr')).to.equal(fr);
    expect(await loadMessages('de')).to.equal(en);
    expect(messagesFor('es-MX')).to.equal(es);
    expect(messagesFor('FR-ca')).to.equal(fr);
    expect(messagesFor('de')).to.equal(en);
    expect(messagesFor('en-GB').continue).to.equal('Continue');
  });

  it('has every English text in Spanish and French', () => {
    expect(paths(es)).to.deep.equal(paths(en));
    expect(paths(fr)).to.deep.equal(paths(en));
    expect(es.stepNames).to.have.length(en.stepNames.length);
  });
});
