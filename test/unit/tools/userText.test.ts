import { describe, expect, it } from 'vitest';
import { cleanUserText } from '../../../src/tools/userText.js';

describe('cleanUserText', () => {
  it('strips control characters and bidirectional overrides but keeps right-to-left text and emoji', () => {
    const typed = 'Sam\u0000\u0007 \u202Eevil\u202C 👩‍👧 محمد\u0085';
    expect(cleanUserText(typed, { maxLength: 100 }).text).toBe('Sam evil 👩‍👧 محمد');
  });

  it('drops lone surrogates', () => {
    expect(cleanUserText('a\uD800b\uDC00c', { maxLength: 100 }).text).toBe('abc');
  });

  it('makes a name one line, with single spaces', () => {
    expect(cleanUserText('  Sam \n\t Smith  ', { maxLength: 100 }).text).toBe('Sam Smith');
  });

  it('keeps paragraphs when multiline, at most one blank line between them', () => {
    expect(cleanUserText('one\r\ntwo\n\n\n\nthree  ', { maxLength: 100, multiline: true }).text).toBe('one\ntwo\n\nthree');
  });

  it('normalises to NFC so the same name always compares equal', () => {
    expect(cleanUserText('Zoe\u0301', { maxLength: 100 }).text).toBe('Zoé');
  });

  it('cuts long text at a word boundary and says it did', () => {
    const long = 'word '.repeat(2000);
    const cleaned = cleanUserText(long, { maxLength: 3000, multiline: true });
    expect(cleaned.shortened).toBe(true);
    expect(Array.from(cleaned.text).length).toBeLessThanOrEqual(3000);
    expect(cleaned.text.endsWith('word')).toBe(true);
  });

  it('never splits an emoji when text has no spaces to cut at', () => {
    const cleaned = cleanUserText('👩‍👧'.repeat(50), { maxLength: 10 });
    expect(cleaned.shortened).toBe(true);
    expect(cleaned.text).toBe('👩‍👧'.repeat(3));
  });

  it('reports no shortening when the text fits', () => {
    expect(cleanUserText('short', { maxLength: 10 })).toEqual({ text: 'short', shortened: false });
    expect(cleanUserText(undefined, { maxLength: 10 })).toEqual({ text: '', shortened: false });
  });
});
