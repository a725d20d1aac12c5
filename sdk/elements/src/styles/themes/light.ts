import { themePreset } from '../theme-preset.js';

export const lightTheme = themePreset('light');
