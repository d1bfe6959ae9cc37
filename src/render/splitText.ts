// Splitting long text into messages at the kindest boundary available: paragraph, line, sentence, word, and only then mid-word.

/** A piece of text that may start a new message, with what joins it to the piece before when they share one. */
export interface TextUnit {
  text: string;
  joinBefore: string;
  /** A heading: never the last thing in a message, so it travels with the unit after it. */
  keepWithNext?: boolean;
}

/** Length of text in the channel's units; must be additive (the length of a + b is the length of a plus that of b). */
export type Measure = (text: string) => number;

/** Characters as a reader counts them (code points). */
export const codePointLength: Measure = (text) => {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
};

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function sentencesOf(text: string): string[] {
  return [...sentenceSegmenter.segment(text)].map((part) => part.segment.trim()).filter((part) => part !== '');
}

function wordsOf(text: string): string[] {
  return text.split(/[ \t]+/).filter((word) => word !== '');
}

/** Cuts an unbreakable run into pieces of at most `max` (measured), never inside a code point. */
function hardSplit(text: string, max: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let current = '';
  let length = 0;
  for (const ch of text) {
    const size = measure(ch);
    if (current !== '' && length + size > max) {
      pieces.push(current);
      current = '';
      length = 0;
    }
    current += ch;
    length += size;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * Units for plain text: each block whole when it fits `target`, else its lines, else their sentences, else words;
 * a word longer than `max` (a pasted token, a giant URL) is cut, the only case that breaks a word.
 */
export function plainTextUnits(blocks: readonly string[], target: number, max: number, measure: Measure): TextUnit[] {
  const units: TextUnit[] = [];
  const push = (text: string, joinBefore: string): void => {
    units.push({ text, joinBefore });
  };
  const splitWords = (text: string, joinBefore: string): void => {
    let join = joinBefore;
    for (const word of wordsOf(text)) {
      if (measure(word) <= max) push(word, join);
      else hardSplit(word, max, measure).forEach((piece, i) => push(piece, i === 0 ? join : ''));
      join = ' ';
    }
  };
  const splitSentences = (text: string, joinBefore: string): void => {
    let join = joinBefore;
    for (const sentence of sentencesOf(text)) {
      if (measure(sentence) <= target) push(sentence, join);
      else splitWords(sentence, join);
      join = ' ';
    }
  };
  for (const block of blocks) {
    const trimmed = block.trim();
    if (trimmed === '') continue;
    if (measure(trimmed) <= target) {
      push(trimmed, '\n\n');
      continue;
    }
    let join = '\n\n';
    for (const line of trimmed.split('\n')) {
      const text = line.trim();
      if (text === '') continue;
      if (measure(text) <= target) push(text, join);
      else splitSentences(text, join);
      join = '\n';
    }
  }
  return units;
}

/**
 * Greedy packing of units into messages no longer than `limit` (measured). A unit longer than the limit on its own
 * gets a message to itself; callers that have a hard maximum make sure no unit exceeds it.
 */
export function packUnits(units: readonly TextUnit[], limit: number, measure: Measure): string[] {
  const merged: TextUnit[] = [];
  let pending: TextUnit | undefined;
  for (const unit of units) {
    if (pending) {
      pending = { text: pending.text + unit.joinBefore + unit.text, joinBefore: pending.joinBefore, keepWithNext: unit.keepWithNext };
    } else {
      pending = { ...unit };
    }
    if (!pending.keepWithNext) {
      merged.push(pending);
      pending = undefined;
    }
  }
  if (pending) merged.push(pending);

  const messages: string[] = [];
  let current = '';
  let length = 0;
  for (const unit of merged) {
    const size = measure(unit.text);
    const joined = length + measure(unit.joinBefore) + size;
    if (current === '') {
      current = unit.text;
      length = size;
    } else if (joined <= limit) {
      current += unit.joinBefore + unit.text;
      length = joined;
    } else {
      messages.push(current);
      current = unit.text;
      length = size;
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}
