// Decides whether a message suggests risk of harm to a child or to the parent, and what kind: first the curated
// patterns in content/safeguarding.yaml, then (when given) the safeguarding model for wording the patterns miss.
// Runs on every message before anything else.
import { createNormaliser, loadNormalisationRules } from './normaliseText.js';
import { readTrainingExamples } from './readTrainingExamples.js';
import { anyMatchOf, type CompiledCategory, type CompiledLexicon, loadSafeguardingLexicon, prepareForSafeguarding } from './safeguardingLexicon.js';
import { loadSafeguardingExamples, type SafeguardingModel, trainSafeguardingModel } from './safeguardingModel.js';
import type { SafeguardingSignal } from './types.js';

export type SafeguardingDetector = (text: string) => SafeguardingSignal | null;

/** Each list of the lexicon is combined into one test here, once: a lexicon changed afterwards needs a new detector. */
export function createSafeguardingDetector(lexicon: CompiledLexicon, model?: SafeguardingModel): SafeguardingDetector {
  // Most messages match nothing, so each list is first tested as a whole; a sentence is read pattern by pattern
  // (negations, exceptions) only when that test says some pattern does match in it.
  const anyFigure = anyMatchOf(lexicon.figuresOfSpeech);
  const categories = lexicon.categories.map((category) => ({ category, anyPattern: anyMatchOf(category.patterns) }));
  return (text: string) => {
    const original = prepareForSafeguarding(text);
    let prepared = original;
    // When no figure matches the message, none can match after another is blanked out either: skipping is exact.
    if (anyFigure(original)) for (const figure of lexicon.figuresOfSpeech) prepared = prepared.replace(figure.regex, '.');
    const sentences = prepared.split(' . ').map((s) => s.replace(/(^|\s)\.(\s|$)/g, ' ').trim()).filter((s) => s.length > 0);
    for (const { category, anyPattern } of categories) {
      for (const sentence of sentences) {
        if (!anyPattern(sentence)) continue;
        const match = firstMatch(category, sentence, lexicon);
        if (match) return { category: category.category, about: whoIsAtRisk(sentence, match, lexicon, category.defaultAbout) };
      }
    }
    // The model reads the message as written (as its examples are), or with figures of speech blanked out if any.
    const assessed = model?.assess(prepared === original ? text : sentences.join(' . '));
    if (!assessed) return null;
    const whole = sentences.join(' ');
    const fallback = lexicon.categories.find((c) => c.category === assessed.category)?.defaultAbout ?? 'unknown';
    return { category: assessed.category, about: whoIsAtRisk(whole, { start: 0, end: whole.length }, lexicon, fallback) };
  };
}

let defaultDetector: SafeguardingDetector | undefined;

/** Builds both checks from a content folder: the patterns and the model (trained on its examples, ~0.2 s). */
export function loadSafeguardingDetector(contentDir?: string, ordinary?: string[]): SafeguardingDetector {
  const normalise = createNormaliser(loadNormalisationRules(contentDir));
  const everyday = ordinary ?? [...readTrainingExamples(contentDir).values()].flat();
  return createSafeguardingDetector(loadSafeguardingLexicon(contentDir), trainSafeguardingModel(loadSafeguardingExamples(contentDir), everyday, normalise));
}

/** The detector built from the repository's content/ (loaded and trained once). */
export function detectSafeguarding(text: string): SafeguardingSignal | null {
  defaultDetector ??= loadSafeguardingDetector();
  return defaultDetector(text);
}

interface Match {
  start: number;
  end: number;
}

function firstMatch(category: CompiledCategory, sentence: string, lexicon: CompiledLexicon): Match | undefined {
  // Found when the first match needs checking against them, not before: most sentences never get that far.
  let exceptions: Match[] | undefined;
  for (const pattern of category.patterns) {
    pattern.regex.lastIndex = 0;
    for (const found of sentence.matchAll(pattern.regex)) {
      const match = { start: found.index, end: found.index + found[0].length };
      if (category.negatable && isNegated(sentence.slice(0, match.start), lexicon)) continue;
      exceptions ??= category.unless.flatMap((p) => [...sentence.matchAll(p.regex)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
      // An exception cancels only the matches it overlaps, never the rest of the sentence.
      if (exceptions.some((e) => e.start < match.end && match.start < e.end)) continue;
      return match;
    }
  }
  return undefined;
}

/** True when one of the two words before the match (fillers like "ever" skipped) is a negation. */
export function isNegated(before: string, lexicon: CompiledLexicon): boolean {
  const words = before.trim().split(' ').filter((w) => w.length > 0);
  let seen = 0;
  for (let i = words.length - 1; i >= 0 && seen < 2; i--) {
    const word = words[i] as string;
    if (lexicon.negationFillers.has(word)) continue;
    if (lexicon.negations.has(word)) return true;
    seen++;
  }
  return false;
}

/**
 * The person at risk is usually the last person named in the matched words ("husband hits me", "hurt my child",
 * "kill himself"); failing that, the nearest person named before the match, then after it.
 */
function whoIsAtRisk(sentence: string, match: Match, lexicon: CompiledLexicon, fallback: SafeguardingSignal['about']): SafeguardingSignal['about'] {
  const kind = (word: string): SafeguardingSignal['about'] | undefined => {
    // "daughters arms": a possessive without its apostrophe still names the daughter.
    const bare = word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
    if (lexicon.adultWords.has(word) || lexicon.adultWords.has(bare)) return 'adult';
    if (lexicon.childWords.has(word) || lexicon.childWords.has(bare)) return 'child';
    return undefined;
  };
  const inside = sentence.slice(match.start, match.end).split(' ');
  for (let i = inside.length - 1; i >= 0; i--) {
    const found = kind(inside[i] as string);
    if (found) return found;
  }
  const before = sentence.slice(0, match.start).trim().split(' ');
  for (let i = before.length - 1; i >= 0; i--) {
    const found = kind(before[i] as string);
    if (found) return found;
  }
  for (const word of sentence.slice(match.end).trim().split(' ')) {
    const found = kind(word);
    if (found) return found;
  }
  return fallback;
}
