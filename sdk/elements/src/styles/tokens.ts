import { unsafeCSS } from 'lit';
import { palettes, sharedTokens } from './palettes.js';

const themed = Object.entries(palettes.light).map(
  // The preset variable comes from a `theme` attribute on this element or an ancestor; light when none.
  ([name, light]) => `--_cc-${name}: var(--cc-${name}, var(--_cc-theme-${name}, ${light}));`,
);
const shared = Object.entries(sharedTokens).map(([name, value]) => `--_cc-${name}: var(--cc-${name}, ${value});`);

/**
 * The private `--_cc-*` tokens components read. Each takes the public `--cc-*` property
 * when the page sets it, else the theme preset, else the light default.
 */
export const tokens = unsafeCSS(`:host { ${[...themed, ...shared].join(' ')} }`);
