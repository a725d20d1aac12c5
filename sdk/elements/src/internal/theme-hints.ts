import { readableTextOn } from './contrast.js';
import { devWarning } from './dev-warnings.js';
import type { ThemeHints } from './public-config.js';

const hintProperties: ReadonlyArray<readonly [keyof ThemeHints, string, string]> = [
  ['primaryColor', '--cc-color-primary', 'color'],
  ['radius', '--cc-radius', 'border-radius'],
  ['fontFamily', '--cc-font-family', 'font-family'],
];

/**
 * Sets the merchant's theme hints as inline `--cc-*` properties on `host`, skipping any
 * property the page already gives it (its own CSS or an ancestor's wins). With a primary
 * colour it also picks a readable `--cc-color-on-primary`. `owned` remembers what was set
 * here, so the next config replaces or removes it.
 */
export function applyThemeHints(host: HTMLElement, hints: ThemeHints | undefined, owned: Set<string>): void {
  for (const property of owned) host.style.removeProperty(property);
  owned.clear();
  const computed = getComputedStyle(host);
  const setIfUnset = (property: string, value: string): boolean => {
    if (computed.getPropertyValue(property).trim() !== '') return false;
    host.style.setProperty(property, value);
    owned.add(property);
    return true;
  };
  for (const [hint, property, cssProperty] of hintProperties) {
    const value = hints?.[hint]?.trim();
    if (!value) continue;
    if (!CSS.supports(cssProperty, value)) {
      devWarning(host, 'invalidThemeHint', hint, value, cssProperty);
      continue;
    }
    if (setIfUnset(property, value) && hint === 'primaryColor') {
      const onPrimary = readableTextOn(value);
      if (onPrimary) setIfUnset('--cc-color-on-primary', onPrimary);
    }
  }
}
