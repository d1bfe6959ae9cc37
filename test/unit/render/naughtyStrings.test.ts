// Hostile and odd text through every renderer and every block field: nothing throws, nothing goes live, no limit is broken.
import type { Activity } from 'botbuilder';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { gsm7Length, isGsm7 } from '../../../src/render/gsm7.js';
import { renderReply } from '../../../src/render/renderReply.js';
import type { ChannelKind, Reply } from '../../../src/render/replyModel.js';
import { renderSmsOverflow } from '../../../src/render/renderSms.js';

/** A short list in the spirit of botbuilder-dialogs' naughtyStrings.txt, aimed at what these renderers do. */
const NAUGHTY: Array<[string, string]> = [
  ['empty', ''],
  ['only whitespace', ' \n\t \n'],
  ['right-to-left override', '\u202Eexe.txt\u202C letter'],
  ['zero-width joiners and spaces', 'a\u200Db\u200Cc\u200Bd\uFEFF'],
  ['combining-character flood', `Z${'\u0336\u0353\u0489\u0301'.repeat(400)}algo`],
  ['emoji, flags, skin tones, keycaps', '👨‍👩‍👧‍👦 🇬🇧 👍🏽 1️⃣ ❤️'],
  ['script tag', '<script>alert(1)</script>'],
  ['event-handler HTML', '<img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>'],
  ['javascript link', '[click me](javascript:alert(1)) and <javascript:alert(1)>'],
  ['data link', '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['markdown soup', '# Heading **bold** _it_ `code` ~~del~~ > quote\n- list\n1. item\n| a | b |\n|---|---|'],
  ['unbalanced markup', '**open [link( `tick _under ~~tilde <tag'],
  ['very long word', 'x'.repeat(5000)],
  ['very long url', `https://example.org/${'a'.repeat(3000)}`],
  ['arabic', 'مرحبا بالعالم، كيف حالك؟'],
  ['japanese', '田中さんにあげて下さい。'],
  ['control characters', 'a\u0000b\u0007c\u001bd\u007fe'],
  ['lone surrogates', 'a\uD800b\uDFFFc'],
  ['format strings', '%s %d {{x}} ${x} {0}'],
  ['backslashes and pipes', '\\\\ \\* | || ||| \\'],
  ['delimiter runs that make parsers backtrack', `${'*'.repeat(2000)}a ${'_a'.repeat(1000)} ${'['.repeat(1000)}${']('.repeat(300)}`],
];

const CHANNELS: ChannelKind[] = ['webchat', 'msteams', 'sms'];

function replyFrom(text: string): Reply {
  const short = text.slice(0, 200);
  return {
    topicId: 'what-is-sen',
    blocks: [
      { type: 'text', markdown: text },
      { type: 'choices', prompt: text, choices: [{ title: short, value: short }, { title: 'Menu', value: 'menu' }] },
      { type: 'sources', sources: [{ label: short, url: text }, { label: 'Gov', url: 'https://www.gov.uk/' }] },
      { type: 'image', svg: `<svg xmlns="http://www.w3.org/2000/svg"><text>${short}</text></svg>`, alt: text, title: short },
      { type: 'document', title: short, text, fileName: `${short}.txt`, mimeType: 'text/plain', smsText: text },
      { type: 'facts', title: short, rows: [{ label: short, value: text }] },
    ],
  };
}

/** Every string a renderer puts in front of the user that a client reads as markdown. */
function markdownTexts(activities: Array<Partial<Activity>>): string[] {
  const texts: string[] = [];
  for (const activity of activities) {
    if (activity.textFormat === 'markdown' && activity.text) texts.push(activity.text);
    for (const attachment of activity.attachments ?? []) collectTextBlocks(attachment.content, texts);
  }
  return texts;
}

function collectTextBlocks(node: unknown, into: string[]): void {
  if (Array.isArray(node)) node.forEach((child) => collectTextBlocks(child, into));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') into.push(record.text);
    if (record.type === 'FactSet' && Array.isArray(record.facts)) {
      for (const fact of record.facts as Array<{ title: string; value: string }>) into.push(fact.title, fact.value);
    }
    Object.values(record).forEach((child) => collectTextBlocks(child, into));
  }
}

describe.each(NAUGHTY)('naughty string: %s', (_name, text) => {
  const reply = replyFrom(text);

  it.each(CHANNELS)('renders on %s without throwing, as JSON a connector can send', (channel) => {
    const { activities } = renderReply(reply, channel);
    expect(activities.length).toBeGreaterThan(0);
    expect(() => JSON.stringify(activities)).not.toThrow();
    for (const activity of activities) expect(activity.type).toBe('message');
  });

  it.each(['webchat', 'msteams'] as const)('produces no live HTML or script links on %s', (channel) => {
    for (const markdown of markdownTexts(renderReply(reply, channel).activities)) {
      const html = marked.parse(markdown, { async: false });
      expect(html).not.toMatch(/<(script|img|iframe|b|i)\b|\son\w+="/i);
      expect(html).not.toMatch(/href="(javascript|data):/i);
    }
  });

  it('keeps Web Chat suggested-action titles within 20 characters', () => {
    for (const activity of renderReply(reply, 'webchat').activities) {
      for (const action of activity.suggestedActions?.actions ?? []) expect([...action.title].length).toBeLessThanOrEqual(20);
    }
  });

  it('shows document text on Web Chat as plain text, exactly as written', () => {
    const documentActivity = renderReply(reply, 'webchat').activities.find((a) => a.attachments?.[0]?.contentType === 'text/plain');
    expect(documentActivity?.textFormat).toBe('plain');
    expect(documentActivity?.text?.endsWith(text)).toBe(true);
  });

  it('keeps document text on Teams out of markdown TextBlocks', () => {
    const activities = renderReply(reply, 'msteams').activities;
    const documentCard = activities[activities.length - 2];
    const texts: string[] = [];
    collectTextBlocks(documentCard?.attachments?.[0]?.content, texts);
    expect(texts).toEqual([]);
  });

  it('sends SMS as GSM-7 only, every message within 1,600, overflow included', () => {
    const first = renderReply(reply, 'sms');
    const all = [...first.activities.map((a) => a.text ?? ''), ...renderSmsOverflow(first.overflow).activities.map((a) => a.text ?? ''), ...first.overflow];
    for (const message of all) {
      expect(isGsm7(message)).toBe(true);
      expect(gsm7Length(message)).toBeLessThanOrEqual(1600);
      expect(message.trim()).not.toBe('');
    }
  });

  it('leaves no markdown syntax in SMS text made from markdown', () => {
    const fromMarkdown: Reply = { blocks: [{ type: 'text', markdown: text }, { type: 'choices', prompt: text, choices: [] }] };
    for (const activity of renderReply(fromMarkdown, 'sms').activities) {
      expect(activity.text).not.toMatch(/\*\*|__|~~|`|\[[^\]]*\]\([^)]*\)|^#{1,6}\s/m);
    }
  });
});
