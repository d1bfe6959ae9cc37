import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognizeChoices } from '../../dialogs/botbuilderDialogs.js';
import { resolveChoice } from '../../dialogs/resolveChoice.js';
import type { OfferedChoice } from '../../src/answers/choiceTargets.js';
import { mayHoldNumber } from '../../src/language/recogniserSignals.js';

const stages: OfferedChoice[] = ['Assess', 'Plan', 'Do', 'Review'].map((title) => ({ title, value: title, target: `step:${title.toLowerCase()}` }));
const asChoices = stages.map((choice) => ({ value: choice.value, synonyms: [] }));

describe('resolveChoice', () => {
  it.each([
    ['the second one', 'Plan'],
    ['2nd', 'Plan'],
    ['third please', 'Do'],
    ['the first', 'Assess'],
    ['review', 'Review'],
    ['3', 'Do'],
  ])('reads "%s" as %s', (said, title) => {
    expect(resolveChoice(said, stages)?.title).toBe(title);
  });

  it.each(['thanks', 'menu', 'what is a SENCO', 'last', 'next'])('picks nothing for "%s"', (said) => {
    expect(resolveChoice(said, stages)).toBeUndefined();
  });

  // The ordinal recogniser runs only when mayHoldNumber says a reply could hold one; where it says no, running it
  // must change nothing.
  it('skips the ordinal recogniser only for replies where it would find nothing', () => {
    const evalTexts = readFileSync('test/eval/nlu-test.jsonl', 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const words = ['last', 'next', 'previous', 'final', 'penultimate', 'latter', 'former', 'before last', 'top', 'bottom', 'middle', 'other', 'this', 'that', 'yes', 'no', 'ok'];
    const replies = [...evalTexts, ...words, ...words.map((w) => `the ${w} one`)].filter((text) => text.split(/\s+/).length <= 4);
    let skipped = 0;
    for (const text of replies) {
      if (mayHoldNumber(text)) continue;
      skipped += 1;
      const withOrdinals = recognizeChoices(text, asChoices, { allowPartialMatches: false, recognizeNumbers: false, recognizeOrdinals: true });
      const without = recognizeChoices(text, asChoices, { allowPartialMatches: false, recognizeNumbers: false, recognizeOrdinals: false });
      expect(without, text).toEqual(withOrdinals);
    }
    expect(skipped).toBeGreaterThan(30);
  });

  it('reads ordinals as botbuilder\'s own recognizeChoices does', () => {
    const phrases = ['the first', 'the second one', 'third', '4th', 'fourth please', 'the fifth', 'previous one', 'the last one', 'second to last', 'number one', 'one', 'two', 'the 2nd option', 'first one please', 'the third stage', 'twenty first', 'zeroth', 'the one before last', '1st'];
    for (const said of phrases) {
      const builtIn = recognizeChoices(said, asChoices, { allowPartialMatches: false, recognizeNumbers: false, recognizeOrdinals: true })[0];
      const expected = builtIn && builtIn.resolution.score >= 0.6 ? stages[builtIn.resolution.index]?.title : undefined;
      expect(resolveChoice(said, stages)?.title, said).toBe(expected);
    }
  });
});
