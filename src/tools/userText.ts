// Cleaning and length-capping of free text people type (names, needs, targets) before any tool uses it.

// C0 and C1 control characters except tab and newline, the invisible bidirectional embedding/override/isolate
// controls (they can make text display in a different order from how it is stored), the byte-order mark, and
// lone surrogates. Right-to-left scripts themselves are kept; so are the joiners emoji sequences need.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface CleanTextOptions {
  /** Longest result in characters (code points). Longer text is cut at a word boundary. */
  maxLength: number;
  /** Keep line breaks (for paragraphs of text). Default false: a single line, as for a name. */
  multiline?: boolean;
}

export interface CleanText {
  text: string;
  /** True when the text was cut to fit `maxLength`. */
  shortened: boolean;
}

function cutAtWordBoundary(text: string, maxLength: number): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= maxLength) return text;
  const head = codePoints.slice(0, maxLength).join('');
  const lastSpace = head.search(/\s\S*$/);
  // Prefer a word boundary when one is reasonably near the end; otherwise cut between whole characters.
  if (lastSpace > head.length * 0.8) return head.slice(0, lastSpace).trimEnd();
  const graphemes = Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), (part) => part.segment);
  let result = '';
  for (const grapheme of graphemes) {
    if (Array.from(result + grapheme).length > maxLength) break;
    result += grapheme;
  }
  return result.trimEnd();
}

/** Strips control characters, normalises (NFC, line endings, spacing) and caps the length of typed text. */
export function cleanUserText(raw: string | undefined, options: CleanTextOptions): CleanText {
  if (raw === undefined) return { text: '', shortened: false };
  let text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(LONE_SURROGATES, '')
    .replace(/\t/g, ' ')
    .replace(CONTROL_CHARACTERS, '');
  text = options.multiline
    ? text
        .split('\n')
        .map((line) => line.replace(/[ \u00A0]+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : text.replace(/\s+/g, ' ').trim();
  const cut = cutAtWordBoundary(text, options.maxLength);
  return { text: cut, shortened: cut !== text };
}
