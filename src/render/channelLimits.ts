// The one table of what each channel can show (markdown, buttons, cards, files, message sizes); renderers read only this.
import type { ChannelKind, Choice } from './replyModel.js';
import { codePointLength } from './splitText.js';

export interface SuggestedActionLimits {
  /** More buttons than this wrap badly in Web Chat's suggested-action bar, so the choices go on a card instead. */
  maxCount: number;
  /** botbuilder-dialogs (choices/channel.ts maxActionTitleLength = 20) switches to a list past 20 characters too. */
  maxTitleLength: number;
}

export interface ChannelLimits {
  /** Message text is sent as markdown (true) or as plain text (false). */
  markdown: boolean;
  /** How a markdown heading is shown: kept, turned into a bold line, or a plain line. */
  headings: 'markdown' | 'bold' | 'plain';
  /** Markdown tables in message text; Teams text messages do not render them. */
  tables: boolean;
  /** Horizontal rules (`---`) in message text. */
  horizontalRules: boolean;
  /** What a hard line break inside a paragraph is written as. */
  lineBreak: '  \n' | '\n';
  /** undefined: the channel has no suggested actions we rely on. */
  suggestedActions: SuggestedActionLimits | undefined;
  /** Highest Adaptive Card schema version we send; undefined: no cards at all. */
  adaptiveCardVersion: '1.5' | undefined;
  /** A file the user can download, sent as an attachment with a data: URI. */
  dataUriFiles: boolean;
  /** Text is split into messages of about this length, at paragraph, item or sentence boundaries. */
  messageTargetLength: number;
  /** No single message is ever longer than this; undefined: no limit we need to enforce. */
  messageMaxLength: number | undefined;
  /** Only characters of the GSM 03.38 alphabet; anything else makes carriers switch to UCS-2 (70 characters a part). */
  gsm7Only: boolean;
  /** Links as markdown `[label](url)` or as "label: https://..." with the bare address. */
  links: 'markdown' | 'bare-url';
  /** Buttons (suggested actions or card) or numbered lines the user answers with a digit. */
  choices: 'buttons' | 'numbered';
  /** How many messages one turn may send before the rest waits for MORE; undefined: no limit. */
  messagesPerTurn: number | undefined;
}

export const CHANNEL_LIMITS: Readonly<Record<ChannelKind, Readonly<ChannelLimits>>> = {
  webchat: {
    markdown: true,
    headings: 'markdown',
    tables: true,
    horizontalRules: true,
    // CommonMark hard break: Web Chat's markdown-it joins single newlines into one line.
    lineBreak: '  \n',
    suggestedActions: { maxCount: 6, maxTitleLength: 20 },
    adaptiveCardVersion: '1.5',
    dataUriFiles: true,
    messageTargetLength: 700,
    messageMaxLength: undefined,
    gsm7Only: false,
    links: 'markdown',
    choices: 'buttons',
    messagesPerTurn: undefined,
  },
  msteams: {
    markdown: true,
    // Teams text messages do not render markdown headings or tables (Teams "Format your bot messages").
    headings: 'bold',
    tables: false,
    horizontalRules: false,
    // Teams breaks the line on a plain newline.
    lineBreak: '\n',
    // Teams shows suggested actions only in one-to-one chats; staff use channels and group chats, so cards it is.
    suggestedActions: undefined,
    adaptiveCardVersion: '1.5',
    // Teams only takes files through its file-consent flow in personal scope, never as data: URIs.
    dataUriFiles: false,
    messageTargetLength: 700,
    messageMaxLength: undefined,
    gsm7Only: false,
    links: 'markdown',
    choices: 'buttons',
    messagesPerTurn: undefined,
  },
  sms: {
    markdown: false,
    headings: 'plain',
    tables: false,
    horizontalRules: false,
    lineBreak: '\n',
    suggestedActions: undefined,
    adaptiveCardVersion: undefined,
    dataUriFiles: false,
    // 320 GSM-7 characters is three concatenated parts (153 each): short enough to read, cheap enough to send.
    messageTargetLength: 320,
    // Twilio rejects a message body over 1,600 characters.
    messageMaxLength: 1600,
    gsm7Only: true,
    links: 'bare-url',
    choices: 'numbered',
    messagesPerTurn: 2,
  },
};

/** Words an SMS user sends to steer the bot. HELP and STOP are not among them: carriers intercept those. */
export const SMS_KEYWORDS = {
  menu: 'MENU',
  more: 'MORE',
} as const;

/** Twilio's default opt-out, opt-in and help keywords: answered before the bot sees them, so never ask users to send them. */
export const CARRIER_RESERVED_KEYWORDS: readonly string[] = [
  'STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'START', 'UNSTOP', 'YES', 'HELP', 'INFO',
];

/** The line that closes an SMS turn when more of the answer is waiting. */
export const SMS_MORE_LINE = `Reply ${SMS_KEYWORDS.more} for the rest.`;

/** The hint sent wherever SMS choices are offered. */
export const SMS_MENU_LINE = `Send ${SMS_KEYWORDS.menu} to start again.`;

/**
 * Whether these choices fit the channel's suggested actions (titles counted in code points, so an emoji is one);
 * if not, they go on a card, or numbered lines on SMS.
 */
export function fitsSuggestedActions(channel: ChannelKind, choices: readonly Choice[]): boolean {
  const limits = CHANNEL_LIMITS[channel].suggestedActions;
  if (!limits || choices.length === 0 || choices.length > limits.maxCount) return false;
  return choices.every((choice) => codePointLength(choice.title) <= limits.maxTitleLength);
}
