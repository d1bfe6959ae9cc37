// The review meeting kit on every channel: three questions, worries picked one at a time, targets typed or skipped,
// then the personal question list and the record sheet, kept as files on Web Chat and sent as texts on SMS.
import { describe, expect, it } from 'vitest';
import { loadToolContent } from '../../src/knowledge/toolTexts.js';
import { CHANNELS, attachmentsOf, decodeDataUri, openTool, type ToolConversation } from '../support/toolConversation.js';

const { texts, reviewQuestions: bank } = loadToolContent();
const lines = texts['review-kit'];
const worry = (id: string) => bank.worries.find((entry) => entry.id === id);
const TARGETS = 'Read 10 new words each week. Join in at circle time.';

async function fromReviewMeetings(tool: ToolConversation) {
  await tool.say('Review meetings');
  const started = await tool.say('Make a question list');
  expect(started.text).toContain(lines.get('ask-first-review'));
  return started;
}

describe.each(CHANNELS)('review meeting kit on %s', (channel) => {
  it('builds a personal question list and record sheet from the answers', async () => {
    const tool = await openTool(channel);
    await fromReviewMeetings(tool);
    const worries = await tool.say(channel === 'sms' ? '2' : lines.get('choice-first-no'));
    expect(worries.text).toContain(lines.get('ask-worries'));
    for (const entry of bank.worries) expect(worries.text).toContain(entry.label);

    const friendships = worry('friendships');
    const behaviour = worry('behaviour');
    const afterOne = await tool.say(friendships?.label ?? '');
    expect(afterOne.text).toContain(lines.get('ask-more-worries', channel, { worry: friendships?.label ?? '' }));
    expect(afterOne.text, 'a picked worry is not offered again').not.toContain(`${friendships?.label}\n`);
    await tool.say(behaviour?.label ?? '');
    const targets = await tool.say(lines.get('choice-done'));
    expect(targets.text).toContain(lines.get('ask-targets-later', channel).slice(0, 30));

    const kit = await tool.say(TARGETS);
    const everything = channel === 'sms' ? `${kit.text}\n${(await tool.say('MORE')).text}\n${(await tool.say('MORE')).text}` : kit.text;
    expect(everything).toContain(bank.laterReview.questions[0]);
    expect(everything).toContain(friendships?.questions[0]);
    expect(everything).toContain(behaviour?.questions[0]);
    expect(everything).not.toContain(worry('moving-school')?.questions[0]);
    expect(kit.text).toContain(lines.get('what-next'));

    if (channel === 'webchat') {
      const files = attachmentsOf(kit.replies, 'text/plain');
      expect(files.map((file) => file.name)).toEqual(['review-meeting-questions.txt', 'review-meeting-record.txt']);
      const questions = decodeDataUri(files[0]?.contentUrl ?? '');
      expect(questions).toContain(`You wrote: ${TARGETS}`);
      const record = decodeDataUri(files[1]?.contentUrl ?? '');
      for (const field of bank.record.fields) expect(record).toContain(`${field}:`);
    } else if (channel === 'msteams') {
      expect(attachmentsOf(kit.replies, 'text/plain')).toHaveLength(0);
      expect(kit.text).toContain(`You wrote: ${TARGETS}`);
      expect(kit.text).toContain('Who will do what:');
    } else {
      // The texts never carry what the parent typed, so nothing they wrote waits in storage for MORE.
      expect(everything).not.toContain('Read 10 new words');
      expect(everything).toContain(bank.targets.questions[0]);
    }
    const stored = await tool.stored();
    expect(stored).not.toContain('Read 10 new words');
    expect(stored).not.toContain('friendships');
  });

  it('works for a first review with no targets, and offers to prepare next', async () => {
    const tool = await openTool(channel);
    await fromReviewMeetings(tool);
    await tool.say(lines.get('choice-first-yes'));
    const targets = await tool.say(lines.get('choice-done'));
    expect(targets.text).toContain(lines.get('ask-targets-first', channel).slice(0, 30));
    const kit = await tool.say(channel === 'sms' ? 'SKIP' : lines.get('choice-skip'));
    const text = channel === 'sms' ? `${kit.text}\n${(await tool.say('MORE')).text}` : kit.text;
    expect(text).toContain(bank.firstReview.questions[0]);
    expect(text).not.toContain(bank.laterReview.questions[0]);
    expect(text).not.toContain(bank.targets.heading);
    const prepare = await tool.say(lines.get('choice-prepare'));
    expect(prepare.replies.some((activity) => (activity.channelData as { topicId?: string } | undefined)?.topicId === 'review-preparation')).toBe(true);
  });

  it('answers a question asked in the middle, then asks about worries again', async () => {
    const tool = await openTool(channel);
    await fromReviewMeetings(tool);
    await tool.say(lines.get('choice-first-no'));
    const aside = await tool.say('what does a senco do?');
    expect(aside.text).toContain('Back to: Your review meeting questions');
    expect(aside.text).toContain(lines.get('ask-worries'));
  });
});
