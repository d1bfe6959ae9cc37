// The statutory deadline calculator on every channel: the one-shot date message, asking for a date, kind re-asks,
// refusal dates with and without a mediation certificate, and the picture and calendar file where the channel can.
import { describe, expect, it } from 'vitest';
import { loadToolContent } from '../../src/knowledge/toolTexts.js';
import { MONTH_COUNTING_NOTE } from '../../src/tools/statutoryDeadlines.js';
import { CHANNELS, attachmentsOf, cardElements, decodeDataUri, openTool, type ToolConversation } from '../support/toolConversation.js';

const lines = loadToolContent().texts.deadlines;

async function fromTheJourney(tool: ToolConversation) {
  await tool.say('EHC assessment');
  const asked = await tool.say('Work out the dates');
  expect(asked.text).toContain(lines.get('ask-received', tool.channel).slice(0, 30));
  return asked;
}

describe.each(CHANNELS)('deadline calculator on %s', (channel) => {
  it('answers a message that holds a date in the first reply, counting from when the council received it', async () => {
    const tool = await openTool(channel);
    const { replies, text, raw } = await tool.say('I sent my EHC request on 3 March 2026, when will I hear?');
    // No question first: the dates themselves.
    expect(text).not.toContain(lines.get('ask-received', channel).slice(0, 30));
    expect(text).toContain(lines.get('received-not-sent', channel).slice(0, 60));
    for (const date of ['Tuesday 3 March 2026', 'Tuesday 14 April 2026', 'Tuesday 23 June 2026', 'Tuesday 21 July 2026']) expect(raw).toContain(date);
    expect(text).toContain('the final plan should have been issued by now');
    expect(text).toMatch(/over 4 months past the 20-week limit/);
    expect(text).toContain(lines.get('choice-letter'));
    expect(text).toContain(lines.get('choice-talk'));

    const pictures = channel === 'webchat'
      ? attachmentsOf(replies, 'image/svg+xml').map((picture) => ({ alt: String(picture.name), svg: decodeDataUri(picture.contentUrl ?? '') }))
      : cardElements(replies, 'Image').map((image) => ({ alt: String(image.altText), svg: decodeDataUri(String(image.url)) }));
    const calendars = attachmentsOf(replies, 'text/calendar');
    if (channel === 'sms') {
      expect(pictures).toHaveLength(0);
      expect(calendars).toHaveLength(0);
      // The two texts sent before MORE carry where the family stands and the dates.
      const firstTwo = replies.slice(0, 2).map((activity) => activity.text).join('\n');
      expect(firstTwo).toContain('should have been issued by now');
      expect(firstTwo).toContain('Final plan (20 weeks): Tuesday 21 July 2026');
      const more = await tool.say('MORE');
      expect(more.text).toContain('SEND Regulations 2014 reg 13(2)');
    } else {
      expect(pictures).toHaveLength(1);
      expect(pictures[0]?.alt).toContain('Today is Monday 23 November 2026. All of these dates have passed.');
      expect(pictures[0]?.svg).toMatch(/^<svg[^>]+role="img"/);
      expect(text).toContain('SEND Regulations 2014 reg 13(2)');
      expect(text).toContain('you or your child are away from the area for 4 weeks or more');
    }
    if (channel === 'webchat') {
      expect(calendars).toHaveLength(1);
      const ics = decodeDataUri(calendars[0]?.contentUrl ?? '');
      expect(calendars[0]?.name).toBe('sen-deadlines-2026-03-03.ics');
      expect(ics).toMatch(/DTSTART;VALUE=DATE:20260414[\s\S]*DTSTART;VALUE=DATE:20260623[\s\S]*DTSTART;VALUE=DATE:20260721/);
      const shown = replies.find((activity) => activity.attachments?.some((attachment) => attachment.contentType === 'text/calendar'));
      expect(shown?.text, 'the calendar file is offered, not printed in the chat').toBe(lines.get('calendar-title'));
    }
    if (channel === 'msteams') expect(calendars).toHaveLength(0);
    // Nothing of the dates stays in the conversation state.
    expect(await tool.stored()).not.toContain('2026-03-03');
  });

  it('answers a refusal message with a date in the first reply, with the refusal dates, not the request dates', async () => {
    const tool = await openTool(channel);
    const { text, raw } = await tool.say('They said no on 1 October 2026, how long do I have to appeal?');
    expect(text).not.toContain(lines.get('ask-certificate', channel).slice(0, 30));
    if (channel !== 'sms') expect(text).toContain(lines.get('intro-refusal'));
    expect(raw).toContain('Thursday 1 October 2026');
    expect(text).toContain('Contact a mediation adviser by Tuesday 1 December 2026.');
    const withRest = channel === 'sms' ? `${text}\n${(await tool.say('MORE')).text}` : text;
    expect(withRest).toContain(lines.get('certificate-later').slice(0, 50));
    expect(raw).not.toContain('Decision to assess');
    expect(raw).not.toContain('Thursday 12 November 2026');
  });

  it('asks for the date when it has none, and asks again kindly for a date in the future or no date at all', async () => {
    const tool = await openTool(channel);
    await fromTheJourney(tool);
    const future = await tool.say('1 December 2026');
    expect(future.text).toContain('That date is after today, so the council cannot have received your request yet.');
    expect(future.text).toContain(lines.get('ask-received', channel).slice(0, 30));
    const none = await tool.say('not sure really');
    expect(none.text).toContain(lines.get('not-a-date'));
    const answered = await tool.say('13/10/2026');
    expect(answered.raw).toContain('Tuesday 13 October 2026');
    expect(answered.raw).toContain('Tuesday 24 November 2026');
    expect(answered.text).toContain('The council must tell you by Tuesday 24 November 2026 whether it will assess. That is 1 day away.');
    expect(answered.text, 'only a message with a date in it gets the sent/received note').not.toContain(lines.get('received-not-sent', channel).slice(0, 60));
    const letter = await tool.say(lines.get('choice-letter'));
    expect(letter.text).toContain("What is your child's full name?");
  });

  it('works out the dates for challenging a refusal, with and without a mediation certificate', async () => {
    const tool = await openTool(channel);
    await fromTheJourney(tool);
    const refused = await tool.say(channel === 'sms' ? 'NO' : lines.get('choice-refused'));
    expect(refused.text).toContain(lines.get('ask-decision-date', channel).slice(0, 30));
    const certificate = await tool.say('1 October 2026');
    expect(certificate.text).toContain(lines.get('ask-certificate', channel).slice(0, 30));
    const without = await tool.say(channel === 'sms' ? 'NONE' : lines.get('choice-no-certificate'));
    expect(without.raw).toContain('Tuesday 1 December 2026');
    expect(without.text).toContain('Contact a mediation adviser by Tuesday 1 December 2026.');
    const rest = channel === 'sms' ? `${without.text}\n${(await tool.say('MORE')).text}\n${(await tool.say('MORE')).text}` : without.text;
    expect(rest).toContain(MONTH_COUNTING_NOTE.slice(0, 50));
    expect(rest).toContain('HESC Tribunal Rules 2008 r20(1)(c)');

    const again = await openTool(channel);
    await fromTheJourney(again);
    await again.say(lines.get('choice-refused'));
    await again.say('1 October 2026');
    const beforeDecision = await again.say('1 September 2026');
    expect(beforeDecision.text).toContain('The mediation certificate date is before the decision date.');
    const withCertificate = await again.say('10 November 2026');
    // The appeal date is the later one: 1 month after the certificate, not 2 months after the decision.
    expect(withCertificate.raw).toMatch(/Last day to appeal[^"]*","value":"Thursday 10 December 2026|Last day to appeal: Thursday 10 December 2026/);
    expect(withCertificate.text).toContain('Contact a mediation adviser by Tuesday 1 December 2026.');
  });

  it('returns to the question after answering something else, and logs steps without dates', async () => {
    const logLines: string[] = [];
    const tool = await openTool(channel, { logLines });
    await fromTheJourney(tool);
    const help = await tool.say('help');
    expect(help.text).toContain('Back to: Your EHC dates');
    expect(help.text).toContain(lines.get('ask-received', channel).slice(0, 30));
    await tool.say('3 March 2026');
    const logged = logLines.filter((entry) => entry.includes('"tool":"deadlines"'));
    expect(logged.some((entry) => entry.includes('"status":"tool_shown"'))).toBe(true);
    expect(logLines.join('\n')).not.toMatch(/2026-03-03|3 March 2026/);
  });
});
