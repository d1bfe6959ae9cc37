// The chat page's colours from BRAND_COLOUR, with text colours picked so they stay readable on any brand colour.
const NEAR_BLACK = '#0b0c0c';
const WHITE = '#ffffff';
/** GOV.UK link blue: the fallback accent when the brand colour is too pale to read on white. */
const SAFE_ACCENT = '#1d70b8';
/** WCAG 2.2 AA for normal text. */
const MIN_TEXT_CONTRAST = 4.5;

export interface ChatPageTheme {
  brand: string;
  /** Text on the brand colour: white or near-black, whichever reads better. */
  onBrand: string;
  /** Web Chat's accent (send button, suggested actions): the brand colour when it reads on white. */
  accent: string;
}

export function chatPageTheme(brandColour: string): ChatPageTheme {
  const brand = /^#[0-9a-fA-F]{6}$/.test(brandColour) ? brandColour.toLowerCase() : SAFE_ACCENT;
  const onBrand = contrastRatio(brand, WHITE) >= contrastRatio(brand, NEAR_BLACK) ? WHITE : NEAR_BLACK;
  const accent = contrastRatio(brand, WHITE) >= MIN_TEXT_CONTRAST ? brand : SAFE_ACCENT;
  return { brand, onBrand, accent };
}

/** The stylesheet that carries the theme as custom properties, so chat.css stays static and no inline style is needed. */
export function chatPageThemeCss(theme: ChatPageTheme): string {
  return `:root{--brand:${theme.brand};--on-brand:${theme.onBrand};--accent:${theme.accent};}\n`;
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
