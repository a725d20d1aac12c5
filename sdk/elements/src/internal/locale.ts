import { devWarning } from './dev-warnings.js';

/**
 * The locale an element uses: its `locale` attribute, else the page's `<html lang>`,
 * else the browser's language, else `en`. Invalid tags are skipped with a dev warning.
 */
export function resolveLocale(requested?: string | null): string {
  for (const candidate of [requested, document.documentElement.lang, navigator.language]) {
    if (!candidate) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate);
      if (canonical) return canonical;
    } catch {
      devWarning(null, 'invalidLocale', candidate);
    }
  }
  return 'en';
}
