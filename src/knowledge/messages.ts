// The bot's own lines (welcome, errors, prompts) as data, with optional per-channel variants and {placeholders}.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const variantSchema = z.union([
  z.string().min(1),
  z.object({ default: z.string().min(1), webchat: z.string().optional(), msteams: z.string().optional(), sms: z.string().optional() }).strict(),
]);
const messagesSchema = z.record(z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case key'), variantSchema);

export type MessageChannel = 'webchat' | 'msteams' | 'sms';

export class Messages {
  constructor(
    private readonly entries: z.output<typeof messagesSchema>,
    private readonly defaults: Record<string, string> = {},
  ) {}

  has(key: string): boolean {
    return key in this.entries;
  }

  keys(): string[] {
    return Object.keys(this.entries);
  }

  /** The line for a key on a channel, with {placeholders} filled from defaults and vars. */
  get(key: string, channel?: MessageChannel, vars: Record<string, string> = {}): string {
    const entry = this.entries[key];
    if (entry === undefined) throw new Error(`Messages.get(): no message "${key}" in content/messages.yaml. Add it there.`);
    const text = typeof entry === 'string' ? entry : (channel && entry[channel]) || entry.default;
    const values = { ...this.defaults, ...vars };
    return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
  }
}

export function parseMessages(yamlText: string, file: string, defaults: Record<string, string> = {}): Messages {
  const result = messagesSchema.safeParse(parse(yamlText));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new Error(`parseMessages(): ${problems.join('; ')}. Fix the file and start again.`);
  }
  return new Messages(result.data, defaults);
}

export function loadMessages(file: string, defaults: Record<string, string> = {}): Messages {
  return parseMessages(readFileSync(file, 'utf8'), file, defaults);
}
