// One reply as Microsoft Teams activities: Teams' markdown subset, Adaptive Cards 1.5 for choices, pictures, documents and facts.
import { ActivityTypes, CardFactory, type Activity, type Attachment } from 'botbuilder';
import { adaptiveCard, choiceButtons, factSet, imageElement, literalTextBlocks, textBlock, type CardElement } from './adaptiveCard.js';
import { CHANNEL_LIMITS } from './channelLimits.js';
import { chatMessageTexts } from './chatMessageTexts.js';
import { toDataUri } from './dataUri.js';
import { chatSourceLines, escapeMarkdown, markdownToChat } from './markdownToChat.js';
import type { Choice, Reply, ReplyBlock } from './replyModel.js';

export { stripMentions } from './stripMentions.js';

const LIMITS = CHANNEL_LIMITS.msteams;
const CARD_VERSION = LIMITS.adaptiveCardVersion ?? '1.5';

function markdownMessage(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'markdown' };
}

function cardMessage(body: CardElement[], fallbackText?: string): Partial<Activity> {
  const attachment: Attachment = CardFactory.adaptiveCard(adaptiveCard(CARD_VERSION, body, fallbackText));
  return { type: ActivityTypes.Message, attachments: [attachment] };
}

function textMessages(markdown: string): Array<Partial<Activity>> {
  return chatMessageTexts(markdown, 'msteams').map(markdownMessage);
}

/** `msteams.type = imBack` makes Teams post the value as the user's own message, so the bot reads `activity.text`. */
export function teamsChoiceData(choice: Choice): { msteams: { type: 'imBack'; value: string } } {
  return { msteams: { type: 'imBack', value: choice.value } };
}

function blockActivities(block: ReplyBlock): Array<Partial<Activity>> {
  switch (block.type) {
    case 'text':
      return textMessages(block.markdown);
    case 'choices': {
      if (block.choices.length === 0) return block.prompt ? textMessages(block.prompt) : [];
      const body: CardElement[] = [];
      if (block.prompt) body.push(textBlock(markdownToChat(block.prompt, 'msteams')));
      body.push(...choiceButtons(block.choices, teamsChoiceData));
      return [cardMessage(body)];
    }
    case 'sources':
      return block.sources.length > 0 ? [markdownMessage(chatSourceLines(block.sources, 'msteams'))] : [];
    case 'image':
      // Teams documents PNG, JPEG and GIF for card images; SVG data URIs draw in the desktop and web clients but may
      // not on mobile, so the alt text is also shown as a caption and nothing depends on the picture alone.
      return [
        cardMessage(
          [
            ...literalTextBlocks(block.title, { bold: true }),
            imageElement(toDataUri('image/svg+xml', block.svg), block.alt),
            ...literalTextBlocks(block.alt, { subtle: true }),
          ],
          block.alt,
        ),
      ];
    case 'document':
      // Teams takes no data: URI files; the text goes on a card as TextRuns, which Teams never reads as markdown.
      return [cardMessage([...literalTextBlocks(block.title, { bold: true }), ...literalTextBlocks(block.text)])];
    case 'facts':
      return [
        cardMessage([
          ...(block.title ? literalTextBlocks(block.title, { bold: true }) : []),
          factSet(block.rows.map((row) => ({ label: escapeMarkdown(row.label), value: escapeMarkdown(row.value) }))),
        ]),
      ];
  }
}

/** Teams activities for a reply, in block order; a choice arrives back as `activity.text` (after stripMentions). */
export function renderTeams(reply: Reply): Array<Partial<Activity>> {
  return reply.blocks.flatMap(blockActivities);
}
