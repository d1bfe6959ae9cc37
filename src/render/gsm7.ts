// The GSM 03.38 alphabet: turning any text into characters an SMS can carry as GSM-7, and counting septets.

/** The 128-position basic table in code order; position 0x1B is the escape to the extension table, never sent as text. */
export const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs two septets (escape + code). Form feed is in it but never useful in a text. */
export const GSM7_EXTENSION = '\f^{}\\[~]|€';

const ESCAPE = '\u001b';
const BASIC = new Set([...GSM7_BASIC].filter((ch) => ch !== ESCAPE));
const EXTENSION = new Set([...GSM7_EXTENSION]);

/** Characters with a better stand-in than their Unicode decomposition gives (or none at all). */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  // quotes and apostrophes
  ...[...'‘’‚‛′‹›`´'].map((ch): [string, string] => [ch, "'"]),
  ...[...'“”„‟″«»'].map((ch): [string, string] => [ch, '"']),
  // dashes, minus and hyphens
  ...[...'‐‑‒–—―−⁃'].map((ch): [string, string] => [ch, '-']),
  // bullets
  ...[...'•◦‣∙·▪▫●○■□►▸▶'].map((ch): [string, string] => [ch, '-']),
  ['…', '...'],
  // spaces and line breaks
  ...[...'\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000'].map(
    (ch): [string, string] => [ch, ' '],
  ),
  ...[...'\r\f\v\u0085\u2028\u2029'].map((ch): [string, string] => [ch, '\n']),
  // letters with no decomposition to a plain letter
  ['ç', 'c'], ['œ', 'oe'], ['Œ', 'OE'], ['đ', 'd'], ['Đ', 'D'], ['ł', 'l'], ['Ł', 'L'], ['ð', 'd'], ['Ð', 'D'],
  ['þ', 'th'], ['Þ', 'Th'], ['ı', 'i'], ['ŀ', 'l'], ['Ŀ', 'L'], ['ħ', 'h'], ['Ħ', 'H'], ['ŧ', 't'], ['Ŧ', 'T'],
  // Greek capitals that look like Latin ones (the others are in the basic table)
  ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'],
  ['Ο', 'O'], ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'],
  // symbols
  ['×', 'x'], ['÷', '/'], ['⁄', '/'], ['±', '+/-'], ['≤', '<='], ['≥', '>='], ['≠', '!='], ['→', '->'], ['←', '<-'],
  ['©', '(c)'], ['®', '(R)'], ['¢', 'c'], ['\u00ad', ''],
]);

/** Emoji and their helpers: pictographs, skin-tone modifiers, regional-indicator flags. */
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Emoji_Presentation}|\p{Regional_Indicator})$/u;
/** Invisible or joining characters: combining marks, format controls (ZWJ, bidi overrides, tags), controls, lone surrogates. */
const DROPPED = /^(?:\p{M}|\p{Cf}|\p{Cc}|\p{Cs})$/u;

function convertChar(ch: string): string {
  if (BASIC.has(ch) && ch !== '\r') return ch;
  if (EXTENSION.has(ch) && ch !== '\f') return ch;
  const replacement = REPLACEMENTS.get(ch);
  if (replacement !== undefined) return replacement;
  if (EMOJI.test(ch) || DROPPED.test(ch)) return '';
  // Accented letters outside the alphabet, ligatures, full-width forms: decompose and keep what GSM-7 has.
  const decomposed = [...ch.normalize('NFKD')]
    .map((part) => (BASIC.has(part) || EXTENSION.has(part) ? part : (REPLACEMENTS.get(part) ?? (DROPPED.test(part) ? '' : '?'))))
    .join('');
  return decomposed === '' ? '?' : decomposed;
}

/**
 * Text using only GSM-7 characters: smart quotes straight, dashes and bullets "-", ellipsis "...", odd spaces " ",
 * accents outside the alphabet dropped to the plain letter, emoji and invisible characters removed, and anything
 * else that has no plain stand-in (another script, say) shown as "?" so the reader can see something was there.
 */
export function toGsm7(text: string): string {
  let out = '';
  // NFC first so "e" + combining acute becomes "é", which GSM-7 has.
  for (const ch of text.replace(/\r\n/g, '\n').normalize('NFC')) out += convertChar(ch);
  return out;
}

/** Whether every character is in the basic or extension table (the escape character itself is not text). */
export function isGsm7(text: string): boolean {
  for (const ch of text) {
    if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  }
  return true;
}

/** Length in septets: extension characters count 2. Call on converted text; anything else counts 1. */
export function gsm7Length(text: string): number {
  let septets = 0;
  for (const ch of text) septets += EXTENSION.has(ch) ? 2 : 1;
  return septets;
}

/** How many parts a carrier bills: one part carries 160 septets, a concatenated part 153 (7 go on the header). */
export function gsm7PartCount(text: string): number {
  const septets = gsm7Length(text);
  if (septets === 0) return 0;
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}
