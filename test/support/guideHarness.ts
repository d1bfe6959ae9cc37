// Runs whole conversations against the real bot (real content, real classifier) on a chosen channel, in memory.
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { InMemoryStorage } from '../../src/storage/inMemoryStorage.js';
import path from 'node:path';
import { createGuideBot, type GuideBot } from '../../src/bot/createGuideBot.js';
import { loadConversationContent, type ConversationContent } from '../../src/knowledge/conversationContent.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { createLanguageUnderstanding } from '../../src/language/createLanguageUnderstanding.js';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import type { ChannelKind } from '../../src/render/replyModel.js';
import type { LanguageService } from '../../src/bot/SenGuideBot.js';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');

interface LoadedParts {
  knowledge: KnowledgeBase;
  content: ConversationContent;
  language: LanguageService;
}

let loaded: Promise<LoadedParts> | undefined;

/** Content and the trained classifier, loaded once per test file. */
export function loadParts(): Promise<LoadedParts> {
  loaded ??= (async () => {
    const knowledge = await loadKnowledge(CONTENT_DIR);
    const content = loadConversationContent(CONTENT_DIR, { service: 'SEN Support Guide', privacyUrl: 'https://example.gov.uk/privacy' });
    return { knowledge, content, language: createLanguageUnderstanding(knowledge) };
  })();
  return loaded;
}

export interface ConversationOptions {
  councilCode?: string;
  now?: () => Date;
  logLines?: string[];
  storage?: InMemoryStorage;
  teamsAudience?: 'staff' | 'parent';
  /** A changed copy of the knowledge base (e.g. with a test council); the classifier stays trained on real content. */
  knowledge?: KnowledgeBase;
}

export interface TestConversation {
  guide: GuideBot;
  storage: InMemoryStorage;
  /** The storage keys botbuilder uses for this conversation's and user's state. */
  stateKeys: string[];
  /** Sends a conversationUpdate as a channel does when someone opens the chat. */
  open(): Promise<Array<Partial<Activity>>>;
  /** Sends a message and returns every activity the bot sent back for it. */
  say(text: string): Promise<Array<Partial<Activity>>>;
  /** All the text a person would see in replies (message text, card text and choice titles). */
  readable(activities: Array<Partial<Activity>>): string;
}

export async function startConversation(channel: ChannelKind, options: ConversationOptions = {}): Promise<TestConversation> {
  const parts = await loadParts();
  const storage = options.storage ?? new InMemoryStorage();
  const logger: Logger = createLogger('debug', (line) => options.logLines?.push(line));
  const guide = createGuideBot({
    config: { COUNCIL_CODE: options.councilCode, TEAMS_AUDIENCE: options.teamsAudience ?? 'staff', MAX_MESSAGE_LENGTH: 2000 },
    knowledge: options.knowledge ?? parts.knowledge,
    content: parts.content,
    language: parts.language,
    storage,
    logger,
    now: options.now,
  });
  const conversationId = `conv-${channel}-${Math.random().toString(36).slice(2)}`;
  const userId = channel === 'sms' ? '+447700900123' : 'user-1';
  const adapter = new TestAdapter(async (context) => guide.bot.run(context), {
    channelId: channel,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: userId, name: 'Parent' },
    recipient: { id: 'bot', name: 'SEN Support Guide' },
  });
  const drain = () => adapter.activeQueue.splice(0, adapter.activeQueue.length);
  return {
    guide,
    storage,
    stateKeys: [`${channel}/conversations/${conversationId}/`, `${channel}/users/${userId}/`],
    async open() {
      drain();
      await adapter.receiveActivity({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user-1', name: 'Parent' }] });
      return drain();
    },
    async say(text: string) {
      drain();
      await adapter.receiveActivity({ type: ActivityTypes.Message, text });
      return drain();
    },
    readable: readableText,
  };
}

/** Flattens replies into the words a person would read, so tests can assert on meaning, not markup. */
export function readableText(activities: Array<Partial<Activity>>): string {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') return;
    if (Array.isArray(value)) return value.forEach(walk);
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (typeof inner === 'string' && ['text', 'title', 'altText', 'subtitle'].includes(key)) parts.push(inner);
        else walk(inner);
      }
    }
  };
  for (const activity of activities) {
    if (activity.text) parts.push(activity.text);
    for (const action of activity.suggestedActions?.actions ?? []) parts.push(String(action.title ?? action.value));
    walk(activity.attachments ?? []);
  }
  return parts.join('\n');
}
