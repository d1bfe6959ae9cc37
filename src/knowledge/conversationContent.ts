// Loads the conversation's own content (messages, command words, menu, safeguarding help) beside the topics.
import path from 'node:path';
import { z } from 'zod';
import { loadMessages, type Messages } from './messages.js';
import { loadYamlFile } from './loadYamlFile.js';
import { loadSafeguardingResponses, type SafeguardingResponses } from './safeguardingResponses.js';

const COMMANDS = ['menu', 'more', 'stop', 'help', 'human', 'carry-on', 'forget-me'] as const;
export type CommandName = (typeof COMMANDS)[number];

const commandsSchema = z.object(Object.fromEntries(COMMANDS.map((name) => [name, z.array(z.string().min(1)).min(1)])) as Record<CommandName, z.ZodArray<z.ZodString>>).strict();

const menuSchema = z
  .object({
    prompt: z.string().min(1),
    items: z
      .array(z.object({ title: z.string().min(1).max(40), target: z.string().regex(/^(?:flow|topic|tool):[a-z0-9-]+$/, 'expected flow:<id>, topic:<id> or tool:<id>') }).strict())
      .min(1)
      .max(8, 'expected at most 8 menu items'),
  })
  .strict();

export type Menu = z.output<typeof menuSchema>;

export interface ConversationContent {
  messages: Messages;
  /** Normalised command phrase -> command. */
  commands: Map<string, CommandName>;
  menu: Menu;
  safeguarding: SafeguardingResponses;
}

/** Lower-cases and strips punctuation and extra spaces so "Menu!" and " menu " match. */
export function normaliseCommandText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function loadConversationContent(contentDir: string, placeholders: Record<string, string>): ConversationContent {
  const commandLists = loadYamlFile(path.join(contentDir, 'commands.yaml'), commandsSchema, 'loadConversationContent()');
  const commands = new Map<string, CommandName>();
  for (const name of COMMANDS) for (const phrase of commandLists[name]) commands.set(normaliseCommandText(phrase), name);
  return {
    messages: loadMessages(path.join(contentDir, 'messages.yaml'), placeholders),
    commands,
    menu: loadYamlFile(path.join(contentDir, 'menu.yaml'), menuSchema, 'loadConversationContent()'),
    safeguarding: loadSafeguardingResponses(path.join(contentDir, 'safeguarding-responses.yaml')),
  };
}
