// Loads content/safeguarding.yaml and compiles its readable patterns ("kill|killing @self-object", "~", "[a|b]")
// into regular expressions. The pattern syntax is documented at the top of that file.
import { loadYamlFile } from '../knowledge/loadYamlFile.js';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONTENT_DIR } from './contentDir.js';
import type { SafeguardingCategory } from './types.js';

export const SAFEGUARDING_FILE = 'safeguarding.yaml';

const CATEGORY_NAMES = ['immediate-danger', 'suicide', 'self-harm', 'abuse', 'neglect', 'domestic-violence', 'exploitation'] as const;

const patternList = z.array(z.coerce.string().min(1));
const CategorySchema = z.object({
  negatable: z.boolean().default(false),
  'default-about': z.enum(['child', 'adult', 'unknown']).default('unknown'),
  patterns: patternList.min(1),
  unless: patternList.default([]),
});

export const SafeguardingLexiconSchema = z.object({
  'figures-of-speech': patternList.default([]),
  negations: z.array(z.string()).default([]),
  'negation-fillers': z.array(z.string()).default([]),
  about: z.object({ adult: z.array(z.string()), child: z.array(z.string()) }),
  lists: z.record(z.string(), z.array(z.coerce.string().min(1))).default({}),
  categories: z.partialRecord(z.enum(CATEGORY_NAMES), CategorySchema),
});
export type SafeguardingLexiconFile = z.infer<typeof SafeguardingLexiconSchema>;

export interface CompiledPattern {
  source: string;
  regex: RegExp;
}

export interface CompiledCategory {
  category: SafeguardingCategory;
  negatable: boolean;
  defaultAbout: 'child' | 'adult' | 'unknown';
  patterns: CompiledPattern[];
  unless: CompiledPattern[];
}

export interface CompiledLexicon {
  figuresOfSpeech: CompiledPattern[];
  negations: Set<string>;
  negationFillers: Set<string>;
  adultWords: Set<string>;
  childWords: Set<string>;
  /** In the file's order: the first category that matches wins. */
  categories: CompiledCategory[];
}

/**
 * Puts text into the form patterns are matched against: lower case, no apostrophes, words separated by one space,
 * and " . " between sentences.
 */
export function prepareForSafeguarding(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`´]/g, '')
    .replace(/[.!?;\n\r]+/g, ' . ')
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/\.(?=[a-z0-9])|(?<=[a-z0-9])\./g, ' . ')
    .replace(/\s+/g, ' ')
    .trim()} `.trim();
}

export function loadSafeguardingLexicon(contentDir: string = DEFAULT_CONTENT_DIR): CompiledLexicon {
  const file = join(contentDir, SAFEGUARDING_FILE);
  const data = loadYamlFile(file, SafeguardingLexiconSchema, 'loadSafeguardingLexicon()', 'quote patterns that start with @ or [');
  return compileLexicon(data, file);
}

export function compileLexicon(data: SafeguardingLexiconFile, file = SAFEGUARDING_FILE): CompiledLexicon {
  const lists = new Map(Object.entries(data.lists).map(([name, entries]) => [name, entries.map((e) => prepareForSafeguarding(e))]));
  const compile = (source: string, where: string): CompiledPattern => {
    try {
      return { source, regex: compilePattern(source, lists) };
    } catch (error) {
      throw new Error(`loadSafeguardingLexicon(): ${file} ${where} pattern "${source}" cannot be read because ${(error as Error).message}. Fix the pattern (syntax at the top of the file).`);
    }
  };
  const categories: CompiledCategory[] = [];
  for (const [name, category] of Object.entries(data.categories)) {
    if (!category) continue;
    categories.push({
      category: name as SafeguardingCategory,
      negatable: category.negatable,
      defaultAbout: category['default-about'],
      patterns: category.patterns.map((p) => compile(p, `categories.${name}.patterns`)),
      unless: category.unless.map((p) => compile(p, `categories.${name}.unless`)),
    });
  }
  return {
    figuresOfSpeech: data['figures-of-speech'].map((p) => compile(p, 'figures-of-speech')),
    negations: new Set(data.negations.map((w) => prepareForSafeguarding(w))),
    negationFillers: new Set(data['negation-fillers'].map((w) => prepareForSafeguarding(w))),
    adultWords: new Set(data.about.adult.map((w) => prepareForSafeguarding(w))),
    childWords: new Set(data.about.child.map((w) => prepareForSafeguarding(w))),
    categories,
  };
}

/** Every compiled pattern starts matching only at the start of a word. */
const WORD_START = '(?<![a-z0-9])';
/** What follows WORD_START in each regex compilePattern made, kept so anyMatchOf can write the look-behind once. */
const WORD_START_BODIES = new WeakMap<RegExp, string>();
/** Features that change meaning when sources are joined into one alternation: back-references and named groups. */
const NOT_JOINABLE = /\\[1-9]|\\k<|\(\?<(?![=!])/;

type Unit = { kind: 'words'; regex: string } | { kind: 'optional'; regex: string } | { kind: 'gap'; max: number } | { kind: 'end' };

/** Compiles one pattern to a global regular expression over prepared text. */
export function compilePattern(source: string, lists: Map<string, string[]>): RegExp {
  // Apostrophes are dropped from messages, so they are dropped from patterns too ("isn't" matches "isnt").
  const units = readUnits(source.trim().toLowerCase().replace(/['\u2019]/g, ''), lists);
  const first = units[0];
  if (!first || first.kind !== 'words') throw new Error('it must start with a word, a (group) or an @list');
  let regex = first.regex;
  for (const unit of units.slice(1)) {
    if (unit.kind === 'words') regex += ` ${unit.regex}`;
    else if (unit.kind === 'optional') regex += `(?: ${unit.regex})?`;
    else if (unit.kind === 'gap') regex += `(?: [a-z0-9]+){0,${unit.max}}`;
    else regex += '(?= \\.|$)';
  }
  const body = `(?:${regex})(?![a-z0-9])`;
  const compiled = new RegExp(`${WORD_START}${body}`, 'g');
  WORD_START_BODIES.set(compiled, body);
  return compiled;
}

/**
 * A test for "at least one of these patterns matches somewhere in the text", as one regular expression: true exactly
 * when matching the patterns one by one would find something. One alternation is read in a single pass instead of a
 * pass per pattern, and almost every message matches no pattern, so this is what keeps the check cheap.
 */
export function anyMatchOf(patterns: readonly CompiledPattern[]): (text: string) => boolean {
  if (patterns.length === 0) return () => false;
  const flags = patterns[0]?.regex.flags.replace(/[gy]/g, '') ?? '';
  const joinable = patterns.every((p) => p.regex.flags.replace(/[gy]/g, '') === flags && !NOT_JOINABLE.test(p.regex.source));
  if (!joinable) {
    // Not ours or not safe to join: test each pattern on its own (a non-global copy, so no lastIndex is shared).
    const each = patterns.map((p) => new RegExp(p.regex.source, p.regex.flags.replace(/[gy]/g, '')));
    return (text) => each.some((regex) => regex.test(text));
  }
  const bodies = patterns.map((p) => WORD_START_BODIES.get(p.regex));
  // Written once in front of the alternation, the shared look-behind turns away most positions (inside words) in one step.
  const source = bodies.every((body) => body !== undefined)
    ? `${WORD_START}(?:${bodies.join('|')})`
    : patterns.map((p) => `(?:${p.regex.source})`).join('|');
  const any = new RegExp(source, flags);
  return (text) => any.test(text);
}

function readUnits(source: string, lists: Map<string, string[]>): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '(' || ch === '[') {
      const close = source.indexOf(ch === '(' ? ')' : ']', i);
      if (close < 0) throw new Error(`"${ch}" is never closed`);
      const regex = alternatives(source.slice(i + 1, close).split('|'));
      units.push({ kind: ch === '(' ? 'words' : 'optional', regex });
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < source.length && source[end] !== ' ') end++;
    const token = source.slice(i, end);
    i = end;
    if (token === '$') units.push({ kind: 'end' });
    else if (/^~\d*$/.test(token)) units.push({ kind: 'gap', max: token.length > 1 ? Number(token.slice(1)) : 3 });
    else if (token.startsWith('@')) {
      const entries = lists.get(token.slice(1));
      if (!entries) throw new Error(`the list ${token} is not defined under "lists"`);
      units.push({ kind: 'words', regex: alternatives(entries) });
    } else if (/^[a-z0-9*|]+$/.test(token)) units.push({ kind: 'words', regex: alternatives(token.split('|')) });
    else throw new Error(`"${token}" has characters other than a-z, 0-9, *, |`);
  }
  return units;
}

function alternatives(options: string[]): string {
  const parts = options.map((option) => {
    const words = option.trim().split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) throw new Error('an alternative is empty');
    return words
      .map((word) => {
        if (!/^[a-z0-9]+\*?$/.test(word)) throw new Error(`"${word}" is not a plain lower-case word`);
        return word.endsWith('*') ? `${word.slice(0, -1)}[a-z0-9]*` : word;
      })
      .join(' ');
  });
  return `(?:${parts.join('|')})`;
}
