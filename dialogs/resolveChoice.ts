// Works out which offered choice a message picks: its number (SMS), its title, a synonym, or a close match.
import { Culture, type IModel } from '@microsoft/recognizers-text';
import { NumberRecognizer } from '@microsoft/recognizers-text-number';
import { recognizeChoices } from './botbuilderDialogs.js';
import type { OfferedChoice } from '../src/answers/choiceTargets.js';
import { normaliseCommandText } from '../src/knowledge/conversationContent.js';
import { mayHoldNumber } from '../src/language/recogniserSignals.js';

export function resolveChoice(text: string, offered: OfferedChoice[], offeredEarlier: OfferedChoice[] = []): OfferedChoice | undefined {
  const said = normaliseCommandText(text);
  if (said.length === 0) return undefined;

  // SMS and keyboard users answer "2" for the second line of the last list.
  if (/^\d{1,2}$/.test(said)) return offered[Number(said) - 1];

  const exact = (choice: OfferedChoice) =>
    [choice.title, choice.value, ...(choice.synonyms ?? [])].some((candidate) => normaliseCommandText(candidate) === said);
  const direct = offered.find(exact) ?? offeredEarlier.find(exact);
  if (direct) return direct;

  // A close match only on the last list, and only for short replies, so questions are not mistaken for choices.
  if (said.split(' ').length > 4 || offered.length === 0) return undefined;
  const found = recognizeChoices(said, offered.map((choice) => ({ value: choice.value, synonyms: choice.synonyms ?? [] })), {
    allowPartialMatches: false,
    recognizeNumbers: false,
    recognizeOrdinals: false,
  });
  const best = found[0];
  if (best) return best.resolution.score < 0.6 ? undefined : offered[best.resolution.index];
  // "The second one". recognizeChoices would read ordinals itself, but builds every English number model to do it on
  // each call; one ordinal model is kept here instead, and asked only about words that could hold a number.
  if (!mayHoldNumber(said)) return undefined;
  for (const match of ordinalModel().parse(said)) {
    const index = Number.parseInt(String((match.resolution as { value?: unknown } | undefined)?.value), 10) - 1;
    if (index >= 0 && index < offered.length) return offered[index];
  }
  return undefined;
}

let ordinals: IModel | undefined;

function ordinalModel(): IModel {
  ordinals ??= new NumberRecognizer(Culture.English).getOrdinalModel(Culture.English, true);
  return ordinals;
}
