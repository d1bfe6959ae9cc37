// The bot's own lines (welcome, errors, prompts) as data, with optional per-channel variants and {placeholders}.
import { z } from 'zod';
import { loadYamlFile } from './loadYamlFile.js';

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

export function loadMessages(file: string, defaults: Record<string, string> = {}): Messages {
  return new Messages(loadYamlFile(file, messagesSchema, 'loadMessages()'), defaults);
}
