// The request letter builder on every channel: one question at a time, skip and back, dates of birth, hostile input,
// the letter shown for the channel, and nothing the parent typed left in storage or logs afterwards.
import { describe, expect, it } from 'vitest';
import type { ChannelKind } from '../../src/render/replyModel.js';
import { loadToolContent } from '../../src/knowledge/toolTexts.js';
import { CHANNELS, attachmentsOf, cardElements, decodeDataUri, expectNoLiveMarkup, openTool, type ToolConversation, type ToolTurn } from '../support/toolConversation.js';

const tools = loadToolContent();
const lines = tools.texts['request-letter'];
const line = (key: Parameters<typeof lines.get>[0], channel?: ChannelKind) => lines.get(key, channel);

const CHILD = 'Sam Taylor';
const PARENT = 'Alex Morgan';
const SCHOOL = 'Oakfield Primary School';
const NEEDS = 'Sam finds reading very hard and gets upset at the end of each school day.';
const SUPPORT = 'A reading group twice a week since September. It has not helped much.';
const WHY = 'Without more help Sam will fall further behind and lose confidence.';

/** From the menu into the EHC journey, then "Write my letter". */
async function startLetter(tool: ToolConversation): Promise<ToolTurn> {
  await tool.say('EHC assessment');
  const started = await tool.say('Write my letter');
  expect(started.text).toContain(line('ask-child-name'));
  return started;
}

async function answerAll(tool: ToolConversation, answers: string[]): Promise<ToolTurn> {
  let last: ToolTurn | undefined;
  for (const answer of answers) last = await tool.say(answer);
  return last as ToolTurn;
}

describe.each(CHANNELS)('request letter on %s', (channel) => {
  it('asks one question at a time and shows the letter in the way the channel can', async () => {
    const tool = await openTool(channel);
    const started = await startLetter(tool);
    expect(started.text).toContain(line('privacy'));
    if (channel === 'sms') expect(started.text).toContain('Send SKIP');
    else expect(started.text).toMatch(/Skip[\s\S]*Back/);

    const asked: string[] = [];
    for (const [answer, next] of [
      [CHILD, 'ask-date-of-birth'],
      ['12/03/2015', 'ask-setting'],
      [SCHOOL, 'ask-needs'],
      [NEEDS, 'ask-support-tried'],
      [SUPPORT, 'ask-why-plan'],
      [WHY, 'ask-parent-name'],
    ] as const) {
      const reply = await tool.say(answer);
      expect(reply.text).toContain(line(next, channel).slice(0, 30));
      asked.push(next);
    }
    expect(asked).toHaveLength(6);

    const done = await tool.say(PARENT);
    expect(done.text).toContain(line('what-next'));
    expect(done.text).toContain(line('choice-dates'));
    if (channel === 'webchat') {
      const letterActivity = done.replies.find((activity) => activity.attachments?.some((attachment) => attachment.contentType === 'text/plain'));
      expect(letterActivity?.textFormat).toBe('plain');
      expect(letterActivity?.text).toMatch(/Request for an EHC needs assessment[\s\S]*Child's name: Sam Taylor[\s\S]*Date of birth: 12 March 2015/);
      expect(letterActivity?.text).toContain(`${CHILD} goes to ${SCHOOL}.`);
      const [file] = attachmentsOf(done.replies, 'text/plain');
      expect(file?.name).toMatch(/^ehc-needs-assessment-request-sam-taylor-2026-11-23\.txt$/);
      const saved = decodeDataUri(file?.contentUrl ?? '');
      for (const typed of [NEEDS, SUPPORT, WHY, PARENT]) expect(saved).toContain(typed);
      expect(saved).toContain("[add your council's name]");
    } else if (channel === 'msteams') {
      const runs = cardElements(done.replies, 'TextRun').map((run) => String(run.text));
      expect(runs).toContain("Child's name: Sam Taylor");
      expect(runs).toContain('Date of birth: 12 March 2015');
      expect(runs.join('\n')).toContain(NEEDS);
      expect(attachmentsOf(done.replies, 'text/plain')).toHaveLength(0);
    } else {
      expect(done.text).toMatch(/Your letter asking your council for an EHC needs assessment for Sam Taylor is ready/);
      expect(done.text).toContain('www.ipsea.org.uk/model-letters');
      expect(done.text).not.toContain(NEEDS);
    }

    // The details lived only in the dialog's state: once the letter is shown, none of them is stored.
    const stored = await tool.stored();
    for (const typed of [CHILD, 'Sam', PARENT, SCHOOL, NEEDS, SUPPORT, WHY, '2015-03-12', '12/03/2015', 'Oakfield']) {
      expect(stored, `storage still holds "${typed}"`).not.toContain(typed);
    }
    const next = await tool.say(line('choice-dates'));
    expect(next.text, 'the letter hands on to the deadline calculator').toContain(tools.texts.deadlines.get('ask-received', channel).slice(0, 30));
  });

  it('skips and goes back, by button or by typing the word', async () => {
    const tool = await openTool(channel);
    await startLetter(tool);
    const backFromFirst = await tool.say('back');
    expect(backFromFirst.text, 'Back on the first question returns to the EHC journey').toContain('What would you like to know?');

    await tool.say('Write my letter');
    await tool.say(CHILD);
    const back = await tool.say(channel === 'sms' ? 'BACK' : line('choice-back'));
    expect(back.text).toContain(line('ask-child-name'));
    await tool.say('Sam Jones');
    const skipped = await tool.say(channel === 'sms' ? 'SKIP' : line('choice-skip'));
    expect(skipped.text).toContain(line('ask-setting', channel).slice(0, 30));
    const notInSchool = await tool.say(channel === 'sms' ? 'NONE' : line('choice-not-in-school'));
    expect(notInSchool.text).toContain(line('ask-needs', channel).slice(0, 30));
    await tool.say('skip');
    await tool.say('skip');
    const backToWhy = await tool.say(NEEDS);
    expect(backToWhy.text).toContain(line('ask-parent-name', channel).slice(0, 30));
    const whyAgain = await tool.say('back');
    expect(whyAgain.text).toContain(line('ask-why-plan', channel).slice(0, 30));
    await tool.say(WHY);
    const done = await tool.say('skip');

    const letter = channel === 'webchat' ? decodeDataUri(attachmentsOf(done.replies, 'text/plain')[0]?.contentUrl ?? '') : done.text;
    if (channel === 'sms') {
      expect(letter).toContain('for Sam Jones is ready');
    } else {
      expect(letter).toContain("Child's name: Sam Jones");
      expect(letter).not.toContain(CHILD);
      expect(letter).toContain("Date of birth: [add your child's date of birth]");
      expect(letter).toContain('Sam Jones is not in a school, nursery or college at the moment.');
      expect(letter).toContain("[describe your child's needs and what you have noticed]");
      expect(letter).toContain('[describe the help your child has had at school, nursery or college]');
      expect(letter).toContain(WHY);
      expect(letter).toContain('[Your name]');
    }
  });

  it('reads a date of birth the British way and asks kindly again when it is not a real past date', async () => {
    const tool = await openTool(channel);
    await startLetter(tool);
    await tool.say(CHILD);
    for (const [typed, problem] of [
      ['31/02/2015', 'dob-invalid'],
      ['the spring', 'dob-invalid'],
      ['12 March', 'dob-no-year'],
      ['1 December 2026', 'dob-future'],
      ['3/4/1980', 'dob-too-old'],
    ] as const) {
      const reply = await tool.say(typed);
      expect(reply.text, typed).toContain(line(problem, channel).slice(0, 40));
      expect(reply.text, `${typed}: the question again`).toContain(line('ask-date-of-birth', channel).slice(0, 30));
    }
    const accepted = await tool.say('3/4/2015');
    expect(accepted.text).toContain(line('ask-setting', channel).slice(0, 30));
    const done = await answerAll(tool, ['skip', 'skip', 'skip', 'skip', 'skip']);
    if (channel === 'webchat') expect(decodeDataUri(attachmentsOf(done.replies, 'text/plain')[0]?.contentUrl ?? '')).toContain('Date of birth: 3 April 2015');
    if (channel === 'msteams') expect(done.text).toContain('Date of birth: 3 April 2015');
  });

  it('keeps hostile input as text: no live HTML or markdown links from what was typed', async () => {
    const tool = await openTool(channel);
    await startLetter(tool);
    const name = '<script>alert("hi")</script> Sam 😀';
    const needs = [
      '[click here](https://evil.example/steal) and ![x](javascript:alert(1))',
      '<img src=x onerror=alert(1)> <b>bold</b>',
      '# Not a heading',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      'He loves 🦖 dinosaurs 👨‍👩‍👧 and café trips.',
      'very long '.repeat(150),
    ].join('\n\n');
    const longName = `Alex ${'Morgan-'.repeat(20)}Smith`;
    const replies: ToolTurn[] = [];
    for (const answer of [name, '12 March 2015', '<i>School</i> [link](https://evil.example)', needs, '**bold** _and_ `code`', '> quote\n- list', longName]) {
      replies.push(await tool.say(answer));
    }
    for (const reply of replies) expectNoLiveMarkup(reply.replies);
    const done = replies.at(-1) as ToolTurn;
    if (channel === 'webchat') {
      const saved = decodeDataUri(attachmentsOf(done.replies, 'text/plain')[0]?.contentUrl ?? '');
      // The parent's words are kept as they typed them, to be read as plain text.
      expect(saved).toContain('<script>alert("hi")</script> Sam 😀');
      expect(saved).toContain('[click here](https://evil.example/steal)');
      expect(saved).toContain('We shortened your name to 100 characters.');
      expect(saved).toContain('very long very long');
    }
    if (channel === 'msteams') {
      const runs = cardElements(done.replies, 'TextRun').map((run) => String(run.text)).join('\n');
      expect(runs).toContain('<img src=x onerror=alert(1)>');
    }
    if (channel === 'sms') expect(done.text).toContain('is ready');
  });
});

describe('request letter: markup in a name on SMS', () => {
  it('does not echo markdown typed in a name into the SMS summary', async () => {
    const tool = await openTool('sms');
    await startLetter(tool);
    // openTool's say() checks every SMS reply against the SMS rules (no ** or __, no markdown links).
    const done = await answerAll(tool, ['**Sam** __Taylor__', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip']);
    expect(done.text).toContain('for your child is ready');
  });
});

describe('request letter: answers that sound like commands', () => {
  it('keeps answers such as "he forgets everything" as answers; only command words like MENU leave', async () => {
    const tool = await openTool('webchat');
    await startLetter(tool);
    for (const [answer, next] of [
      ['Start again Smith', 'ask-date-of-birth'],
      ['skip', 'ask-setting'],
      ['Goodbye Road School', 'ask-needs'],
      ['he forgets everything', 'ask-support-tried'],
      ['help with everything', 'ask-why-plan'],
      ['I want someone to talk to him about his feelings', 'ask-parent-name'],
    ] as const) {
      const reply = await tool.say(answer);
      expect(reply.text, answer).toContain(line(next).slice(0, 30));
    }
    const menu = await tool.say('MENU');
    expect(menu.text).toContain('What would you like help with?');
  });
});

describe('request letter: the council and privacy', () => {
  it('addresses the letter to the deploying council when COUNCIL_CODE is set', async () => {
    const tool = await openTool('webchat', { councilCode: 'E10000003' });
    await startLetter(tool);
    const done = await answerAll(tool, [CHILD, 'skip', 'skip', 'skip', 'skip', 'skip', 'skip']);
    expect(done.text).toContain('The letter is addressed to the special educational needs (SEN) team at Cambridgeshire County Council.');
    expect(decodeDataUri(attachmentsOf(done.replies, 'text/plain')[0]?.contentUrl ?? '')).toMatch(/To: the special educational needs \(SEN\) team\nCambridgeshire County Council/);
  });

  it('logs each step by id and status, never what was typed', async () => {
    const logLines: string[] = [];
    const tool = await openTool('sms', { logLines });
    await startLetter(tool);
    await answerAll(tool, [CHILD, '12/03/2015', SCHOOL, NEEDS, SUPPORT, WHY, PARENT]);
    const toolLines = logLines.map((entry) => JSON.parse(entry) as Record<string, unknown>).filter((entry) => entry.tool === 'request-letter');
    expect(toolLines.map((entry) => `${String(entry.stepId)}:${String(entry.status)}`)).toEqual(
      expect.arrayContaining(['child-name:tool_asked', 'child-name:tool_answered', 'date-of-birth:tool_answered', 'parent-name:tool_answered', 'done:tool_shown']),
    );
    expect(toolLines.every((entry) => entry.channel === 'sms')).toBe(true);
    const all = logLines.join('\n');
    for (const typed of [CHILD, PARENT, SCHOOL, NEEDS, SUPPORT, WHY, '12/03/2015', '2015-03-12', '+447700900123']) expect(all).not.toContain(typed);
  });
});
