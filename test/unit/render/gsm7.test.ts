// GSM 03.38: the basic and extension tables, the stand-ins for everything else, and septet counting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GSM7_BASIC, GSM7_EXTENSION, gsm7Length, gsm7PartCount, isGsm7, toGsm7 } from '../../../src/render/gsm7.js';

describe('GSM-7 tables', () => {
  it('has the 128 basic positions with the escape at 0x1B and the extension characters of 3GPP 23.038', () => {
    expect([...GSM7_BASIC]).toHaveLength(128);
    expect(GSM7_BASIC.codePointAt(0x1b)).toBe(0x1b);
    expect([...GSM7_BASIC][0x00]).toBe('@');
    expect([...GSM7_BASIC][0x24]).toBe('¤');
    expect([...GSM7_BASIC][0x7f]).toBe('à');
    expect([...GSM7_EXTENSION].sort()).toEqual([...'\f^{}\\[~]|€'].sort());
  });

  it('keeps every basic character except the escape and carriage return (line ends become \\n)', () => {
    for (const ch of GSM7_BASIC) {
      if (ch === '\u001b') expect(toGsm7(ch)).toBe('');
      else if (ch === '\r') expect(toGsm7(ch)).toBe('\n');
      else expect(toGsm7(ch), JSON.stringify(ch)).toBe(ch);
    }
  });

  it('keeps the extension characters, which cost two septets each', () => {
    for (const ch of '^{}\\[~]|€') {
      expect(toGsm7(ch)).toBe(ch);
      expect(gsm7Length(ch)).toBe(2);
    }
    expect(gsm7Length('a€b')).toBe(4);
  });

  it('does not count the escape character as text', () => {
    expect(isGsm7('\u001b')).toBe(false);
    expect(isGsm7('Hello £5 {ok}')).toBe(true);
    expect(isGsm7('café ☕')).toBe(false);
  });
});

describe('toGsm7 stand-ins', () => {
  it.each([
    ['smart single quotes', 'it’s ‘fine’', "it's 'fine'"],
    ['smart double quotes', '“plan” „x‟ «y»', '"plan" "x" "y"'],
    ['en and em dashes, minus', '6–8 weeks — or − less', '6-8 weeks - or - less'],
    ['ellipsis', 'wait…', 'wait...'],
    ['bullets', '• one\n◦ two\n· three', '- one\n- two\n- three'],
    ['non-breaking and thin spaces, tabs', 'a\u00a0b\u2009c\u202fd\te', 'a b c d e'],
    ['Windows and old Mac line ends', 'a\r\nb\rc', 'a\nb\nc'],
    ['accents outside the alphabet', 'á â ã ç ō ř Ș ţ Ă', 'a a a c o r S t A'],
    ['accents inside the alphabet', 'é è É Ñ ñ Ü ü Ä ö à ì ò ù Ç Å ø', 'é è É Ñ ñ Ü ü Ä ö à ì ò ù Ç Å ø'],
    ['ligatures and full-width letters', 'œuvre ﬁne ＡＢＣ', 'oeuvre fine ABC'],
    ['symbols with plain spellings', '2×3 ½ © →', '2x3 1/2 (c) ->'],
    ['Greek capitals: in the table or Latin look-alikes', 'ΔΩ ΑΒΓ', 'ΔΩ ABΓ'],
  ])('%s', (_name, input, expected) => {
    expect(toGsm7(input)).toBe(expected);
  });

  it('drops emoji, flags, skin tones, keycaps and joiners', () => {
    expect(toGsm7('Hi 👋🏽 there 👨‍👩‍👧‍👦 🇬🇧 ❤️ 1️⃣')).toBe('Hi  there    1');
  });

  it('drops invisible controls: bidi overrides, zero-width characters, soft hyphens, BOM', () => {
    expect(toGsm7('\u202Eevil\u202C \u200Bzero\u200Dwidth\u200C \u00adsoft\ufeff')).toBe('evil zerowidth soft');
  });

  it('reduces a flood of combining marks to the base letters', () => {
    expect(toGsm7(`Z${'\u0336\u0353\u0489'.repeat(200)}algo`)).toBe('Zalgo');
  });

  it('composes a decomposed accent the alphabet has', () => {
    expect(toGsm7('e\u0301')).toBe('é');
  });

  it('shows other scripts as "?" so the reader can see something was there', () => {
    expect(toGsm7('مرحبا 田中')).toBe('????? ??');
  });

  it('always produces GSM-7, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(isGsm7(toGsm7(text))).toBe(true);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      // Any code point, lone surrogates and unassigned ones included.
      fc.property(fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 60 }), (codePoints) => {
        const text = String.fromCodePoint(...codePoints);
        expect(isGsm7(toGsm7(text))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('parts a carrier bills', () => {
  it('is one part up to 160 septets, then 153 per part', () => {
    expect(gsm7PartCount('')).toBe(0);
    expect(gsm7PartCount('a'.repeat(160))).toBe(1);
    expect(gsm7PartCount('a'.repeat(161))).toBe(2);
    expect(gsm7PartCount('a'.repeat(306))).toBe(2);
    expect(gsm7PartCount('a'.repeat(307))).toBe(3);
    expect(gsm7PartCount(`${'a'.repeat(159)}€`)).toBe(2);
  });
});
