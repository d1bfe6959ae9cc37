// Packing text into messages: whole blocks when they fit, then lines, sentences, words, and only then mid-word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, packUnits, plainTextUnits } from '../../../src/render/splitText.js';

const split = (blocks: string[], target: number, max: number): string[] =>
  packUnits(plainTextUnits(blocks, target, max, codePointLength), target, codePointLength);

describe('plain text splitting', () => {
  it('puts short blocks together up to the target', () => {
    expect(split(['aaaa', 'bbbb', 'cccc'], 10, 20)).toEqual(['aaaa\n\nbbbb', 'cccc']);
  });

  it('splits a long block at sentence boundaries before words', () => {
    expect(split(['One two. Three four five. Six.'], 16, 40)).toEqual(['One two.', 'Three four five.', 'Six.']);
  });

  it('splits a long line at words when a sentence is too long', () => {
    expect(split(['alpha beta gamma delta'], 11, 40)).toEqual(['alpha beta', 'gamma delta']);
  });

  it('keeps a word up to the hard maximum whole, and cuts only longer ones', () => {
    expect(split(['x'.repeat(15)], 10, 15)).toEqual(['x'.repeat(15)]);
    expect(split(['x'.repeat(16)], 10, 15)).toEqual(['x'.repeat(15), 'x']);
  });

  it('never cuts inside an emoji', () => {
    const pieces = split(['😀'.repeat(5)], 2, 2);
    expect(pieces).toEqual(['😀😀', '😀😀', '😀']);
  });

  it('keeps a heading unit with the unit after it', () => {
    const messages = packUnits(
      [
        { text: 'aaaaaaaa', joinBefore: '' },
        { text: '# H', joinBefore: '\n\n', keepWithNext: true },
        { text: 'bbbbbbbb', joinBefore: '\n\n' },
      ],
      12,
      codePointLength,
    );
    expect(messages).toEqual(['aaaaaaaa', '# H\n\nbbbbbbbb']);
  });

  it('keeps every word, in order, and every message within the target when words are short', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    const sentence = fc.array(word, { minLength: 1, maxLength: 30 }).map((words) => `${words.join(' ')}.`);
    const block = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((sentences) => sentences.join(' '));
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), fc.integer({ min: 20, max: 400 }), (blocks, target) => {
        const messages = split(blocks, target, 1600);
        expect(messages.join(' ').split(/\s+/)).toEqual(blocks.join(' ').split(/\s+/));
        for (const message of messages) expect(codePointLength(message)).toBeLessThanOrEqual(target);
      }),
      { numRuns: 100 },
    );
  });
});
