import { devWarning } from './dev-warnings.js';

/**
 * Registers an element unless the tag is taken, so loading the SDK twice (two bundles,
 * or a bundle and the npm package) never throws. The first registration wins.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    devWarning(null, 'definedTwice', tag);
  }
}
