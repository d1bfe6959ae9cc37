// The entry point: the right renderer per channel, and channelData.topicId on every activity of a topic answer.
import { describe, expect, it } from 'vitest';
import { withTopicId } from '../../../src/render/withTopicId.js';
import { renderReply } from '../../../src/render/renderReply.js';
import type { ChannelKind, Reply } from '../../../src/render/replyModel.js';

const CHANNELS: ChannelKind[] = ['webchat', 'msteams', 'sms'];

const everyBlock: Reply = {
  topicId: 'ehc-needs-assessment',
  blocks: [
    { type: 'text', markdown: '# Asking for an assessment\n\nYou can ask the council **yourself**.' },
    { type: 'sources', sources: [{ label: 'Children and Families Act 2014 s36', url: 'https://www.legislation.gov.uk/ukpga/2014/6/section/36' }] },
    { type: 'image', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', alt: 'A timeline of 20 weeks', title: 'Timeline' },
    { type: 'document', title: 'Letter', text: 'Dear council,', fileName: 'letter.txt', mimeType: 'text/plain', smsText: 'Letter ready.' },
    { type: 'facts', rows: [{ label: 'Decision due', value: '6 weeks after your request' }] },
    { type: 'choices', prompt: 'Next?', choices: [{ title: 'Timescales', value: 'ehc-timescales' }] },
  ],
};

describe('renderReply', () => {
  it.each(CHANNELS)('stamps channelData.topicId on every activity on %s', (channel) => {
    const { activities } = renderReply(everyBlock, channel);
    expect(activities.length).toBeGreaterThan(0);
    for (const activity of activities) expect(activity.channelData).toEqual({ topicId: 'ehc-needs-assessment' });
  });

  it.each(CHANNELS)('adds no channelData on %s when the reply is not from a topic', (channel) => {
    const { activities } = renderReply({ blocks: everyBlock.blocks }, channel);
    for (const activity of activities) expect(activity.channelData).toBeUndefined();
  });

  it('keeps other channelData when adding the topic', () => {
    const [activity] = withTopicId([{ type: 'message', channelData: { notification: { alert: true } } }], 'senco');
    expect(activity?.channelData).toEqual({ notification: { alert: true }, topicId: 'senco' });
  });

  it('dispatches to the channel: markdown on Web Chat, cards on Teams, plain text on SMS', () => {
    const web = renderReply(everyBlock, 'webchat').activities;
    const teams = renderReply(everyBlock, 'msteams').activities;
    const sms = renderReply(everyBlock, 'sms');
    expect(web[0]?.text).toMatch(/^# Asking/);
    expect(web.at(-1)?.suggestedActions?.actions).toHaveLength(1);
    expect(teams[0]?.text).toMatch(/^\*\*Asking/);
    expect(teams.some((a) => a.suggestedActions)).toBe(false);
    expect(teams.flatMap((a) => a.attachments ?? []).every((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')).toBe(true);
    expect(sms.activities.every((a) => a.textFormat === 'plain' && a.attachments === undefined)).toBe(true);
    expect(sms.overflow).toEqual([]);
  });

  it('returns no overflow outside SMS', () => {
    const huge: Reply = { blocks: [{ type: 'text', markdown: 'Some words here. '.repeat(500) }] };
    expect(renderReply(huge, 'webchat').overflow).toEqual([]);
    expect(renderReply(huge, 'msteams').overflow).toEqual([]);
    expect(renderReply(huge, 'sms').overflow.length).toBeGreaterThan(0);
  });
});
