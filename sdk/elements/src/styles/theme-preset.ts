import { unsafeCSS, type CSSResult } from 'lit';
import { palettes, type PaletteName } from './palettes.js';

function declarations(name: PaletteName): string {
  const values = Object.entries(palettes[name]).map(([token, value]) => `--_cc-theme-${token}: ${value};`);
  return `color-scheme: ${name}; ${values.join(' ')}`;
}

/**
 * `:host([theme=name])` sets the preset variables, which descendants inherit. `auto` takes the
 * light palette, and the dark one while the page's `prefers-color-scheme` is dark.
 */
export function themePreset(name: PaletteName | 'auto'): CSSResult {
  if (name !== 'auto') return unsafeCSS(`:host([theme='${name}']) { ${declarations(name)} }`);
  return unsafeCSS(
    `:host([theme='auto']) { ${declarations('light')} } ` +
      `@media (prefers-color-scheme: dark) { :host([theme='auto']) { ${declarations('dark')} } }`,
  );
}
