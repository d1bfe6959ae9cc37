// One channel-neutral description of what the bot wants to say; renderers turn it into Web Chat, Teams or SMS output.
import type { SourceRef } from '../knowledge/types.js';

export type ChannelKind = 'webchat' | 'msteams' | 'sms';

export interface Choice {
  /** The text sent back to the bot when chosen (also what a user may type). */
  value: string;
  /** What the button or numbered line shows. */
  title: string;
}

export type ReplyBlock =
  /** Content markdown (from topics or content strings); renderers convert it per channel. */
  | { type: 'text'; markdown: string }
  /** Choices the user can pick; rendered as suggested actions, card buttons, or "Reply 1, 2 or 3" on SMS. */
  | { type: 'choices'; prompt?: string; choices: Choice[] }
  /** Where an answer comes from; linked where the channel allows. */
  | { type: 'sources'; sources: SourceRef[] }
  /** A generated picture (SVG markup) with alt text; SMS gets the alt text instead. */
  | { type: 'image'; svg: string; alt: string; title: string }
  /** A document the user can read, copy and keep (letter, record template, calendar file). */
  | { type: 'document'; title: string; text: string; fileName: string; mimeType: string; smsText: string }
  /** Label/value rows, e.g. a deadline table. */
  | { type: 'facts'; title?: string; rows: Array<{ label: string; value: string }> };

export interface Reply {
  blocks: ReplyBlock[];
  /** The content topic this reply answers from; becomes channelData.topicId (DESIGN.md contract 5). */
  topicId?: string;
  /** Urgent help (safeguarding): every part goes out now, never held back behind "Reply MORE". */
  urgent?: boolean;
}
