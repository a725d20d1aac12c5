import type { DevTexts } from './dev-texts.js';

declare global {
  /** Set to `true` (a development setup) or `false` before the SDK loads to force dev-mode warnings on or off. */
  var ccDevMode: boolean | undefined;
}

/**
 * Dev mode: forced by `globalThis.ccDevMode`, otherwise on only for an element with a `debug`
 * attribute, or inside a CustomerConnect element that has one (`<cc-provider debug>`), across
 * shadow roots. Merchants' pages print nothing, on localhost too.
 */
export function isDevMode(from?: Element | null): boolean {
  if (typeof globalThis.ccDevMode === 'boolean') return globalThis.ccDevMode;
  if (from?.hasAttribute('debug')) return true;
  for (let el = from ? parentOf(from) : null; el; el = parentOf(el))
    if (el.localName.startsWith('cc-') && el.hasAttribute('debug')) return true;
  return false;
}

const parentOf = (el: Element): Element | null =>
  el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host || null);

/** Warns about a misuse of the SDK in dev mode only (`from`: the element concerned). */
export function devWarn(message: string, from?: Element | null): void {
  if (isDevMode(from)) console.warn(`[CustomerConnect] ${message}`);
}

let printed: Promise<void> = Promise.resolve();

/**
 * The SDK's own warnings: `devWarn` with a text of `dev-texts.ts`, which is loaded (its own
 * chunk) only when a warning is due, so merchants' pages carry none of the texts. Printed in
 * the order they were raised, a moment later (`devWarningsPrinted`).
 */
export function devWarning<K extends keyof DevTexts>(
  from: Element | null | undefined,
  key: K,
  ...args: Parameters<DevTexts[K]>
): void {
  if (!isDevMode(from)) return;
  printed = printed
    .then(() => import('./dev-texts.js'))
    .then(({ devTexts }) =>
      console.warn(`[CustomerConnect] ${(devTexts[key] as (...a: unknown[]) => string)(...args)}`),
    )
    .catch(() => undefined);
}

/** Settles once every warning raised so far is printed (tests, tools). */
export const devWarningsPrinted = (): Promise<void> => printed;
