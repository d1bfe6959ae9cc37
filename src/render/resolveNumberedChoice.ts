// Which offered choice an SMS reply means: "2", "2.", "two", "#2", or the choice's own title or value typed out.
import { toGsm7 } from './gsm7.js';
import type { Choice } from './replyModel.js';

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Lower case, accents and punctuation at the ends gone, spaces collapsed: how people retype a title on a phone. */
function normalise(text: string): string {
  return toGsm7(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'#(.,!?-]+|[\s"').,!?-]+$/g, '')
    .replace(/^(?:option|number|no\.?)\s*(?=\d)/, '');
}

/**
 * The choice the user picked, or undefined when the reply is not one of them (out of range, free text, MENU).
 * Numbers are 1-based, as shown by the SMS renderer ("1. ...", "Reply 1, 2 or 3").
 */
export function resolveNumberedChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const reply = normalise(text);
  if (reply === '') return undefined;
  const index = /^\d{1,3}$/.test(reply) ? Number(reply) - 1 : NUMBER_WORDS.indexOf(reply);
  if (index >= 0) return choices[index];
  return choices.find((choice) => normalise(choice.title) === reply || normalise(choice.value) === reply);
}
