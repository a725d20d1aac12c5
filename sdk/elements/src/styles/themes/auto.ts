import { themePreset } from '../theme-preset.js';

export const autoTheme = themePreset('auto');
