// Adaptive Card JSON (schema 1.5) built from plain data; the renderers wrap it as an attachment at the edge.
import type { Choice } from './replyModel.js';

/** One card element or action; the schema is open-ended, so only `type` is fixed here. */
export interface CardElement {
  type: string;
  [property: string]: unknown;
}

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  /** Read aloud by screen readers and shown in notifications when the card itself cannot be. */
  fallbackText?: string;
}

export function adaptiveCard(version: string, body: CardElement[], fallbackText?: string): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version,
    body,
    ...(fallbackText ? { fallbackText } : {}),
  };
}

/** A TextBlock; its text is markdown in both hosts, so pass text already made safe for the channel. */
export function textBlock(text: string, options: { bold?: boolean; subtle?: boolean } = {}): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.bold ? { weight: 'Bolder' } : {}),
    ...(options.subtle ? { isSubtle: true } : {}),
  };
}

/**
 * Text that must appear exactly as written (a letter the user typed into, a title that is not markdown): one
 * RichTextBlock per line, because a TextRun is never read as markdown, unlike a TextBlock. Blank lines become
 * space above the next line.
 */
export function literalTextBlocks(text: string, options: { bold?: boolean; subtle?: boolean } = {}): CardElement[] {
  const style = { ...(options.bold ? { weight: 'Bolder' } : {}), ...(options.subtle ? { isSubtle: true } : {}) };
  const blocks: CardElement[] = [];
  let gap = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      gap = blocks.length > 0;
      continue;
    }
    blocks.push({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: line, ...style }],
      ...(gap ? { spacing: 'Medium' } : blocks.length > 0 ? { spacing: 'None' } : {}),
    });
    gap = false;
  }
  return blocks;
}

export function factSet(rows: ReadonlyArray<{ label: string; value: string }>): CardElement {
  return { type: 'FactSet', facts: rows.map((row) => ({ title: row.label, value: row.value })) };
}

export function imageElement(url: string, altText: string): CardElement {
  return { type: 'Image', url, altText, size: 'Stretch' };
}

/**
 * One full-width button per choice, stacked, so long titles wrap instead of being cut. `dataFor` decides what the
 * host posts back: Web Chat sends a string `data` as an imBack message; Teams needs `msteams.type = imBack`.
 */
export function choiceButtons(choices: readonly Choice[], dataFor: (choice: Choice) => unknown): CardElement[] {
  return choices.map((choice) => ({
    type: 'ActionSet',
    actions: [{ type: 'Action.Submit', title: choice.title, data: dataFor(choice) }],
  }));
}
