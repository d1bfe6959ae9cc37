// Web Chat output for each block type: markdown messages, suggested actions or a choice card, pictures, files, facts.
import type { Activity, Attachment } from 'botbuilder';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderWebChat } from '../../../src/render/renderWebChat.js';

interface Card {
  version: string;
  body: Array<{ type: string; [key: string]: unknown }>;
}

const cardOf = (activity: Partial<Activity> | undefined): Card => {
  const attachment: Attachment | undefined = activity?.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment?.content as Card;
};

const decodeDataUri = (uri: string): { mime: string; text: string } => {
  const match = /^data:([^,]*);base64,(.*)$/.exec(uri);
  expect(match, uri.slice(0, 40)).not.toBeNull();
  return { mime: match?.[1] ?? '', text: Buffer.from(match?.[2] ?? '', 'base64').toString('utf8') };
};

describe('Web Chat: text', () => {
  it('sends content markdown as a markdown message', () => {
    const [message, ...rest] = renderWebChat({ blocks: [{ type: 'text', markdown: '## SEN support\n\nYou **can** ask.' }] });
    expect(rest).toHaveLength(0);
    expect(message).toMatchObject({ type: 'message', textFormat: 'markdown', text: '## SEN support\n\nYou **can** ask.' });
  });

  it('gives each text block its own messages', () => {
    const activities = renderWebChat({ blocks: [{ type: 'text', markdown: 'First.' }, { type: 'text', markdown: 'Second.' }] });
    expect(activities.map((a) => a.text)).toEqual(['First.', 'Second.']);
  });

  it('splits a long body into messages of about 700 characters at paragraph boundaries, headings kept with their text', () => {
    const paragraph = (n: number): string => `Paragraph ${n} ${'word '.repeat(50).trim()}.`;
    const markdown = [1, 2, 3, 4, 5, 6].map((n) => `## Heading ${n}\n\n${paragraph(n)}`).join('\n\n');
    const messages = renderWebChat({ blocks: [{ type: 'text', markdown }] }).map((a) => a.text ?? '');
    expect(messages.length).toBeGreaterThan(1);
    for (const text of messages) {
      expect(text.length).toBeLessThanOrEqual(700);
      expect(text.trimEnd().split('\n').at(-1)).not.toMatch(/^#/);
    }
    expect(messages.join('\n\n')).toBe(markdown);
  });

  it('splits an over-long paragraph between sentences, never inside a link', () => {
    const link = '[the SEND Code of Practice, chapter 6](https://www.gov.uk/government/publications/send-code-of-practice-0-to-25)';
    const sentences = Array.from({ length: 14 }, (_, i) => `Sentence ${i} talks about ${link} and what it means for you.`);
    const messages = renderWebChat({ blocks: [{ type: 'text', markdown: sentences.join(' ') }] }).map((a) => a.text ?? '');
    expect(messages.length).toBeGreaterThan(1);
    for (const text of messages) {
      expect(text.length).toBeLessThanOrEqual(700);
      expect(text.split(link).join('')).not.toMatch(/[[\]]/);
    }
    expect(messages.join(' ')).toBe(sentences.join(' '));
  });

  it('keeps only web, email and phone links live and shows raw HTML as text', () => {
    const [message] = renderWebChat({ blocks: [{ type: 'text', markdown: 'A [bad](javascript:alert(1)) link and <b onclick="x">tag</b>.' }] });
    const html = marked.parse(message?.text ?? '', { async: false });
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toMatch(/<b\b/);
    expect(html).toContain('bad');
    expect(html).toContain('&lt;b onclick');
  });
});

describe('Web Chat: choices', () => {
  const short = [
    { title: 'Yes', value: 'yes' },
    { title: 'No', value: 'no' },
  ];

  it('offers short choices as imBack suggested actions on the last activity of the reply', () => {
    const activities = renderWebChat({
      blocks: [
        { type: 'choices', prompt: 'Did that help?', choices: short },
        { type: 'sources', sources: [{ label: 'Code of Practice', url: 'https://www.gov.uk/x' }] },
      ],
    });
    expect(activities[0]?.text).toBe('Did that help?');
    expect(activities[0]?.suggestedActions).toBeUndefined();
    expect(activities.at(-1)?.suggestedActions?.actions).toEqual([
      { type: 'imBack', title: 'Yes', value: 'yes' },
      { type: 'imBack', title: 'No', value: 'no' },
    ]);
  });

  it('sends suggested actions on their own when there is no prompt and nothing else', () => {
    const activities = renderWebChat({ blocks: [{ type: 'choices', choices: short }] });
    expect(activities).toHaveLength(1);
    expect(activities[0]?.suggestedActions?.actions).toHaveLength(2);
  });

  it('puts long titles on an Adaptive Card 1.5 whose buttons post the value back as text', () => {
    const choices = [
      { title: 'Tell me about EHC needs assessments', value: 'ehc-needs-assessment' },
      { title: 'No thanks', value: 'no' },
    ];
    const [activity] = renderWebChat({ blocks: [{ type: 'choices', prompt: 'What **next**?', choices }] });
    const card = cardOf(activity);
    expect(card.version).toBe('1.5');
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'What **next**?', wrap: true });
    const actions = card.body.slice(1).flatMap((element) => element.actions as Array<Record<string, unknown>>);
    // Web Chat turns a string `data` into an imBack, so the bot reads activity.text = value.
    expect(actions).toEqual([
      { type: 'Action.Submit', title: 'Tell me about EHC needs assessments', data: 'ehc-needs-assessment' },
      { type: 'Action.Submit', title: 'No thanks', data: 'no' },
    ]);
  });
});

describe('Web Chat: sources, pictures, documents, facts', () => {
  it('writes each source as "Source: [label](url)"', () => {
    const [activity] = renderWebChat({
      blocks: [
        {
          type: 'sources',
          sources: [
            { label: 'SEND Code of Practice 6.44', url: 'https://www.gov.uk/send' },
            { label: 'Children and Families Act 2014 s21', url: 'https://www.legislation.gov.uk/ukpga/2014/6/section/21' },
          ],
        },
      ],
    });
    expect(activity?.text).toBe(
      'Source: [SEND Code of Practice 6.44](https://www.gov.uk/send)  \nSource: [Children and Families Act 2014 s21](https://www.legislation.gov.uk/ukpga/2014/6/section/21)',
    );
  });

  it('sends a picture as an SVG data URI whose attachment name is the alt text (Web Chat uses it as <img alt>)', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Plan</text></svg>';
    const [activity] = renderWebChat({ blocks: [{ type: 'image', svg, alt: 'Assess, plan, do, review in a circle', title: 'The cycle' }] });
    expect(activity?.text).toBe('**The cycle**');
    const attachment = activity?.attachments?.[0];
    expect(attachment).toMatchObject({ contentType: 'image/svg+xml', name: 'Assess, plan, do, review in a circle' });
    expect(decodeDataUri(attachment?.contentUrl ?? '')).toEqual({ mime: 'image/svg+xml', text: svg });
  });

  it('shows a document as plain text and attaches it as a file to download', () => {
    const text = 'Dear Ms Patel,\n\nI am writing about **Sam**. <i>Thank you</i>';
    const [activity] = renderWebChat({
      blocks: [{ type: 'document', title: 'Your letter', text, fileName: 'letter.txt', mimeType: 'text/plain', smsText: 'x' }],
    });
    expect(activity).toMatchObject({ textFormat: 'plain', text: `Your letter\n\n${text}` });
    const attachment = activity?.attachments?.[0];
    expect(attachment).toMatchObject({ contentType: 'text/plain', name: 'letter.txt' });
    expect(attachment?.content).toBeUndefined();
    expect(decodeDataUri(attachment?.contentUrl ?? '')).toEqual({ mime: 'text/plain;charset=utf-8', text });
  });

  it('attaches a calendar file with its own type', () => {
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    const [activity] = renderWebChat({
      blocks: [{ type: 'document', title: 'Review date', text: ics, fileName: 'review.ics', mimeType: 'text/calendar', smsText: 'x' }],
    });
    expect(activity?.attachments?.[0]).toMatchObject({ contentType: 'text/calendar', name: 'review.ics' });
    expect(decodeDataUri(activity?.attachments?.[0]?.contentUrl ?? '').text).toBe(ics);
  });

  it('shows facts as a FactSet on an Adaptive Card 1.5', () => {
    const [activity] = renderWebChat({
      blocks: [{ type: 'facts', title: 'Key dates', rows: [{ label: 'Request received', value: '1 December 2026' }, { label: 'Decision due', value: '12 January 2027' }] }],
    });
    const card = cardOf(activity);
    expect(card.version).toBe('1.5');
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Key dates', wrap: true, weight: 'Bolder' },
      { type: 'FactSet', facts: [{ title: 'Request received', value: '1 December 2026' }, { title: 'Decision due', value: '12 January 2027' }] },
    ]);
  });
});
