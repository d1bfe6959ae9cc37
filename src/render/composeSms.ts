// One reply as SMS texts: plain GSM-7 text in messages of about 320 characters (never over 1,600), extra held back for MORE.
import { BoundedCache } from '../boundedCache.js';
import { CHANNEL_LIMITS, SMS_MENU_LINE, SMS_MORE_LINE } from './channelLimits.js';
import { gsm7Length, toGsm7 } from './gsm7.js';
import { markdownToPlainBlocks } from './markdownToPlain.js';
import type { Choice, ReplyBlock } from './replyModel.js';
import { displayUrl, safeUrl } from './safeUrl.js';
import { packUnits, plainTextUnits } from './splitText.js';

const LIMITS = CHANNEL_LIMITS.sms;
const TARGET = LIMITS.messageTargetLength;
const MAX = LIMITS.messageMaxLength ?? 1600;
const PER_TURN = LIMITS.messagesPerTurn ?? 2;
const MORE_SUFFIX = `\n\n${SMS_MORE_LINE}`;
const MORE_RESERVE = gsm7Length(MORE_SUFFIX);

export interface SmsTexts {
  /** Send now, in order. */
  messages: string[];
  /** Held back; send with `nextSmsOverflow` when the user replies MORE. */
  overflow: string[];
}

/** GSM-7 text without the double spaces and empty lines that dropped emoji and controls leave behind. */
function tidy(text: string): string {
  return toGsm7(text)
    .split('\n')
    .map((line) => {
      // Keep the indent of a nested list item; anywhere else leading spaces are leftovers.
      const indent = /^( +)(?:- |\d+\. )/.exec(line)?.[1] ?? '';
      return indent + line.trim().replace(/ {2,}/g, ' ');
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "Reply 1", "Reply 1 or 2", "Reply 1, 2 or 3". */
export function replyNumbersLine(count: number): string {
  const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
  const last = numbers.pop();
  return numbers.length === 0 ? `Reply ${last}.` : `Reply ${numbers.join(', ')} or ${last}.`;
}

/** The prompt and its numbered lines as one block, so they travel together when they fit one message. */
function choiceBlocks(prompt: string | undefined, choices: readonly Choice[]): string[] {
  const parts = prompt ? markdownToPlainBlocks(prompt) : [];
  if (choices.length > 0) {
    const lines = choices.map((choice, i) => `${i + 1}. ${choice.title}`);
    parts.push([...lines, replyNumbersLine(choices.length), SMS_MENU_LINE].join('\n'));
  }
  return parts.length > 0 ? [parts.join('\n\n')] : [];
}

function contentBlocks(block: Exclude<ReplyBlock, { type: 'choices' }>): string[] {
  switch (block.type) {
    case 'text':
      return markdownToPlainBlocks(block.markdown);
    case 'sources':
      return [
        block.sources
          .map((source) => {
            const href = safeUrl(source.url);
            return href ? `Source: ${source.label} ${displayUrl(href)}` : `Source: ${source.label}`;
          })
          .join('\n'),
      ];
    case 'image':
      return [block.alt];
    case 'document':
      return [block.smsText];
    case 'facts':
      return [[...(block.title ? [block.title] : []), ...block.rows.map((row) => `${row.label}: ${row.value}`)].join('\n')];
  }
}

function pack(blocks: readonly string[], target: number, max: number): string[] {
  return packUnits(plainTextUnits(blocks, target, max, gsm7Length), target, gsm7Length);
}

/** Texts of text, choice and source blocks, by block; frozen, since every caller shares them. */
const TEXT_BLOCKS = new BoundedCache<readonly string[]>();
const CHOICE_BLOCKS = new BoundedCache<readonly string[]>();
const SOURCE_BLOCKS = new BoundedCache<readonly string[]>();
/** Whole replies' messages by their blocks' texts; frozen, and copied on the way out. */
const COMPOSED = new BoundedCache<{ readonly messages: readonly string[]; readonly overflow: readonly string[] }>();

function tidied(texts: readonly string[]): readonly string[] {
  return Object.freeze(texts.map(tidy).filter((text) => text !== ''));
}

/** A block's tidied texts; topic bodies, fixed messages, choices and sources are the same every turn, so those are kept. */
function blockTexts(block: ReplyBlock): readonly string[] {
  switch (block.type) {
    case 'text':
      return TEXT_BLOCKS.getOrCompute(block.markdown, () => tidied(contentBlocks(block)));
    case 'choices': {
      // Only the prompt and the titles are shown; the values are what comes back.
      const key = JSON.stringify([block.prompt ?? '', block.choices.map((choice) => choice.title)]);
      return CHOICE_BLOCKS.getOrCompute(key, () => tidied(choiceBlocks(block.prompt, block.choices)));
    }
    case 'sources':
      return SOURCE_BLOCKS.getOrCompute(JSON.stringify(block.sources.map((source) => [source.label, source.url])), () => tidied(contentBlocks(block)));
    default:
      return tidied(contentBlocks(block));
  }
}

/**
 * SMS texts for a reply's blocks. Choices always go out this turn, after the content, as numbered lines with
 * "Reply 1, 2 or 3." and the MENU hint. When the content needs more than two messages, the first two go now,
 * ending "Reply MORE for the rest.", and the others wait in `overflow`, packed so that line still fits.
 */
export function composeSms(blocks: readonly ReplyBlock[], options: { holdBack?: boolean } = {}): SmsTexts {
  const content: string[] = [];
  const choices: string[] = [];
  for (const block of blocks) (block.type === 'choices' ? choices : content).push(...blockTexts(block));
  const holdBack = options.holdBack !== false;
  // A document holds what the user typed (a letter): that is never kept in a cache, so such replies are packed afresh.
  const composed = blocks.some((block) => block.type === 'document')
    ? packTexts(content, choices, holdBack)
    : COMPOSED.getOrCompute(JSON.stringify([holdBack, content, choices]), () => {
        const { messages, overflow } = packTexts(content, choices, holdBack);
        return Object.freeze({ messages: Object.freeze(messages), overflow: Object.freeze(overflow) });
      });
  return { messages: [...composed.messages], overflow: [...composed.overflow] };
}

function packTexts(content: readonly string[], choices: readonly string[], holdBack: boolean): SmsTexts {
  // Urgent help (safeguarding) is never held back behind MORE, however many messages it takes.
  if (!holdBack || pack(content, TARGET, MAX).length <= PER_TURN) {
    return { messages: pack([...content, ...choices], TARGET, MAX), overflow: [] };
  }
  const pieces = pack(content, TARGET - MORE_RESERVE, MAX - MORE_RESERVE);
  const now = pieces.slice(0, PER_TURN);
  now[now.length - 1] += MORE_SUFFIX;
  return { messages: [...now, ...pack(choices, TARGET, MAX)], overflow: pieces.slice(PER_TURN) };
}

/** The next overflow messages for a MORE reply; the last one says MORE again if any are still waiting. */
export function nextSmsOverflow(overflow: readonly string[]): SmsTexts {
  const now = overflow.slice(0, PER_TURN);
  const rest = overflow.slice(PER_TURN);
  if (rest.length > 0 && now.length > 0) now[now.length - 1] += MORE_SUFFIX;
  return { messages: now, overflow: rest };
}
