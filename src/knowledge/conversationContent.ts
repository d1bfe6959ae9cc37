// Loads the conversation's own content (messages, command words, menu, safeguarding help) beside the topics.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadMessages, type Messages } from './messages.js';
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

function loadYaml<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new Error(`loadConversationContent(): ${problems.join('; ')}. Fix the file and start again.`);
  }
  return result.data;
}

export function loadConversationContent(contentDir: string, placeholders: Record<string, string>): ConversationContent {
  const commandLists = loadYaml(path.join(contentDir, 'commands.yaml'), commandsSchema);
  const commands = new Map<string, CommandName>();
  for (const name of COMMANDS) for (const phrase of commandLists[name]) commands.set(normaliseCommandText(phrase), name);
  return {
    messages: loadMessages(path.join(contentDir, 'messages.yaml'), placeholders),
    commands,
    menu: loadYaml(path.join(contentDir, 'menu.yaml'), menuSchema),
    safeguarding: loadSafeguardingResponses(path.join(contentDir, 'safeguarding-responses.yaml')),
  };
}
