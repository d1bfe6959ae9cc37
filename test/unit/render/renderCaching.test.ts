// The renderers keep what they work out from content text (src/render/boundedCache.ts). A cached render must be
// exactly the render without any cache, on every channel, and nothing a caller does to a reply it got back may change
// the next one.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMenuReply } from '../../../src/answers/menuReply.js';
import { buildSafeguardingReply } from '../../../src/answers/safeguardingReply.js';
import { buildTopicReply } from '../../../src/answers/topicReply.js';
import { loadConversationContent } from '../../../src/knowledge/conversationContent.js';
import { loadKnowledge } from '../../../src/knowledge/loadKnowledge.js';
import { markdownToChatUnits } from '../../../src/render/markdownToChat.js';
import { renderReply } from '../../../src/render/renderReply.js';
import type { ChannelKind, Reply } from '../../../src/render/replyModel.js';
import { renderSmsOverflow } from '../../../src/render/renderSms.js';

const CONTENT_DIR = fileURLToPath(new URL('../../../content/', import.meta.url));
const CHANNELS: ChannelKind[] = ['webchat', 'msteams', 'sms'];
const CATEGORIES = ['immediate-danger', 'suicide', 'self-harm', 'abuse', 'neglect', 'domestic-violence', 'exploitation'] as const;

/** Every topic for each audience, as the router sends it, the menu, the safeguarding help and every fixed message. */
async function contentReplies(): Promise<Array<[string, Reply]>> {
  const kb = await loadKnowledge(CONTENT_DIR);
  const content = loadConversationContent(CONTENT_DIR, { service: 'SEN Support Guide', privacyUrl: 'https://www.gov.uk/help/privacy-notice' });
  const messages = content.messages;
  const titles = new Map([...kb.topics.values()].map((topic) => [topic.id, topic.title]));
  const replies: Array<[string, Reply]> = [];
  for (const topic of kb.topics.values()) {
    for (const audience of ['parent', 'staff'] as const) {
      for (const part of ['answer', 'summary'] as const) {
        const { reply, related } = buildTopicReply(topic, { audience, part, titles });
        const next = [...related.map(({ title, value }) => ({ title, value })), ...['feedback-yes', 'feedback-no', 'menu-title'].map((key) => ({ title: messages.get(key), value: messages.get(key) }))];
        replies.push([`${topic.id} (${audience}, ${part})`, { ...reply, blocks: [...reply.blocks, { type: 'choices', prompt: messages.get('feedback-ask'), choices: next }] }]);
      }
    }
  }
  replies.push(['menu', buildMenuReply(content.menu).reply]);
  for (const category of CATEGORIES) {
    for (const audience of ['parent', 'staff'] as const) {
      replies.push([`safeguarding ${category} (${audience})`, buildSafeguardingReply({ category, about: 'child' }, content.safeguarding, { audience, menuTitle: messages.get('menu-title') }).reply]);
    }
  }
  for (const key of messages.keys()) {
    for (const channel of CHANNELS) replies.push([`message ${key} (${channel})`, { blocks: [{ type: 'text', markdown: messages.get(key, channel) }] }]);
  }
  return replies;
}

/** Every block type, including a letter, so the paths that are not cached are compared too. */
const everyBlock: Reply = {
  topicId: 'ehc-needs-assessment',
  blocks: [
    { type: 'text', markdown: '# Asking\n\nYou can ask the council **yourself**. It has 6 weeks.\n\n- one\n- two' },
    { type: 'sources', sources: [{ label: 'Children and Families Act 2014 s36', url: 'https://www.legislation.gov.uk/ukpga/2014/6/section/36' }] },
    { type: 'image', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', alt: 'A timeline of 20 weeks', title: 'Timeline' },
    { type: 'document', title: 'Letter', text: 'Dear council,\n\nPlease assess.', fileName: 'letter.txt', mimeType: 'text/plain', smsText: 'Dear council, please assess.' },
    { type: 'facts', title: 'Dates', rows: [{ label: 'Decision due', value: '6 weeks after your request' }] },
    { type: 'choices', prompt: 'Next?', choices: [{ title: 'Timescales', value: 'ehc-timescales' }] },
  ],
};

/** The renderers loaded again with a cache that keeps nothing: every render computed from scratch. */
async function uncachedRenderers(): Promise<{ renderReply: typeof renderReply; renderSmsOverflow: typeof renderSmsOverflow }> {
  vi.resetModules();
  vi.doMock('../../../src/boundedCache.js', async (importOriginal) => ({
    ...(await importOriginal<typeof import('../../../src/boundedCache.js')>()),
    BoundedCache: class {
      getOrCompute<V>(key: string, compute: (key: string) => V): V {
        return compute(key);
      }
    },
  }));
  const uncachedReply = await import('../../../src/render/renderReply.js');
  const uncachedSms = await import('../../../src/render/renderSms.js');
  vi.doUnmock('../../../src/boundedCache.js');
  vi.resetModules();
  return { renderReply: uncachedReply.renderReply, renderSmsOverflow: uncachedSms.renderSmsOverflow };
}

/** Changes every string, array and object in what a caller got back, as a careless caller might. */
function vandalise(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(vandalise);
    value.push('added by a caller');
    return;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      if (typeof child === 'string') record[key] = `${child} (changed by a caller)`;
      else vandalise(child);
    }
    record.addedByACaller = true;
  }
}

describe('render caching', () => {
  let replies: Array<[string, Reply]>;
  let uncached: Awaited<ReturnType<typeof uncachedRenderers>>;
  beforeAll(async () => {
    replies = [...(await contentReplies()), ['every block', everyBlock], ['every block, urgent', { ...everyBlock, urgent: true }]];
    uncached = await uncachedRenderers();
  }, 60_000);

  it('the uncached renderers really are a separate copy', () => {
    expect(uncached.renderReply).not.toBe(renderReply);
  });

  it.each(CHANNELS)('a cached render equals an uncached one on %s, first time and every time after', (channel) => {
    expect(replies.length).toBeGreaterThan(100);
    for (const pass of ['first', 'cached']) {
      for (const [name, reply] of replies) {
        const want = uncached.renderReply(reply, channel);
        expect(renderReply(reply, channel), `${name}, ${pass} render`).toEqual(want);
        if (want.overflow.length > 0) expect(renderSmsOverflow(want.overflow, reply.topicId), `${name}, MORE`).toEqual(uncached.renderSmsOverflow(want.overflow, reply.topicId));
      }
    }
  });

  it.each(CHANNELS)('changing a reply that came back does not change the next one on %s', (channel) => {
    for (const [name, reply] of replies) {
      const before = structuredClone(renderReply(reply, channel));
      vandalise(renderReply(reply, channel));
      expect(renderReply(reply, channel), name).toEqual(before);
    }
  });

  it('shares markdown units only frozen', () => {
    const units = markdownToChatUnits('# Title\n\nOne sentence. Another one.\n\n- a\n- b', 'webchat');
    expect(Object.isFrozen(units)).toBe(true);
    expect(units.every((unit) => Object.isFrozen(unit))).toBe(true);
    expect(markdownToChatUnits('# Title\n\nOne sentence. Another one.\n\n- a\n- b', 'msteams')).not.toEqual(units);
  });
});
