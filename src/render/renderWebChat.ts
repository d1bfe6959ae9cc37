// One reply as Web Chat activities: markdown messages, suggested actions or a choice card, pictures, downloadable files, fact cards.
import { ActionTypes, ActivityTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import { adaptiveCard, choiceButtons, factSet, textBlock, type CardElement } from './adaptiveCard.js';
import { CHANNEL_LIMITS, fitsSuggestedActions } from './channelLimits.js';
import { chatMessageTexts } from './chatMessageTexts.js';
import { toDataUri } from './dataUri.js';
import { chatSourceLines, escapeMarkdown, markdownToChat } from './markdownToChat.js';
import type { Choice, Reply, ReplyBlock } from './replyModel.js';

const LIMITS = CHANNEL_LIMITS.webchat;
const CARD_VERSION = LIMITS.adaptiveCardVersion ?? '1.5';

function markdownMessage(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'markdown' };
}

function cardMessage(body: CardElement[]): Partial<Activity> {
  const attachment: Attachment = CardFactory.adaptiveCard(adaptiveCard(CARD_VERSION, body));
  return { type: ActivityTypes.Message, attachments: [attachment] };
}

function textMessages(markdown: string): Array<Partial<Activity>> {
  return chatMessageTexts(markdown, 'webchat').map(markdownMessage);
}

/**
 * Web Chat posts a string `data` from Action.Submit as an imBack, so the bot receives the value as message text,
 * exactly as from a suggested action (botframework-webchat AdaptiveCardRenderer, handleExecuteAction).
 */
function choiceCard(prompt: string | undefined, choices: readonly Choice[]): Partial<Activity> {
  const body: CardElement[] = [];
  if (prompt) body.push(textBlock(markdownToChat(prompt, 'webchat')));
  body.push(...choiceButtons(choices, (choice) => choice.value));
  return cardMessage(body);
}

function blockActivities(block: ReplyBlock, pending: { suggested?: CardAction[] }): Array<Partial<Activity>> {
  switch (block.type) {
    case 'text':
      return textMessages(block.markdown);
    case 'choices':
      if (fitsSuggestedActions('webchat', block.choices)) {
        pending.suggested = block.choices.map((choice) => ({ type: ActionTypes.ImBack, title: choice.title, value: choice.value }));
        return block.prompt ? textMessages(block.prompt) : [];
      }
      return block.choices.length > 0 ? [choiceCard(block.prompt, block.choices)] : block.prompt ? textMessages(block.prompt) : [];
    case 'sources':
      return block.sources.length > 0 ? [markdownMessage(chatSourceLines(block.sources, 'webchat'))] : [];
    case 'image':
      // Web Chat uses the attachment name as the <img> alt text (ImageAttachment: alt = attachment.name).
      return [
        {
          ...(block.title.trim() ? markdownMessage(`**${escapeMarkdown(block.title.trim())}**`) : { type: ActivityTypes.Message }),
          attachments: [{ contentType: 'image/svg+xml', contentUrl: toDataUri('image/svg+xml', block.svg), name: block.alt }],
        },
      ];
    case 'document':
      // The text may hold what the user typed: plain text, so Web Chat never reads it as markdown or HTML.
      // Only a plain-text document is readable in the chat; a calendar file's text is for calendar apps, not people.
      return [
        {
          type: ActivityTypes.Message,
          text: block.mimeType === 'text/plain' ? `${block.title}\n\n${block.text}` : block.title,
          textFormat: 'plain',
          attachments: [{ contentType: block.mimeType, contentUrl: toDataUri(block.mimeType, block.text), name: block.fileName }],
        },
      ];
    case 'facts': {
      const body: CardElement[] = [];
      if (block.title) body.push(textBlock(escapeMarkdown(block.title), { bold: true }));
      body.push(factSet(block.rows.map((row) => ({ label: escapeMarkdown(row.label), value: escapeMarkdown(row.value) }))));
      return [cardMessage(body)];
    }
  }
}

/**
 * Web Chat activities for a reply, in block order. Suggested actions go on the last activity because Web Chat
 * shows only the latest activity's suggestions; the bot reads every choice (button or card) as `activity.text`.
 */
export function renderWebChat(reply: Reply): Array<Partial<Activity>> {
  const pending: { suggested?: CardAction[] } = {};
  const activities = reply.blocks.flatMap((block) => blockActivities(block, pending));
  if (pending.suggested) {
    const suggestedActions = { to: [], actions: pending.suggested };
    const last = activities.at(-1);
    if (last) last.suggestedActions = suggestedActions;
    else activities.push({ type: ActivityTypes.Message, suggestedActions });
  }
  return activities;
}
