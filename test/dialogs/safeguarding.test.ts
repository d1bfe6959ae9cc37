// A safeguarding signal is answered first, with help that fits the risk, on every channel, whatever else is going on.
import { describe, expect, it } from 'vitest';
import type { SafeguardingCategory } from '../../src/language/types.js';
import type { ChannelKind } from '../../src/render/replyModel.js';
import { expectSmsRules } from '../support/channelRules.js';
import { loadParts, startConversation } from '../support/guideHarness.js';

const CHANNELS: ChannelKind[] = ['webchat', 'msteams', 'sms'];
const { content } = await loadParts();
const responses = content.safeguarding;

const cases: Array<{ category: SafeguardingCategory; message: string }> = [
  { category: 'immediate-danger', message: 'he has a knife and is threatening to hurt us right now' },
  { category: 'suicide', message: 'my son keeps saying he wants to end his life' },
  { category: 'self-harm', message: 'i found out my daughter has been cutting herself' },
  { category: 'abuse', message: 'i think her stepdad is hitting her when i am at work' },
  { category: 'domestic-violence', message: 'my partner hits me in front of the children' },
  { category: 'exploitation', message: 'an older man online keeps asking my 13 year old for photos and to meet up' },
];

/** The phone numbers a line of help contains, so the check is about the help, not its exact wording. */
function numbersIn(line: string): string[] {
  return line.match(/\b\d{3}(?: \d{3,4}){0,2}\b/g) ?? [];
}

describe.each(CHANNELS)('safeguarding on %s', (channel) => {
  it.each(cases)('answers $category first with the help that fits it', async ({ category, message }) => {
    const conversation = await startConversation(channel);
    if (channel === 'sms') await conversation.say('hi');
    else await conversation.open();
    await conversation.say('The four stages');
    const replies = await conversation.say(message);
    if (channel === 'sms') expectSmsRules(replies);
    const text = conversation.readable(replies);
    const firstMessage = conversation.readable(replies.slice(0, 1));
    expect(firstMessage).toContain(responses.intro.slice(0, 25));
    for (const key of responses.categories[category]) {
      const line = key === 'council' ? (responses.lines['council-unknown'] ?? '') : (responses.lines[key] ?? '');
      for (const number of numbersIn(line)) expect(text, `${category} on ${channel} gives ${number}`).toContain(number);
    }
    if (channel === 'msteams') expect(text).toContain('Designated Safeguarding Lead');
    else expect(text).not.toContain('Designated Safeguarding Lead');
    expect(text, 'no topic answer or flow step takes the place of the help').not.toContain('Stage 1 of 4');
  });
});

describe('ordinary worries are not treated as safeguarding', () => {
  it.each(['he hits out when he is overwhelmed at school', 'she is anxious about going to school', 'my son has meltdowns after school'])('"%s" gets an ordinary answer', async (message) => {
    const conversation = await startConversation('webchat');
    await conversation.open();
    const text = conversation.readable(await conversation.say(message));
    expect(text).not.toContain(responses.intro.slice(0, 25));
  });
});
