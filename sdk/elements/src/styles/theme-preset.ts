import { unsafeCSS, type CSSResult } from 'lit';
import { palettes, type ThemeName } from './palettes.js';

/** `:host([theme=name])` sets the preset variables, which descendants inherit. */
export function themePreset(name: ThemeName): CSSResult {
  const declarations = Object.entries(palettes[name]).map(([token, value]) => `--_cc-theme-${token}: ${value};`);
  return unsafeCSS(`:host([theme='${name}']) { color-scheme: ${name}; ${declarations.join(' ')} }`);
}
