// Readability of markdown as a reader sees it: sentences, words, syllables, Flesch reading ease and Flesch–Kincaid grade.
import { markdownToBlocks } from './plainText.js';
import { countSyllables } from './syllables.js';

export interface ReadabilityReport {
  sentences: number;
  words: number;
  syllables: number;
  /** Words in the longest sentence, and the sentence itself so an author can find it. */
  longestSentence: { words: number; text: string };
  averageSentenceLength: number;
  /** Flesch reading ease: 206.835 − 1.015 × words/sentences − 84.6 × syllables/words. Higher is easier. */
  readingEase: number;
  /** Flesch–Kincaid grade: 0.39 × words/sentences + 11.8 × syllables/words − 15.59. */
  grade: number;
  /** Every sentence with its word count, in order. */
  sentenceList: Array<{ text: string; words: number }>;
}

/** Abbreviations whose full stop does not end a sentence. Lower case, without the final stop. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'etc', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'vs', 'approx', 'reg', 'para', 'paras', 's', 'ss', 'sch', 'art', 'p', 'pp', 'ch']);

/** Splits one block of plain text into sentences; a block always ends a sentence, even without a full stop. */
export function splitSentences(block: string): string[] {
  const sentences: string[] = [];
  // A sentence ends at . ! ? (with any closing quotes or brackets) followed by a space and a capital, digit or opening mark.
  const boundary = /([.!?…]+)(["'”’)\]]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of block.matchAll(boundary)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const candidate = block.slice(start, end);
    const lastWord = /([\p{L}.]+)[.]$/u.exec(candidate)?.[1]?.toLowerCase();
    // "e.g. Sam" and "No. 5" carry on; so does a lone initial such as "J. Smith".
    if (match[1] === '.' && lastWord !== undefined && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    sentences.push(candidate.trim());
    start = match.index + match[0].length;
  }
  sentences.push(block.slice(start).trim());
  return sentences.filter((sentence) => countWords(sentence) > 0);
}

/** Words as a reader counts them: runs of non-space characters that hold at least one letter or digit. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
}

export function countWords(text: string): number {
  return wordsOf(text).length;
}

function round(value: number, places = 1): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Measures plain text given as blocks (headings, paragraphs, list items), each block ending a sentence. */
export function measureBlocks(blocks: string[]): ReadabilityReport {
  const sentenceList = blocks.flatMap(splitSentences).map((text) => ({ text, words: countWords(text) }));
  const words = sentenceList.reduce((sum, s) => sum + s.words, 0);
  const syllables = sentenceList.reduce((sum, s) => sum + wordsOf(s.text).reduce((n, w) => n + countSyllables(w), 0), 0);
  const sentences = sentenceList.length;
  const longest = sentenceList.reduce<{ text: string; words: number }>((best, s) => (s.words > best.words ? s : best), { text: '', words: 0 });
  if (sentences === 0 || words === 0) {
    return { sentences: 0, words: 0, syllables: 0, longestSentence: longest, averageSentenceLength: 0, readingEase: 0, grade: 0, sentenceList };
  }
  const wordsPerSentence = words / sentences;
  const syllablesPerWord = syllables / words;
  return {
    sentences,
    words,
    syllables,
    longestSentence: longest,
    averageSentenceLength: round(wordsPerSentence),
    readingEase: round(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord),
    grade: round(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59),
    sentenceList,
  };
}

/** Measures a markdown document as a reader sees it: syntax stripped, list items and headings as sentences. */
export function measureMarkdown(markdown: string): ReadabilityReport {
  return measureBlocks(markdownToBlocks(markdown));
}
