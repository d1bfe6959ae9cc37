// Shared look for generated pictures: colours with strong contrast on white, font, text measuring and wrapping.
import { createHash } from 'node:crypto';

/**
 * GOV.UK-like colours. Every colour used for text has at least 4.5:1 contrast on white (WCAG 2.2 AA text);
 * `line` and `today` are at least 3:1 for graphics. Status is never shown by colour alone: words say it too.
 */
export const PALETTE = {
  background: '#ffffff',
  text: '#0b0c0c',
  secondaryText: '#505a5f',
  line: '#505a5f',
  passed: '#505a5f',
  dueSoon: '#942514',
  upcoming: '#1d70b8',
  today: '#0b0c0c',
  highlightFill: '#1d70b8',
  highlightText: '#ffffff',
  boxFill: '#ffffff',
  boxStroke: '#505a5f',
} as const;

export const FONT_FAMILY = 'Arial, Helvetica, sans-serif';

/** Pictures are drawn 320 units wide: one unit per CSS pixel on the narrowest common phone screen. */
export const PICTURE_WIDTH = 320;

// Deliberately generous average glyph width for Arial (real average is nearer 0.5em): text measured with it
// fits even in bold or in a wider fallback font.
const AVERAGE_GLYPH_EM = 0.6;

export function estimateTextWidth(text: string, fontSize: number): number {
  return Array.from(text).length * fontSize * AVERAGE_GLYPH_EM;
}

/** Splits text into lines that fit `maxWidth`; a word longer than a line is cut with an ellipsis; at most `maxLines`. */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines = 3): string[] {
  const maxChars = Math.max(4, Math.floor(maxWidth / (fontSize * AVERAGE_GLYPH_EM)));
  const lines: string[] = [];
  let current = '';
  for (const rawWord of text.split(/\s+/).filter((word) => word !== '')) {
    const word = Array.from(rawWord).length > maxChars ? `${Array.from(rawWord).slice(0, maxChars - 1).join('')}…` : rawWord;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (Array.from(candidate).length <= maxChars) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = `${Array.from(last).slice(0, maxChars - 1).join('')}…`;
    return kept;
  }
  return lines;
}

/** A short id prefix derived from the picture's content, so two pictures on one page never share element ids. */
export function svgIdPrefix(kind: string, content: string): string {
  return `${kind}-${createHash('sha256').update(content).digest('hex').slice(0, 8)}`;
}

/** Rounds coordinates so the markup stays short and stable. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
