import { themeNames } from '../styles/palettes.js';

/**
 * The texts of the SDK's debug warnings: a module of their own, loaded only once a warning is due
 * (an element with `debug`, or `globalThis.ccDevMode`), so merchants' pages never download them.
 */
export const devTexts = {
  noPublishableKey: (tag: string) =>
    `<${tag}> has no publishable key: set publishable-key="pk_..." on it or on an enclosing <cc-provider>.`,
  invalidLocale: (locale: string) => `Ignoring the invalid locale "${locale}".`,
  unknownTheme: (tag: string, theme: string) =>
    `<${tag}> theme="${theme}" is unknown; use ${themeNames.map((n) => `"${n}"`).join(' or ')}.`,
  definedTwice: (tag: string) => `<${tag}> is already defined by another copy of the SDK; keeping the first one.`,
  invalidThemeHint: (hint: string, value: string, cssProperty: string) =>
    `Ignoring the merchant theme ${hint} "${value}": not a valid ${cssProperty}.`,
  textsNotLoaded: (locale: string) => `The texts for "${locale}" did not load; English is shown.`,
  unknownMode: (mode: string) =>
    `<cc-credit-app> mode="${mode}" is unknown; use "credit_check" or "credit_check_with_terms".`,
  modeNotAllowed: (mode: string) =>
    `<cc-credit-app> mode="${mode}" is not in this merchant's creditAppModes; the API will refuse it (mode_not_allowed).`,
  noOfferId: () =>
    '<cc-terms-offer> has no offer-id: set offer-id="off_..." to the offer to show; it renders a notice instead.',
};

export type DevTexts = typeof devTexts;
