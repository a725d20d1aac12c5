/** The forms a count takes in a language (`Intl.PluralRules` categories); `other` is required. */
export type PluralForms<T = string> = Partial<Record<Intl.LDMLPluralRule, T>> & { other: T };

/**
 * The form of `count` for the locale's plural rules (`Intl.PluralRules`): `one` for 1 in
 * English, for 0 and 1 in French; `many`, `few`, `two`, `zero` where a language has them.
 *
 * ```ts
 * plural('fr', n, { one: `${n} problème`, other: `${n} problèmes` });
 * ```
 */
export function plural<T>(locale: string, count: number, forms: PluralForms<T>): T {
  let rules: Intl.PluralRules;
  try {
    rules = new Intl.PluralRules(locale);
  } catch {
    rules = new Intl.PluralRules('en');
  }
  return forms[rules.select(count)] ?? forms.other;
}
