// The detector's fast path (one combined test per list, exceptions looked for only after a match) must give exactly
// the answer that matching every pattern one by one gives: same category, same `about`, for every message we hold.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSafeguardingDetector, isNegated, type SafeguardingDetector } from '../../../src/language/detectSafeguarding.js';
import { createNormaliser, loadNormalisationRules } from '../../../src/language/normaliseText.js';
import { readTrainingExamples } from '../../../src/language/readTrainingExamples.js';
import { anyMatchOf, type CompiledCategory, type CompiledLexicon, type CompiledPattern, loadSafeguardingLexicon, prepareForSafeguarding } from '../../../src/language/safeguardingLexicon.js';
import { loadSafeguardingExamples, type SafeguardingModel, trainSafeguardingModel } from '../../../src/language/safeguardingModel.js';
import { seededRandom } from '../../../src/language/seededRandom.js';
import type { SafeguardingSignal } from '../../../src/language/types.js';

const repoFile = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/**
 * The detector as it was before it had a fast path: every category's patterns and exceptions run over every
 * sentence. Slow and plainly right; the standard the real detector is held to. The negation check is the real one,
 * as the fast path did not change it; who is at risk is restated, as the detector's version was rewritten for speed.
 */
function referenceDetector(lexicon: CompiledLexicon, model?: SafeguardingModel): SafeguardingDetector {
  interface Match {
    start: number;
    end: number;
  }
  // Copies, so nothing the detector under test does to its regular expressions' lastIndex can reach these.
  const copies = new Map<RegExp, RegExp>();
  const allMatches = (regex: RegExp, sentence: string): Match[] => {
    let copy = copies.get(regex);
    if (!copy) copies.set(regex, (copy = new RegExp(regex.source, regex.flags)));
    const found: Match[] = [];
    copy.lastIndex = 0;
    for (let m = copy.exec(sentence); m !== null; m = copy.exec(sentence)) {
      found.push({ start: m.index, end: m.index + m[0].length });
      if (m[0] === '') copy.lastIndex += 1;
    }
    return found;
  };
  const firstMatch = (category: CompiledCategory, sentence: string): Match | undefined => {
    const exceptions = category.unless.flatMap((p) => allMatches(p.regex, sentence));
    for (const pattern of category.patterns) {
      for (const match of allMatches(pattern.regex, sentence)) {
        if (category.negatable && isNegated(sentence.slice(0, match.start), lexicon)) continue;
        if (exceptions.some((e) => e.start < match.end && match.start < e.end)) continue;
        return match;
      }
    }
    return undefined;
  };
  const whoIsAtRisk = (sentence: string, match: Match, fallback: SafeguardingSignal['about']): SafeguardingSignal['about'] => {
    const kind = (word: string): SafeguardingSignal['about'] | undefined => {
      const bare = word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
      if (lexicon.adultWords.has(word) || lexicon.adultWords.has(bare)) return 'adult';
      if (lexicon.childWords.has(word) || lexicon.childWords.has(bare)) return 'child';
      return undefined;
    };
    const inside = sentence.slice(match.start, match.end).split(' ').reverse();
    const before = sentence.slice(0, match.start).trim().split(' ').reverse();
    const after = sentence.slice(match.end).trim().split(' ');
    for (const word of [...inside, ...before, ...after]) {
      const found = kind(word);
      if (found) return found;
    }
    return fallback;
  };
  return (text) => {
    const original = prepareForSafeguarding(text);
    let prepared = original;
    for (const figure of lexicon.figuresOfSpeech) prepared = prepared.replace(new RegExp(figure.regex.source, figure.regex.flags), '.');
    const sentences = prepared.split(' . ').map((s) => s.replace(/(^|\s)\.(\s|$)/g, ' ').trim()).filter((s) => s.length > 0);
    for (const category of lexicon.categories) {
      for (const sentence of sentences) {
        const match = firstMatch(category, sentence);
        if (match) return { category: category.category, about: whoIsAtRisk(sentence, match, category.defaultAbout) };
      }
    }
    const assessed = model?.assess(prepared === original ? text : sentences.join(' . '));
    if (!assessed) return null;
    const whole = sentences.join(' ');
    const fallback = lexicon.categories.find((c) => c.category === assessed.category)?.defaultAbout ?? 'unknown';
    return { category: assessed.category, about: whoIsAtRisk(whole, { start: 0, end: whole.length }, fallback) };
  };
}

function jsonlTexts(path: string): string[] {
  return repoFile(path)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/** Words the patterns are built from, read from content/safeguarding.yaml with the pattern syntax taken out. */
function lexiconWords(): { phrases: string[]; words: string[] } {
  const file = parse(repoFile('content/safeguarding.yaml')) as {
    'figures-of-speech': string[];
    negations: string[];
    lists: Record<string, string[]>;
    categories: Record<string, { patterns: string[]; unless?: string[] }>;
  };
  const patterns = Object.values(file.categories).flatMap((c) => [...c.patterns, ...(c.unless ?? [])].map(String));
  const phrases = [...patterns.map((p) => p.replace(/[()[\]~$*@|]/g, ' ').replace(/\s+/g, ' ').trim()), ...file['figures-of-speech'], ...Object.values(file.lists).flat().map(String)];
  const words = [...new Set([...phrases.join(' ').split(' '), ...file.negations, 'me', 'my', 'son', 'daughter', 'the', 'and', 'he', 'she', 'school'])].filter((w) => w !== '');
  return { phrases, words };
}

/** Messages as people write them: other case, punctuation, negations, several sentences, curly apostrophes, accents. */
function variants(seeds: string[], phrases: string[], count: number): string[] {
  const random = seededRandom(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const negations = ["I don't think ", 'he has never ', 'she is not ', "they haven't ", 'no ', 'never ever ', 'without '];
  const joins = ['. ', '? ', '! ', '; ', '\n', '... ', ' - ', ', ', ' and ', '.', '?!'];
  const made: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(seeds);
    const b = pick(i % 2 === 0 ? phrases : seeds);
    const variant = [
      () => a.toUpperCase(),
      () => `${a.replace(/\b\w/g, (c) => c.toUpperCase())}!!!`,
      () => pick(negations) + a,
      () => a + pick(joins) + b,
      () => b + pick(joins) + pick(negations) + a,
      () => a.replace(/'/g, '\u2019').replace(/e/g, '\u00e9'),
      () => `${pick(negations)}${pick(phrases)}${pick(joins)}${pick(phrases)}`,
      () => a.split(' ').map((w, k) => (k % 2 ? w.toUpperCase() : w)).join('  '),
    ][i % 8] as () => string;
    made.push(variant());
  }
  return made;
}

describe('safeguarding fast path agrees with matching pattern by pattern', () => {
  let lexicon: CompiledLexicon;
  let model: SafeguardingModel;
  let fast: SafeguardingDetector;
  let reference: SafeguardingDetector;
  const { phrases, words } = lexiconWords();

  beforeAll(() => {
    lexicon = loadSafeguardingLexicon();
    const normalise = createNormaliser(loadNormalisationRules());
    model = trainSafeguardingModel(loadSafeguardingExamples(), [...readTrainingExamples().values()].flat(), normalise);
    fast = createSafeguardingDetector(lexicon, model);
    reference = referenceDetector(lexicon, model);
  });

  const disagreements = (texts: string[]): Array<{ text: string; fast: unknown; reference: unknown }> =>
    texts.flatMap((text) => {
      const got = fast(text);
      const want = reference(text);
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ text, fast: got, reference: want }];
    });

  const examples = loadSafeguardingExamples();
  const corpora: Array<[string, () => string[]]> = [
    ['test/eval/nlu-test.jsonl', () => jsonlTexts('test/eval/nlu-test.jsonl')],
    ['test/eval/safeguarding-challenge.jsonl', () => jsonlTexts('test/eval/safeguarding-challenge.jsonl')],
    ['content/safeguarding-examples.yaml', () => [...Object.values(examples.risk).flatMap((texts) => texts ?? []), ...examples['not-risk']]],
    ['topic and intent examples', () => [...readTrainingExamples().values()].flat()],
    ['words, lists and figures of speech from the lexicon', () => phrases],
  ];

  it.each(corpora)('%s', (_name, texts) => {
    const all = texts();
    expect(all.length).toBeGreaterThan(20);
    expect(disagreements(all)).toEqual([]);
  });

  it('generated variants: case, punctuation, negations, several sentences', () => {
    const seeds = [...jsonlTexts('test/eval/safeguarding-challenge.jsonl'), ...Object.values(examples.risk).flatMap((texts) => texts ?? []), ...examples['not-risk']];
    const made = variants(seeds, phrases, 1200);
    // Enough of them must be risk messages, or agreeing would prove little.
    expect(made.filter((text) => reference(text) !== null).length).toBeGreaterThan(300);
    expect(disagreements(made)).toEqual([]);
  });

  it('random strings of lexicon words, negations and sentence breaks', () => {
    const token = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: fc.constantFrom('.', '?', '!', ';', '\n', "'", ',', '999') });
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 14 }), (tokens) => {
        const text = tokens.join(' ');
        expect(fast(text)).toEqual(reference(text));
      }),
      { numRuns: 1500, seed: 20261123 },
    );
  });
});

describe('anyMatchOf', () => {
  const lexicon = loadSafeguardingLexicon();
  const matchesOneByOne = (patterns: readonly CompiledPattern[], text: string): boolean =>
    patterns.some((p) => new RegExp(p.regex.source, p.regex.flags.replace('g', '')).test(text));

  it('is true exactly when one of the patterns matches, for every list in the lexicon', () => {
    const sentences = [...jsonlTexts('test/eval/safeguarding-challenge.jsonl'), ...lexiconWords().phrases].map(prepareForSafeguarding);
    const lists = [lexicon.figuresOfSpeech, ...lexicon.categories.flatMap((c) => [c.patterns, c.unless])];
    for (const patterns of lists) {
      const any = anyMatchOf(patterns);
      const wrong = sentences.filter((s) => any(s) !== matchesOneByOne(patterns, s));
      expect(wrong).toEqual([]);
    }
  });

  it('does not depend on what it tested before (no lastIndex carried between calls)', () => {
    const danger = lexicon.categories.find((c) => c.category === 'immediate-danger');
    const any = anyMatchOf(danger?.patterns ?? []);
    expect(any('we think he may have taken an overdose')).toBe(true);
    expect(any('overdose')).toBe(true);
  });

  it('falls back to one test per pattern when joining them would change what they mean', () => {
    const made = (source: string, flags = 'g'): CompiledPattern => ({ source, regex: new RegExp(source, flags) });
    // A back-reference counts groups: joined after another pattern with a group, \1 would point at the wrong one.
    const backReference = [made('(x)y'), made('(a)\\1')];
    expect(anyMatchOf(backReference)('aa')).toBe(true);
    expect(anyMatchOf(backReference)('ax')).toBe(false);
    const mixedFlags = [made('abc', 'gi'), made('xyz')];
    expect(anyMatchOf(mixedFlags)('ABC')).toBe(true);
    expect(anyMatchOf(mixedFlags)('XYZ')).toBe(false);
    // Patterns not made by compilePattern keep their own alternation inside their group.
    expect(anyMatchOf([made('^a|b$'), made('c')])('xb')).toBe(true);
    expect(anyMatchOf([made('^a|b$'), made('c')])('xa')).toBe(false);
    expect(anyMatchOf([])('anything')).toBe(false);
  });
});
