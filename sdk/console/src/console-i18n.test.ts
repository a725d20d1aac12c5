import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import { $, $maybe, consoleMock, partOf, signInToConsole, textOf, until } from '../test/console-helpers.js';
import type { CcMerchantConsole } from './merchant-console.js';
import { consoleMessagesFor } from './messages.js';
import { consoleEn } from './messages/console-en.js';
import { consoleEs } from './messages/console-es.js';
import { consoleFr } from './messages/console-fr.js';

/** Every leaf of a table (strings and functions), by its key path. */
function leaves(table: object, prefix = ''): [string, unknown][] {
  return Object.entries(table).flatMap(([key, value]): [string, unknown][] =>
    value && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

describe('console messages', () => {
  it('picks the table by language, English for others', () => {
    expect(consoleMessagesFor('es-MX')).to.deep.equal(consoleEs);
    expect(consoleMessagesFor('fr-CA')).to.deep.equal(consoleFr);
    expect(consoleMessagesFor('en-GB')).to.deep.equal(consoleEn);
    expect(consoleMessagesFor('de')).to.deep.equal(consoleEn);
  });

  for (const [name, table] of [
    ['Spanish', consoleEs],
    ['French', consoleFr],
  ] as const) {
    it(`has every English text in ${name}, none empty, functions taking the same values`, () => {
      const theirs = new Map(leaves(table));
      for (const [path, english] of leaves(consoleEn)) {
        expect(theirs.has(path), `${name} has ${path}`).to.equal(true);
        const value = theirs.get(path);
        if (typeof english === 'function') {
          expect(value, path).to.be.a('function');
          expect((value as (...args: unknown[]) => unknown).length, `${path} takes the same values`).to.equal(
            english.length,
          );
        } else {
          expect(value, path).to.be.a('string').and.not.equal('');
        }
      }
      expect(theirs.size, `${name} has no key English lacks`).to.equal(leaves(consoleEn).length);
    });
  }
});

const cases = [
  {
    locale: 'es',
    signInTitle: 'Inicie sesión en su panel',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    emailEmpty: 'Escriba su correo electrónico.',
    problems: /Hay 2 problemas que corregir/,
    nav: ['Resumen', 'Contactos', 'Facturas', 'Solicitudes de pago', 'Disputas', 'Ajustes', 'Integración'],
    openBalance: 'Saldo pendiente',
    dollars: /2100,00\sUS\$/,
    euros: /42,00\s€/,
  },
  {
    locale: 'fr',
    signInTitle: 'Connectez-vous à votre tableau de bord',
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    emailEmpty: 'Saisissez votre adresse e-mail.',
    problems: /Il y a 2 problèmes à corriger/,
    nav: ['Vue d’ensemble', 'Contacts', 'Factures', 'Demandes de paiement', 'Litiges', 'Paramètres', 'Intégration'],
    openBalance: 'Solde dû',
    dollars: /2\s100,00\s\$US/,
    euros: /42,00\s€/,
  },
];

describe('<cc-merchant-console> in other languages', () => {
  beforeEach(async () => {
    await consoleMock.reset();
    location.hash = '';
  });
  afterEach(() => {
    location.hash = '';
  });

  for (const c of cases) {
    it(`locale="${c.locale}": signs in, validates, navigates and formats in that language, accessibly`, async () => {
      const shell = await fixture<CcMerchantConsole>(
        html`<cc-merchant-console locale=${c.locale}></cc-merchant-console>`,
      );
      expect(shell.getAttribute('lang'), 'the language screen readers use').to.equal(c.locale);

      const form = await until(() => partOf<HTMLElement>(shell, 'cc-console-sign-in'), 'the sign-in form');
      await until(() => $maybe(form, 'h1'), 'the sign-in heading');
      expect($(form, 'h1').textContent).to.equal(c.signInTitle);
      expect($(form, 'label[for="email"]').textContent).to.equal(c.email);
      expect($(form, 'label[for="password"]').textContent).to.equal(c.password);
      expect($(form, 'button.primary').textContent).to.equal(c.signIn);
      await expect(shell).to.be.accessible();

      $(form, 'button.primary').click();
      await until(() => $maybe(form, '#email-error'), 'the email error');
      expect($(form, '#email-error').textContent).to.equal(c.emailEmpty);
      expect($(form, '[role="status"]').textContent).to.match(c.problems);

      const overview = await signInToConsole(shell);
      await until(() => textOf(overview).includes(c.openBalance), 'the figures');
      expect($(overview, 'h1').textContent).to.equal(c.nav[0]);
      expect([...shell.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal(c.nav);
      expect($(shell, 'nav a[aria-current="page"]').textContent).to.equal(c.nav[0]);
      expect(textOf(overview)).to.match(c.dollars);
      expect(textOf(overview)).to.match(c.euros);
      await expect(shell).to.be.accessible();
    });
  }

  it('speaks English for other languages, and says so', async () => {
    const shell = await fixture<CcMerchantConsole>(html`<cc-merchant-console locale="de-DE"></cc-merchant-console>`);
    expect(shell.getAttribute('lang')).to.equal('en');
    const form = await until(() => partOf<HTMLElement>(shell, 'cc-console-sign-in'), 'the sign-in form');
    await until(() => $maybe(form, 'h1'), 'the sign-in heading');
    expect($(form, 'h1').textContent).to.equal('Sign in to your dashboard');
  });
});
