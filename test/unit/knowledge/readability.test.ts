// Sentence splitting, word counts and the Flesch formulas against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { countWords, measureBlocks, measureMarkdown, splitSentences } from '../../../src/knowledge/readability.js';

describe('splitSentences', () => {
  it('splits at full stops, question marks and exclamation marks before a capital or digit', () => {
    expect(splitSentences('You can ask. Will they help? Yes! 6 weeks is the limit.')).toEqual([
      'You can ask.',
      'Will they help?',
      'Yes!',
      '6 weeks is the limit.',
    ]);
  });

  it('does not split inside numbers, after abbreviations or after an initial', () => {
    expect(splitSentences('Code 6.44 says so, e.g. Mr. Smith and J. Bloggs agree. See s. 36 of the Act.')).toEqual([
      'Code 6.44 says so, e.g. Mr. Smith and J. Bloggs agree.',
      'See s. 36 of the Act.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(splitSentences('They said "No." Then they agreed.')).toEqual(['They said "No."', 'Then they agreed.']);
  });

  it('treats a block without a full stop as one sentence', () => {
    expect(splitSentences('extra help from a teacher')).toEqual(['extra help from a teacher']);
  });
});

describe('countWords', () => {
  it('counts tokens with a letter or digit, not dashes or bullets', () => {
    expect(countWords('Ask the SENCO – or the head – about 16-25 help.')).toBe(9);
  });
});

describe('measureBlocks', () => {
  it('scores "The cat sat on the mat." as the textbook example: ease 116.1, grade -1.4', () => {
    const report = measureBlocks(['The cat sat on the mat.']);
    expect(report).toMatchObject({ sentences: 1, words: 6, syllables: 6, averageSentenceLength: 6 });
    // 206.835 - 1.015 × 6 - 84.6 × 1 = 116.145; 0.39 × 6 + 11.8 × 1 - 15.59 = -1.45
    expect(report.readingEase).toBeCloseTo(116.1, 1);
    expect(report.grade).toBeGreaterThanOrEqual(-1.5);
    expect(report.grade).toBeLessThanOrEqual(-1.4);
  });

  it('scores a two-sentence answer from hand counts: 15 words, 20 syllables', () => {
    // "diagnosis" 4, "about" 2, "support" 2, every other word 1.
    const report = measureBlocks(['Your child does not need a diagnosis. The school should talk to you about support.']);
    expect(report).toMatchObject({ sentences: 2, words: 15, syllables: 20, averageSentenceLength: 7.5 });
    // 206.835 - 1.015 × 7.5 - 84.6 × 20/15 = 86.42; 0.39 × 7.5 + 11.8 × 20/15 - 15.59 = 3.07
    expect(report.readingEase).toBeCloseTo(86.4, 1);
    expect(report.grade).toBeCloseTo(3.1, 1);
  });

  it('finds the longest sentence with its text', () => {
    const report = measureBlocks(['Short one. This sentence is the longest of them all. Tiny.']);
    expect(report.longestSentence).toEqual({ words: 8, text: 'This sentence is the longest of them all.' });
  });

  it('gives zeros, not NaN, for text with no words', () => {
    const report = measureBlocks([]);
    expect(report).toMatchObject({ sentences: 0, words: 0, readingEase: 0, grade: 0, averageSentenceLength: 0 });
  });
});

describe('measureMarkdown', () => {
  it('counts list items and headings as sentences and ignores markdown syntax', () => {
    const report = measureMarkdown('# Help\n\nYou can **ask** [the SENCO](https://example.org).\n\n- a plan\n- a review\n');
    expect(report.sentenceList.map((s) => s.text)).toEqual(['Help', 'You can ask the SENCO.', 'a plan', 'a review']);
    expect(report.words).toBe(10);
  });

  it('makes a long run-on list item visible as a long sentence', () => {
    const item = Array.from({ length: 30 }, () => 'word').join(' ');
    expect(measureMarkdown(`- short\n- ${item}`).longestSentence.words).toBe(30);
  });
});
