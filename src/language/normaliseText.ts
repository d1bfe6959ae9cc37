// Tidies a message before it is classified: lower case, plain punctuation, British spellings, fixed typos, and
// acronyms and their long forms brought to one form. The word lists live in content/language/normalisation.yaml.
import { loadYamlFile } from '../knowledge/loadYamlFile.js';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONTENT_DIR } from './contentDir.js';

const AcronymSchema = z.object({
  term: z.string().min(1),
  variants: z.array(z.string().min(1)).default([]),
  caseSensitive: z.array(z.string().min(1)).default([]),
});

export const NormalisationRulesSchema = z.object({
  words: z.record(z.string(), z.string()).default({}),
  acronyms: z.array(AcronymSchema).default([]),
});
export type NormalisationRules = z.infer<typeof NormalisationRulesSchema>;

export type Normaliser = (text: string) => string;

export const NORMALISATION_FILE = 'language/normalisation.yaml';

export function loadNormalisationRules(contentDir: string = DEFAULT_CONTENT_DIR): NormalisationRules {
  const file = join(contentDir, NORMALISATION_FILE);
  return loadYamlFile(file, NormalisationRulesSchema, 'loadNormalisationRules()');
}

/** Splits raw text into word tokens, keeping the original case (needed for case-sensitive acronyms like "TA"). */
export function tokeniseRaw(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/(\d)[/.:](?=\d)/g, '$1_');
  const tokens = plain.match(/[A-Za-z0-9_]+(?:'[A-Za-z]+)*/g) ?? [];
  return tokens.map((t) => t.replace(/_/g, '/'));
}

interface PhraseRule {
  words: string[];
  term: string;
}

/** Builds a normaliser from rules; phrases are matched longest first, left to right. */
export function createNormaliser(rules: NormalisationRules): Normaliser {
  const wordMap = new Map<string, string>();
  for (const [from, to] of Object.entries(rules.words)) wordMap.set(from.toLowerCase(), to.toLowerCase());
  const caseSensitive = new Map<string, string>();
  const byFirstWord = new Map<string, PhraseRule[]>();
  for (const acronym of rules.acronyms) {
    for (const form of acronym.caseSensitive) caseSensitive.set(form, acronym.term);
    for (const variant of acronym.variants) {
      // Variants are written as people type them, so they go through the same tokenising and word fixes.
      const words = tokeniseRaw(variant).map((w) => fixWord(w.toLowerCase(), wordMap));
      const first = words[0];
      if (first === undefined) continue;
      const list = byFirstWord.get(first) ?? [];
      list.push({ words, term: acronym.term });
      byFirstWord.set(first, list);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  return (text: string): string => {
    const raw = tokeniseRaw(text);
    const words = raw.map((token) => caseSensitive.get(token) ?? fixWord(token.toLowerCase(), wordMap));
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const word = words[i] as string;
      const match = byFirstWord.get(word)?.find((rule) => rule.words.every((w, k) => words[i + k] === w));
      if (match) {
        out.push(match.term);
        i += match.words.length;
      } else {
        out.push(word);
        i += 1;
      }
    }
    return out.join(' ');
  };
}

function fixWord(word: string, wordMap: Map<string, string>): string {
  const direct = wordMap.get(word);
  if (direct !== undefined) return direct;
  // Possessives ("senco's", "son's") mean the same as the bare word for classifying.
  if (word.endsWith("'s")) {
    const bare = word.slice(0, -2);
    return wordMap.get(bare) ?? bare;
  }
  return word;
}
