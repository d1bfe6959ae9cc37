import { describe, expect, it } from 'vitest';
import { isGsm7Safe, packSmsPieces, toGsm7, truncateForSms } from '../../../src/tools/gsm7.js';

describe('GSM-7 basic set', () => {
  it('accepts the basic set, including £, é and Ä', () => {
    expect(isGsm7Safe('Hello £5 @ café Äpfel! (yes) 50%')).toBe(true);
  });

  it('rejects extension characters, which cost two, and anything outside', () => {
    for (const character of ['[', ']', '{', '}', '~', '^', '|', '\\', '€', '’', '😀', 'ć', 'م']) {
      expect(isGsm7Safe(character)).toBe(false);
    }
  });
});

describe('toGsm7', () => {
  it('swaps typographic marks for plain ones', () => {
    expect(toGsm7('“It’s fine” – really…')).toEqual({ text: '"It\'s fine" - really...', lossy: false });
  });

  it('drops accents that are not in the set and keeps those that are', () => {
    expect(toGsm7('Łukasz Żółć, Zoé, Ñandú, François')).toEqual({ text: 'Lukasz Zolc, Zoé, Ñandu, Francois', lossy: false });
  });

  it('marks text it could not carry', () => {
    const result = toGsm7('محمد 😀');
    expect(result.lossy).toBe(true);
    expect(isGsm7Safe(result.text)).toBe(true);
  });

  it('always returns safe text', () => {
    expect(isGsm7Safe(toGsm7('[a] {b} ~c^ |d| \\e € \u00A0 \u200D').text)).toBe(true);
  });
});

describe('SMS sizes', () => {
  it('truncates with an ellipsis within the limit', () => {
    const cut = truncateForSms('word '.repeat(100).trim(), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('...')).toBe(true);
    expect(truncateForSms('short', 50)).toBe('short');
  });

  it('packs blocks into pieces without splitting a block that fits', () => {
    const blocks = ['a'.repeat(100), 'b'.repeat(100), 'c'.repeat(100), 'd'.repeat(100)];
    const pieces = packSmsPieces(blocks, 320);
    expect(pieces).toEqual([`${'a'.repeat(100)}\n${'b'.repeat(100)}\n${'c'.repeat(100)}`, 'd'.repeat(100)]);
  });

  it('splits a block that is too long on its own at word boundaries', () => {
    const pieces = packSmsPieces(['word '.repeat(200).trim()], 320);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(320);
    expect(pieces.join(' ')).toBe('word '.repeat(200).trim());
  });
});
