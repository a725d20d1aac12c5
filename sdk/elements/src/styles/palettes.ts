/** A palette of colours. */
export type PaletteName = 'light' | 'dark';
/** A `theme` attribute value: a palette, or `auto` (the palette matching `prefers-color-scheme`). */
export type ThemeName = PaletteName | 'auto';
export const themeNames: readonly ThemeName[] = ['light', 'dark', 'auto'];

/** The tokens a theme preset changes. Each is public as `--cc-<name>`. */
export type ThemedToken =
  | 'color-primary'
  | 'color-on-primary'
  | 'color-text'
  | 'color-muted'
  | 'color-surface'
  | 'color-border'
  | 'color-danger'
  | 'color-success'
  | 'focus-ring';

// Every text colour reaches WCAG AA (4.5:1) on its surface, borders reach 3:1.
export const palettes: Record<PaletteName, Record<ThemedToken, string>> = {
  light: {
    'color-primary': '#1d4ed8',
    'color-on-primary': '#ffffff',
    'color-text': '#1f2937',
    'color-muted': '#4b5563',
    'color-surface': '#ffffff',
    'color-border': '#6b7280',
    'color-danger': '#b91c1c',
    'color-success': '#15803d',
    'focus-ring': '2px solid #1d4ed8',
  },
  dark: {
    'color-primary': '#93c5fd',
    'color-on-primary': '#111827',
    'color-text': '#f9fafb',
    'color-muted': '#d1d5db',
    'color-surface': '#111827',
    'color-border': '#9ca3af',
    'color-danger': '#fca5a5',
    'color-success': '#86efac',
    'focus-ring': '2px solid #93c5fd',
  },
};

/** Tokens no preset changes. */
export const sharedTokens = {
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'font-size': '1rem',
  radius: '0.375rem',
  space: '0.5rem',
} as const;
