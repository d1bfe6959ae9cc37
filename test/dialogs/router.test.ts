// The router on every channel: welcome, answers with sources, global commands mid-flow, misses, out of scope, forget me.
import { describe, expect, it } from 'vitest';
import type { ChannelKind } from '../../src/render/replyModel.js';
import { expectSmsRules, topicIdsOf } from '../support/channelRules.js';
import { loadParts, startConversation, type TestConversation } from '../support/guideHarness.js';

const CHANNELS: ChannelKind[] = ['webchat', 'msteams', 'sms'];
const { content, knowledge } = await loadParts();
const say = (key: string, channel?: ChannelKind) => content.messages.get(key, channel);

async function opened(channel: ChannelKind): Promise<TestConversation> {
  const conversation = await startConversation(channel);
  if (channel === 'sms') await conversation.say('hello');
  else await conversation.open();
  return conversation;
}

/** Sends a message and checks SMS rules on the way, returning the readable text. */
async function turn(conversation: TestConversation, channel: ChannelKind, text: string) {
  const replies = await conversation.say(text);
  if (channel === 'sms') expectSmsRules(replies);
  return { replies, text: conversation.readable(replies) };
}

describe.each(CHANNELS)('router on %s', (channel) => {
  it('welcomes people: an automated guide, not legal advice, the privacy link, and the main choices', async () => {
    const conversation = await startConversation(channel);
    const replies = channel === 'sms' ? await conversation.say('hi') : await conversation.open();
    const text = conversation.readable(replies);
    expect(text).toMatch(/automated guide/);
    expect(text).toMatch(/not a person/);
    expect(text).toMatch(/legal advice/);
    expect(text).toContain('https://example.gov.uk/privacy');
    for (const item of content.menu.items) expect(text).toContain(channel === 'sms' ? item.title.replace(/\?$/, '') : item.title);
  });

  it('answers a question in the parent\'s own words with the summary, the source and related choices', async () => {
    const conversation = await opened(channel);
    const first = await turn(conversation, channel, 'what does the senco actually do at school?');
    const { replies } = first;
    let text = first.text;
    // On SMS a long answer comes a few messages at a time; MORE brings the rest, source last.
    for (let more = 0; channel === 'sms' && text.includes('Reply MORE') && more < 10; more += 1) text += (await turn(conversation, channel, 'MORE')).text;
    expect(topicIdsOf(replies)).toContain('senco');
    const senco = knowledge.topics.get('senco');
    expect(senco).toBeDefined();
    expect(text).toMatch(/Source/);
    expect(text).toContain(senco?.sources[0]?.label.slice(0, 20));
    expect(replies.every((activity) => activity.type !== 'message' || topicIdsOf([activity]).length === 1 || !activity.channelData)).toBe(true);
  });

  it('keeps a flow going when a question interrupts it, and returns to the step', async () => {
    const conversation = await opened(channel);
    await turn(conversation, channel, 'The four stages');
    const atAssess = await turn(conversation, channel, channel === 'sms' ? '1' : 'Start with Assess');
    expect(atAssess.text).toContain('Stage 1 of 4: Assess');
    const aside = await turn(conversation, channel, 'sorry what is a senco?');
    expect(topicIdsOf(aside.replies)).toContain('senco');
    expect(aside.text).toContain('Back to: The four stages of SEN support');
    const next = await turn(conversation, channel, 'next');
    expect(next.text).toContain('Stage 2 of 4: Plan');
  });

  it('gives help mid-flow and then repeats the question', async () => {
    const conversation = await opened(channel);
    await turn(conversation, channel, 'Review meetings');
    const { text } = await turn(conversation, channel, 'help');
    expect(text).toContain(channel === 'sms' ? say('help-sms', 'sms').slice(0, 20) : say('help').slice(0, 20));
    expect(text).toContain('Back to: Review meetings');
  });

  it('goes back to the menu from anywhere', async () => {
    const conversation = await opened(channel);
    await turn(conversation, channel, 'The four stages');
    const { text } = await turn(conversation, channel, 'MENU');
    expect(text).toContain(content.menu.prompt);
  });

  it('says plainly when it does not understand, offers the closest topics, and offers a person after two misses', async () => {
    const conversation = await opened(channel);
    const first = await turn(conversation, channel, 'blorp zxqv wibble');
    expect(first.text).toMatch(/not sure|can't help/);
    const second = await turn(conversation, channel, 'flibbertigibbet quux');
    expect(second.text).toContain(say('not-understood-choice-human'));
  });

  it('is honest about questions outside SEN support', async () => {
    const conversation = await opened(channel);
    const { text, replies } = await turn(conversation, channel, 'how do i apply for a secondary school place for september');
    expect(text).toContain("can't help with that");
    expect(topicIdsOf(replies)).toHaveLength(0);
  });

  it('asks a short message back when a message is too long, and carries on', async () => {
    const conversation = await opened(channel);
    const { text } = await turn(conversation, channel, 'my son '.repeat(400));
    expect(text).toContain(say('too-long').slice(0, 30));
    const after = await turn(conversation, channel, 'what is sen support');
    expect(after.text).not.toContain(say('too-long').slice(0, 30));
  });

  it('forgets on request after confirming, leaving nothing of the conversation in the store', async () => {
    const conversation = await opened(channel);
    await turn(conversation, channel, 'what is the graduated approach');
    const ask = await turn(conversation, channel, 'please delete my data');
    expect(ask.text).toContain(say('forget-me-confirm').slice(0, 30));
    const done = await turn(conversation, channel, channel === 'sms' ? '1' : say('forget-me-yes'));
    expect(done.text).toContain(say('forget-me-done').slice(0, 30));
    expect(await conversation.storage.read(conversation.stateKeys)).toEqual({});
    const next = await turn(conversation, channel, 'hello');
    expect(next.text, 'a fresh start after forgetting').toMatch(/automated guide/);
  });

  it('answers a safeguarding signal first, fitted to the risk, then offers to carry on', async () => {
    const conversation = await opened(channel);
    await turn(conversation, channel, 'The four stages');
    const { replies, text } = await turn(conversation, channel, 'my daughter told me she wants to kill herself');
    const first = conversation.readable(replies.slice(0, 2));
    expect(first).toMatch(/999/);
    expect(text).toMatch(/116 123/);
    if (channel === 'msteams') expect(text).toMatch(/Designated Safeguarding Lead/);
    const carry = await turn(conversation, channel, channel === 'sms' ? '1' : 'Carry on');
    expect(carry.text).toContain('Back to: The four stages of SEN support');
  });
});

describe('audiences', () => {
  it('gives school staff on Teams the staff version of a topic, and parents the parent version', async () => {
    const staff = await opened('msteams');
    const parent = await opened('webchat');
    const question = 'what happens at the assess stage';
    const staffText = staff.readable(await staff.say(question));
    const parentText = parent.readable(await parent.say(question));
    const topic = knowledge.topics.get('stage-assess');
    expect(topic?.staff).toBeDefined();
    expect(staffText).toContain(topic?.staff?.summary.slice(0, 40));
    expect(parentText).toContain(topic?.summary.slice(0, 40));
  });
});

describe('work done per message', () => {
  it('routes a button press and a command word without classifying the message, and classifies free text', async () => {
    const logLines: string[] = [];
    const conversation = await startConversation('webchat', { logLines });
    await conversation.open();
    const eventsOf = (text: string) => async () => {
      logLines.length = 0;
      await conversation.say(text);
      return logLines.map((line) => JSON.parse(line) as { event: string; via?: string });
    };
    const freeText = await eventsOf('what does a SENCO do?')();
    expect(freeText.map((line) => line.event)).toContain('route.classified');
    expect(freeText.find((line) => line.event === 'turn.routed')?.via).toBe('free-text');

    await conversation.say('The four stages');
    const button = await eventsOf('Plan')();
    expect(button.find((line) => line.event === 'turn.routed')?.via).toBe('choice');
    expect(button.map((line) => line.event)).not.toContain('route.classified');

    const command = await eventsOf('help')();
    expect(command.find((line) => line.event === 'turn.routed')?.via).toBe('command');
    expect(command.map((line) => line.event)).not.toContain('route.classified');
  });
});
