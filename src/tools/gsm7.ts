// Making text safe for one GSM-7 SMS alphabet (basic set only) and splitting it into text-message-sized pieces.
//
// Why the basic set only: characters outside it force the whole message into UCS-2 (70 characters a part
// instead of 160), and the extension characters ([ ] { } ~ ^ | \ €) each cost two. Keeping to the basic set
// means a piece's length in characters is its length on the network.

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_SET = new Set(Array.from(GSM7_BASIC));

// Common typed or typographic characters with a plain basic-set stand-in.
const STAND_INS: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '′': "'", '`': "'", '´': "'",
  '“': '"', '”': '"', '„': '"', '″': '"',
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
  '…': '...', '•': '-', '·': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\t': ' ',
  '[': '(', ']': ')', '{': '(', '}': ')', '~': '-', '^': '', '|': '/', '\\': '/', '€': 'EUR',
  'ç': 'c', 'œ': 'oe', 'Œ': 'OE', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i',
};

// Invisible characters that should simply disappear (zero-width joiners, marks used by emoji and RTL text).
const INVISIBLE = /[\u200B-\u200F\u2060\uFE0E\uFE0F]/;

export function isGsm7Safe(text: string): boolean {
  for (const character of text) if (!GSM7_SET.has(character)) return false;
  return true;
}

export interface Gsm7Result {
  text: string;
  /** True when some character had no stand-in and became "?". */
  lossy: boolean;
}

/** Maps text into the GSM-7 basic set: stand-ins for typographic marks, accents dropped where needed, else "?". */
export function toGsm7(text: string): Gsm7Result {
  let result = '';
  let lossy = false;
  for (const character of text) {
    if (GSM7_SET.has(character)) {
      result += character;
    } else if (STAND_INS[character] !== undefined) {
      result += STAND_INS[character];
    } else if (INVISIBLE.test(character)) {
      continue;
    } else {
      const withoutAccents = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (withoutAccents !== '' && isGsm7Safe(withoutAccents)) {
        result += withoutAccents;
      } else {
        result += '?';
        lossy = true;
      }
    }
  }
  return { text: result, lossy };
}

/** Shortens GSM-7 text to at most `maxLength` characters, ending in "..." at a word boundary when cut. */
export function truncateForSms(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const head = text.slice(0, Math.max(0, maxLength - 3));
  const lastSpace = head.lastIndexOf(' ');
  return `${(lastSpace > head.length * 0.6 ? head.slice(0, lastSpace) : head).trimEnd()}...`;
}

/**
 * Packs blocks (paragraphs, questions) into pieces of at most `maxLength` characters without splitting a block,
 * unless a block alone is too long, when it is cut into word-bounded chunks. Blocks are joined by a newline.
 */
export function packSmsPieces(blocks: readonly string[], maxLength: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    if (current !== '') pieces.push(current);
    current = '';
  };
  for (const block of blocks) {
    const chunks = block.length <= maxLength ? [block] : chunkWords(block, maxLength);
    for (const chunk of chunks) {
      if (current === '') current = chunk;
      else if (current.length + 1 + chunk.length <= maxLength) current = `${current}\n${chunk}`;
      else {
        push();
        current = chunk;
      }
    }
  }
  push();
  return pieces;
}

function chunkWords(text: string, maxLength: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > maxLength) {
    const head = rest.slice(0, maxLength);
    const lastSpace = head.lastIndexOf(' ');
    const cut = lastSpace > maxLength * 0.5 ? lastSpace : maxLength;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
}
