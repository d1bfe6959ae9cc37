// Walks every choice of every guided flow on every channel, from the menu, checking where each one leads.
import { describe, expect, it } from 'vitest';
import { flowSchema, type Flow } from '../../src/knowledge/flowSchema.js';
import type { ChannelKind } from '../../src/render/replyModel.js';
import { expectSmsRules, topicIdsOf } from '../support/channelRules.js';
import { loadParts, startConversation, type TestConversation } from '../support/guideHarness.js';

const CHANNELS: ChannelKind[] = ['webchat', 'msteams', 'sms'];
const parts = await loadParts();
const flows: Flow[] = [...parts.knowledge.flows.values()].map((raw) => flowSchema.parse(raw));
const menu = parts.content.menu;
const messages = parts.content.messages;

/** Shortest list of choice indexes from the flow's start to each step. */
function routes(flow: Flow): Map<string, number[]> {
  const found = new Map<string, number[]>([[flow.start, []]]);
  const queue = [flow.start];
  while (queue.length > 0) {
    const stepId = queue.shift() as string;
    const step = flow.steps.find((candidate) => candidate.id === stepId);
    step?.choices.forEach((choice, index) => {
      if (!found.has(choice.next) && flow.steps.some((candidate) => candidate.id === choice.next)) {
        found.set(choice.next, [...(found.get(stepId) ?? []), index]);
        queue.push(choice.next);
      }
    });
  }
  return found;
}

/** What a person sends to pick a choice: its number on SMS, its title elsewhere. */
function pick(channel: ChannelKind, titles: string[], index: number): string {
  return channel === 'sms' ? String(index + 1) : (titles[index] as string);
}

async function startFlow(channel: ChannelKind, flow: Flow, longest: { value: number }): Promise<{ conversation: TestConversation; text: string }> {
  const conversation = await startConversation(channel);
  const welcome = channel === 'sms' ? await conversation.say('hi') : await conversation.open();
  expect(conversation.readable(welcome)).toContain(menu.prompt);
  const menuIndex = menu.items.findIndex((item) => item.target === `flow:${flow.id}`);
  expect(menuIndex, `flow ${flow.id} is on the menu`).toBeGreaterThanOrEqual(0);
  const replies = await conversation.say(pick(channel, menu.items.map((item) => item.title), menuIndex));
  if (channel === 'sms') longest.value = Math.max(longest.value, expectSmsRules(replies));
  return { conversation, text: conversation.readable(replies) };
}

function firstWordsOf(flow: Flow, stepId: string): string {
  const step = flow.steps.find((candidate) => candidate.id === stepId);
  return (step?.ask ?? step?.say[0] ?? '').slice(0, 30);
}

describe.each(CHANNELS)('guided flows on %s', (channel) => {
  for (const flow of flows) {
    it(`${flow.id}: every choice of every step leads where the flow says`, async () => {
      const longest = { value: 0 };
      const paths = routes(flow);
      let replyCount = 0;
      for (const [stepId, path] of paths) {
        const step = flow.steps.find((candidate) => candidate.id === stepId);
        if (!step) continue;
        for (const [choiceIndex, choice] of step.choices.entries()) {
          const { conversation, text: opening } = await startFlow(channel, flow, longest);
          expect(opening).toContain(firstWordsOf(flow, flow.start));
          let current = flow.start;
          for (const index of path) {
            const here = flow.steps.find((candidate) => candidate.id === current);
            const titles = here?.choices.map((c) => c.title) ?? [];
            await conversation.say(pick(channel, titles, index));
            current = here?.choices[index]?.next ?? current;
          }
          const replies = await conversation.say(pick(channel, step.choices.map((c) => c.title), choiceIndex));
          replyCount += replies.length;
          const text = conversation.readable(replies);
          if (channel === 'sms') longest.value = Math.max(longest.value, expectSmsRules(replies));
          expect(text, `${flow.id}/${step.id} -> ${choice.next}`).not.toContain(messages.get('turn-error'));
          expect(text).not.toContain(messages.get('tool-unavailable'));
          const [kind, id] = choice.next.includes(':') ? choice.next.split(':') : ['step', choice.next];
          if (kind === 'step' && choice.next !== 'menu' && choice.next !== 'end') {
            expect(text, `${flow.id}/${step.id} -> ${choice.next}`).toContain(firstWordsOf(flow, choice.next));
            const target = flow.steps.find((candidate) => candidate.id === choice.next);
            if (target?.topic) expect(topicIdsOf(replies)).toContain(target.topic);
            if (target?.stage) expect(text).toMatch(/Stage \d of \d/);
          } else if (kind === 'topic') {
            expect(topicIdsOf(replies)).toContain(id);
          } else if (kind === 'flow') {
            const next = flows.find((candidate) => candidate.id === id) as Flow;
            expect(text).toContain(firstWordsOf(next, next.start));
          } else if (choice.next === 'menu') {
            expect(text).toContain(menu.prompt);
          } else {
            expect(replies.length, `${choice.next} answers`).toBeGreaterThan(0);
          }
        }
      }
      if (channel === 'sms') console.info(`[sms] ${flow.id}: ${replyCount} replies, longest message ${longest.value} characters`);
    });
  }
});
