// The syllable counter against dictionary counts, plus the cases the rules handle specially: numbers, acronyms, compounds.
import { describe, expect, it } from 'vitest';
import { countSyllables } from '../../../src/knowledge/syllables.js';
import { SYLLABLE_REFERENCE } from './syllableReference.js';

describe('countSyllables', () => {
  it('matches the dictionary count for every reference word', () => {
    const wrong = Object.entries(SYLLABLE_REFERENCE)
      .map(([word, expected]) => ({ word, expected, got: countSyllables(word) }))
      .filter(({ expected, got }) => expected !== got);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['table', 2, 'a final -le after a consonant is sounded'],
    ['makes', 1, 'a final -es after k is silent'],
    ['changes', 2, 'a final -es after g is sounded'],
    ['asked', 1, 'a final -ed after k is silent'],
    ['needed', 2, 'a final -ed after d is sounded'],
    ['doing', 2, 'a vowel before -ing starts a new syllable'],
    ['media', 3, '-ia after d is two syllables'],
    ['special', 2, '-cia is one syllable'],
    ['quiet', 2, 'qu is a consonant sound'],
    ['safeguarding', 3, 'a compound keeps its silent e silent'],
    ['involvement', 3, 'the e before -ment is silent'],
  ])('%s has %i (%s)', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });

  it('spells numbers out as they are read', () => {
    expect(countSyllables('6')).toBe(1); // six
    expect(countSyllables('25')).toBe(3); // twen-ty-five
    expect(countSyllables('16')).toBe(2); // six-teen
    expect(countSyllables('1998')).toBe(countSyllables('nineteen') + countSyllables('ninety') + countSyllables('eight'));
  });

  it('spells short capital acronyms letter by letter and reads longer ones with vowels as words', () => {
    expect(countSyllables('SEN')).toBe(3);
    expect(countSyllables('EHC')).toBe(3);
    expect(countSyllables('NHS')).toBe(3);
    expect(countSyllables('SENCO')).toBe(2);
    expect(countSyllables('SEND')).toBe(1);
  });

  it('ignores punctuation around a word and counts each part of a joined word', () => {
    expect(countSyllables('"support,"')).toBe(2);
    expect(countSyllables("child's")).toBe(1);
    expect(countSyllables('parent/carer')).toBe(countSyllables('parent') + countSyllables('carer'));
    expect(countSyllables('16-25')).toBe(countSyllables('16') + countSyllables('25'));
  });

  it('counts nothing for a token with no letters or digits', () => {
    expect(countSyllables('—')).toBe(0);
    expect(countSyllables('')).toBe(0);
  });
});
