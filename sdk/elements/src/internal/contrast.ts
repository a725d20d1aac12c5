const darkText = '#111827';
const lightText = '#ffffff';

/** WCAG relative luminance of an sRGB `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * White or near-black, whichever reads better on `color` (any CSS colour the canvas
 * normalizes to `#rrggbb`); undefined for colours it cannot judge (transparent, wide gamut).
 */
export function readableTextOn(color: string): string | undefined {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.fillStyle = color;
  const normalized = String(context.fillStyle);
  if (!/^#[0-9a-f]{6}$/i.test(normalized)) return undefined;
  return contrastRatio(normalized, lightText) >= contrastRatio(normalized, darkText) ? lightText : darkText;
}
