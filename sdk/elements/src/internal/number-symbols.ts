/** How a locale writes numbers: the characters people type, and the grouping rule. */
export interface NumberSymbols {
  decimal: string;
  /** Undefined for locales that do not group digits. */
  group?: string;
  /** Size of the rightmost group (3), and of the groups left of it (3; 2 in en-IN). */
  primaryGroup: number;
  secondaryGroup: number;
  /** The locale's digits 0-9, when they are not ASCII (ar-EG). */
  digits: readonly string[];
}

const cache = new Map<string, NumberSymbols>();

export function numberSymbols(locale: string): NumberSymbols {
  let symbols = cache.get(locale);
  if (!symbols) {
    symbols = readSymbols(locale);
    cache.set(locale, symbols);
  }
  return symbols;
}

function readSymbols(locale: string): NumberSymbols {
  const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1234567890.5);
  const integers = parts.filter((part) => part.type === 'integer').map((part) => part.value);
  const group = parts.find((part) => part.type === 'group')?.value;
  const plain = new Intl.NumberFormat(locale, { useGrouping: false });
  const symbols: NumberSymbols = {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    primaryGroup: integers.at(-1)?.length ?? 3,
    secondaryGroup: integers.at(-2)?.length ?? 3,
    digits: Array.from({ length: 10 }, (_, digit) => plain.format(digit)),
  };
  if (group !== undefined) symbols.group = group;
  return symbols;
}
