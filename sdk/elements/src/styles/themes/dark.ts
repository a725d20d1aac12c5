import { themePreset } from '../theme-preset.js';

export const darkTheme = themePreset('dark');
