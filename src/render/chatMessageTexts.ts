// Content markdown as a chat channel's message texts: re-written for the channel, then packed to its message length.
import { BoundedCache } from '../boundedCache.js';
import { CHANNEL_LIMITS } from './channelLimits.js';
import { type ChatDialect, markdownToChatUnits } from './markdownToChat.js';
import { codePointLength, packUnits } from './splitText.js';

/** Texts by markdown, per dialect; frozen, since every caller shares them. */
const TEXTS: Record<ChatDialect, BoundedCache<readonly string[]>> = { webchat: new BoundedCache(), msteams: new BoundedCache() };

/** The messages a text block becomes; a topic body gives the same ones every turn, so they are kept. */
export function chatMessageTexts(markdown: string, dialect: ChatDialect): readonly string[] {
  return TEXTS[dialect].getOrCompute(markdown, (text) =>
    Object.freeze(packUnits(markdownToChatUnits(text, dialect), CHANNEL_LIMITS[dialect].messageTargetLength, codePointLength)),
  );
}
