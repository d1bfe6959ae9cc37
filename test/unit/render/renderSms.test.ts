// SMS output: plain GSM-7 text for each block type, numbered choices and their answers, long answers held for MORE.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMS_MENU_LINE, SMS_MORE_LINE } from '../../../src/render/channelLimits.js';
import { gsm7Length, isGsm7 } from '../../../src/render/gsm7.js';
import { renderSms, renderSmsOverflow, resolveNumberedChoice } from '../../../src/render/renderSms.js';
import type { Reply } from '../../../src/render/replyModel.js';

const textsOf = (reply: Reply): string[] => renderSms(reply).activities.map((activity) => activity.text ?? '');

/** Everything a user would receive by replying MORE until nothing is left, turn by turn. */
function drain(reply: Reply): string[][] {
  const first = renderSms(reply);
  const turns = [first.activities.map((a) => a.text ?? '')];
  let overflow = first.overflow;
  while (overflow.length > 0) {
    const next = renderSmsOverflow(overflow, reply.topicId);
    turns.push(next.activities.map((a) => a.text ?? ''));
    overflow = next.overflow;
  }
  return turns;
}

const expectNoMarkup = (text: string): void => {
  expect(text).not.toMatch(/\*|`|^#{1,6}\s|\]\(|<\/?[a-z]/m);
  expect(text).not.toMatch(/(^|\s)_\S|\S_(\s|$)/);
};

describe('SMS: each block type', () => {
  it('turns content markdown into plain GSM-7 text', () => {
    const [text] = textsOf({
      blocks: [{ type: 'text', markdown: '## What it is\n\nIt’s **extra help** — _free_ 😀\n\n1. Ask\n2. Plan\n\n* One\n* Two `code`' }],
    });
    expect(text).toBe('What it is\nIt\'s extra help - free\n\n1. Ask\n2. Plan\n\n- One\n- Two code');
    expectNoMarkup(text ?? '');
    expect(isGsm7(text ?? '')).toBe(true);
  });

  it('writes links as "label: address" with the bare address', () => {
    expect(textsOf({ blocks: [{ type: 'text', markdown: 'See [your Local Offer](https://www.gov.uk/find-local-council).' }] })).toEqual([
      'See your Local Offer: https://www.gov.uk/find-local-council.',
    ]);
  });

  it('writes sources as "Source: label url"', () => {
    expect(textsOf({ blocks: [{ type: 'sources', sources: [{ label: 'SEND Code of Practice 6.44', url: 'https://www.gov.uk/send' }] }] })).toEqual([
      'Source: SEND Code of Practice 6.44 https://www.gov.uk/send',
    ]);
  });

  it('sends a picture as its alt text, a document as its SMS text, facts as "label: value" lines', () => {
    const texts = textsOf({
      blocks: [
        { type: 'image', svg: '<svg/>', alt: 'Four steps: assess, plan, do, review.', title: 'The cycle' },
        { type: 'document', title: 'Letter', text: 'Long letter', fileName: 'l.txt', mimeType: 'text/plain', smsText: 'We can text you the letter.' },
        { type: 'facts', title: 'Key dates', rows: [{ label: 'Decision due', value: '12 January 2027' }] },
      ],
    });
    expect(texts).toEqual(['Four steps: assess, plan, do, review.\n\nWe can text you the letter.\n\nKey dates\nDecision due: 12 January 2027']);
  });

  it('numbers choices, says which numbers to reply with, and always offers MENU', () => {
    const texts = textsOf({
      blocks: [
        {
          type: 'choices',
          prompt: 'What would you like?',
          choices: [
            { title: 'Plan', value: 'stage-plan' },
            { title: 'Do', value: 'stage-do' },
            { title: 'Review', value: 'stage-review' },
          ],
        },
      ],
    });
    expect(texts).toEqual([`What would you like?\n\n1. Plan\n2. Do\n3. Review\nReply 1, 2 or 3.\n${SMS_MENU_LINE}`]);
  });

  it('says "Reply 1." for one choice and "Reply 1 or 2." for two', () => {
    const one = textsOf({ blocks: [{ type: 'choices', choices: [{ title: 'Yes', value: 'y' }] }] });
    const two = textsOf({ blocks: [{ type: 'choices', choices: [{ title: 'Yes', value: 'y' }, { title: 'No', value: 'n' }] }] });
    expect(one[0]).toContain('Reply 1.');
    expect(two[0]).toContain('Reply 1 or 2.');
  });

  it('sends plain activities with no attachments or buttons', () => {
    const { activities } = renderSms({ blocks: [{ type: 'choices', choices: [{ title: 'Yes', value: 'y' }] }] });
    expect(activities).toEqual([expect.objectContaining({ type: 'message', textFormat: 'plain' })]);
    expect(activities[0]?.attachments).toBeUndefined();
    expect(activities[0]?.suggestedActions).toBeUndefined();
  });
});

describe('resolveNumberedChoice', () => {
  const choices = [
    { title: 'Plan', value: 'stage-plan' },
    { title: 'No', value: 'no' },
    { title: 'Café meeting', value: 'cafe' },
  ];

  it.each([
    ['1', 'stage-plan'],
    [' 2. ', 'no'],
    ['#3', 'cafe'],
    ['three', 'cafe'],
    ['Option 1', 'stage-plan'],
    ['plan', 'stage-plan'],
    ['NO', 'no'],
    ['cafe meeting!', 'cafe'],
    ['stage-plan', 'stage-plan'],
  ])('maps %j to %s', (reply, value) => {
    expect(resolveNumberedChoice(reply, choices)?.value).toBe(value);
  });

  it.each(['0', '4', '12', '', 'MENU', 'tell me more', '1 2'])('finds no choice for %j', (reply) => {
    expect(resolveNumberedChoice(reply, choices)).toBeUndefined();
  });
});

describe('SMS: long answers and MORE', () => {
  const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1} explains one more small thing about SEN support.`);
  const long: Reply = {
    topicId: 'what-is-sen-support',
    blocks: [
      { type: 'text', markdown: sentences.slice(0, 20).join(' ') },
      { type: 'text', markdown: sentences.slice(20).join(' ') },
    ],
  };

  it('sends two messages, the second ending "Reply MORE for the rest.", and holds the rest', () => {
    const { activities, overflow } = renderSms(long);
    expect(activities).toHaveLength(2);
    expect(activities[1]?.text?.endsWith(`\n\n${SMS_MORE_LINE}`)).toBe(true);
    expect(activities[0]?.text).not.toContain(SMS_MORE_LINE);
    expect(overflow.length).toBeGreaterThan(0);
  });

  it('sends the rest two at a time on MORE, with the MORE line until nothing is left, every message within 320', () => {
    const turns = drain(long);
    expect(turns.length).toBeGreaterThan(2);
    turns.forEach((turn, i) => {
      const last = i === turns.length - 1;
      expect(turn.length).toBeLessThanOrEqual(2);
      expect(turn.at(-1)?.endsWith(SMS_MORE_LINE)).toBe(!last);
      for (const text of turn) expect(gsm7Length(text)).toBeLessThanOrEqual(320);
    });
    const words = turns.flat().join(' ').split(SMS_MORE_LINE).join(' ').split(/\s+/).filter(Boolean);
    expect(words).toEqual(sentences.join(' ').split(' '));
  });

  it('stamps the topic on the MORE messages too', () => {
    const { overflow } = renderSms(long);
    const next = renderSmsOverflow(overflow, 'what-is-sen-support');
    for (const activity of next.activities) expect(activity.channelData).toEqual({ topicId: 'what-is-sen-support' });
  });

  it('still sends the choices in the first turn, after the MORE line', () => {
    const { activities } = renderSms({
      blocks: [...long.blocks, { type: 'choices', choices: [{ title: 'Yes', value: 'y' }, { title: 'No', value: 'n' }] }],
    });
    expect(activities).toHaveLength(3);
    expect(activities[1]?.text?.endsWith(SMS_MORE_LINE)).toBe(true);
    expect(activities[2]?.text).toBe(`1. Yes\n2. No\nReply 1 or 2.\n${SMS_MENU_LINE}`);
  });

  it('asks nothing more when there is nothing more', () => {
    expect(renderSmsOverflow([])).toEqual({ activities: [], overflow: [] });
  });
});

describe('SMS: properties over generated content', () => {
  const word = fc.stringMatching(/^[A-Za-z]{1,14}$/);
  const sentence = fc.array(word, { minLength: 1, maxLength: 25 }).map((words) => `${words.join(' ')}.`);
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '));
  const markdown = fc.array(paragraph, { minLength: 1, maxLength: 12 }).map((p) => p.join('\n\n'));

  it('keeps every word in order across messages and overflow, each message GSM-7, markup-free and within 320', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const turns = drain({ blocks: [{ type: 'text', markdown: md }] });
        for (const text of turns.flat()) {
          expect(isGsm7(text)).toBe(true);
          expect(gsm7Length(text)).toBeLessThanOrEqual(320);
          expectNoMarkup(text);
        }
        const words = turns.flat().join(' ').split(SMS_MORE_LINE).join(' ').split(/\s+/).filter(Boolean);
        expect(words).toEqual(md.split(/\s+/));
      }),
      { numRuns: 60 },
    );
  });
});
