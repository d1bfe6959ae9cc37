// Helpers for tool dialog tests: a conversation on a fixed clock, turns checked against the SMS rules, and safety checks.
import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import type { ChannelKind } from '../../src/render/replyModel.js';
import { expectSmsRules } from './channelRules.js';
import { startConversation, type ConversationOptions, type TestConversation } from './guideHarness.js';

export const CHANNELS: ChannelKind[] = ['webchat', 'msteams', 'sms'];

/** Monday 23 November 2026, 10am in the UK (GMT): "today" for every tool test. */
export const NOW = new Date('2026-11-23T10:00:00Z');

export interface ToolTurn {
  replies: Array<Partial<Activity>>;
  /** What a person reads (message text, card text, choice titles). */
  text: string;
  /** Everything sent, as JSON: for values such as fact rows that readable text leaves out. */
  raw: string;
}

export interface ToolConversation {
  conversation: TestConversation;
  channel: ChannelKind;
  /** Sends a message; on SMS every reply is checked against the SMS rules. */
  say(text: string): Promise<ToolTurn>;
  /** Everything stored for this conversation and user, as JSON. */
  stored(): Promise<string>;
}

/** Starts a conversation on a fixed clock, past the welcome. */
export async function openTool(channel: ChannelKind, options: ConversationOptions = {}): Promise<ToolConversation> {
  const conversation = await startConversation(channel, { now: () => NOW, ...options });
  if (channel === 'sms') await conversation.say('hi');
  else await conversation.open();
  return {
    conversation,
    channel,
    async say(text: string) {
      const replies = await conversation.say(text);
      if (channel === 'sms') expectSmsRules(replies);
      return { replies, text: conversation.readable(replies), raw: JSON.stringify(replies) };
    },
    async stored() {
      return JSON.stringify(await conversation.storage.read(conversation.stateKeys));
    },
  };
}

/** The text of a data: URI attachment. */
export function decodeDataUri(uri: string): string {
  const comma = uri.indexOf(',');
  const head = uri.slice(0, comma);
  const body = uri.slice(comma + 1);
  return head.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
}

export function attachmentsOf(replies: Array<Partial<Activity>>, contentType: string) {
  return replies.flatMap((activity) => activity.attachments ?? []).filter((attachment) => attachment.contentType === contentType);
}

/** Every Adaptive Card element of a given type, anywhere in the replies. */
export function cardElements(replies: Array<Partial<Activity>>, type: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === type) found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  for (const activity of replies) walk(activity.attachments?.map((attachment) => attachment.content) ?? []);
  return found;
}

/** What would make user text live markup if a renderer let it through. */
const LIVE_MARKUP = [/<script/i, /<img/i, /onerror\s*=/i, /\]\(\s*javascript:/i, /\]\(https?:\/\/evil/i];

/**
 * Text the channel reads as markdown or HTML (markdown messages, card TextBlocks) never carries the user's markup;
 * it may only appear where the channel shows text as itself (plain messages, Teams TextRuns, SMS).
 */
export function expectNoLiveMarkup(replies: Array<Partial<Activity>>): void {
  for (const activity of replies) {
    if (activity.textFormat !== 'plain' && activity.text) {
      for (const pattern of LIVE_MARKUP) expect(activity.text, `markdown message matches ${pattern}`).not.toMatch(pattern);
    }
  }
  for (const block of cardElements(replies, 'TextBlock')) {
    for (const pattern of LIVE_MARKUP) expect(String(block.text), `card TextBlock matches ${pattern}`).not.toMatch(pattern);
  }
}
