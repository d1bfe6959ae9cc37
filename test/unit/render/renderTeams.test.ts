// Teams output for each block type, and incoming text with the bot's @mention removed.
import type { Activity, Attachment, Entity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { renderTeams, stripMentions } from '../../../src/render/renderTeams.js';

interface Element {
  type: string;
  [key: string]: unknown;
}
interface Card {
  version: string;
  body: Element[];
}

const cardOf = (activity: Partial<Activity> | undefined): Card => {
  const attachment: Attachment | undefined = activity?.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachment?.content as Card;
  expect(card.version).toBe('1.5');
  return card;
};

/** The text of every TextRun in RichTextBlocks, in order. */
const literalLines = (body: Element[]): string[] =>
  body
    .filter((element) => element.type === 'RichTextBlock')
    .flatMap((element) => (element.inlines as Array<{ text: string }>).map((run) => run.text));

describe('Teams: text', () => {
  it('turns headings into bold lines and keeps bold, italics, lists and links', () => {
    const [message] = renderTeams({
      blocks: [{ type: 'text', markdown: '# What SEN support is\n\nIt is **extra help**, *free*.\n\n- one\n- [two](https://www.gov.uk/)' }],
    });
    expect(message).toMatchObject({ textFormat: 'markdown' });
    expect(message?.text).toBe('**What SEN support is**\n\nIt is **extra help**, *free*.\n\n- one\n- [two](https://www.gov.uk/)');
    expect(message?.text).not.toMatch(/^#/m);
  });

  it('does not nest bold inside a heading turned bold', () => {
    const [message] = renderTeams({ blocks: [{ type: 'text', markdown: '## Ask for **an assessment**' }] });
    expect(message?.text).toBe('**Ask for an assessment**');
  });

  it('writes a table (which Teams text cannot show) as one line per row', () => {
    const [message] = renderTeams({ blocks: [{ type: 'text', markdown: '| Stage | Time |\n|---|---|\n| Decide | 6 weeks |\n| Draft plan | 16 weeks |' }] });
    expect(message?.text).toBe('- Stage: Decide, Time: 6 weeks\n- Stage: Draft plan, Time: 16 weeks');
  });
});

describe('Teams: choices', () => {
  it('puts choices on an Adaptive Card whose buttons imBack the value as text', () => {
    const [activity] = renderTeams({
      blocks: [{ type: 'choices', prompt: 'Which stage?', choices: [{ title: 'Assess', value: 'stage-assess' }, { title: 'Plan', value: 'stage-plan' }] }],
    });
    const card = cardOf(activity);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Which stage?' });
    const actions = card.body.slice(1).flatMap((element) => element.actions as Array<Record<string, unknown>>);
    expect(actions).toEqual([
      { type: 'Action.Submit', title: 'Assess', data: { msteams: { type: 'imBack', value: 'stage-assess' } } },
      { type: 'Action.Submit', title: 'Plan', data: { msteams: { type: 'imBack', value: 'stage-plan' } } },
    ]);
    expect(activity?.suggestedActions).toBeUndefined();
  });
});

describe('Teams: sources, pictures, documents, facts', () => {
  it('writes sources as markdown links, one per line', () => {
    const [activity] = renderTeams({
      blocks: [{ type: 'sources', sources: [{ label: 'A', url: 'https://a.example/' }, { label: 'B', url: 'https://b.example/' }] }],
    });
    expect(activity?.text).toBe('Source: [A](https://a.example/)\nSource: [B](https://b.example/)');
  });

  it('shows a picture as a card Image with alt text and the alt text as a visible caption', () => {
    const [activity] = renderTeams({ blocks: [{ type: 'image', svg: '<svg/>', alt: 'Four steps in a circle', title: 'The cycle' }] });
    const card = cardOf(activity);
    const image = card.body.find((element) => element.type === 'Image');
    expect(image).toMatchObject({ altText: 'Four steps in a circle' });
    expect(String(image?.url)).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(literalLines(card.body)).toEqual(['The cycle', 'Four steps in a circle']);
  });

  it('puts a document on a card as literal text runs, with no file attachment', () => {
    const text = 'Dear Mr Jones,\n\nAbout **Sam** <b>today</b>\n# not a heading';
    const [activity] = renderTeams({
      blocks: [{ type: 'document', title: 'Your letter', text, fileName: 'letter.txt', mimeType: 'text/plain', smsText: 'x' }],
    });
    expect(activity?.attachments).toHaveLength(1);
    const card = cardOf(activity);
    expect(literalLines(card.body)).toEqual(['Your letter', 'Dear Mr Jones,', 'About **Sam** <b>today</b>', '# not a heading']);
    expect(card.body.filter((element) => element.type === 'TextBlock')).toHaveLength(0);
  });

  it('shows facts as a FactSet', () => {
    const [activity] = renderTeams({ blocks: [{ type: 'facts', rows: [{ label: 'Decision due', value: '12 January 2027' }] }] });
    expect(cardOf(activity).body).toEqual([{ type: 'FactSet', facts: [{ title: 'Decision due', value: '12 January 2027' }] }]);
  });
});

describe('stripMentions', () => {
  const bot = { id: '28:bot-id', name: 'SEN Guide' };
  const mention = (id: string, name: string): Entity => ({
    type: 'mention',
    mentioned: { id, name },
    text: `<at>${name}</at>`,
  });

  it("removes the bot's own mention and leaves the activity unchanged", () => {
    const activity: Partial<Activity> = {
      text: '<at>SEN Guide</at> what is SEN support?',
      recipient: bot,
      entities: [mention(bot.id, bot.name)],
    };
    expect(stripMentions(activity)).toBe('what is SEN support?');
    expect(activity.text).toBe('<at>SEN Guide</at> what is SEN support?');
  });

  it("keeps other people's names as plain words", () => {
    const activity: Partial<Activity> = {
      text: '<at>SEN Guide</at> help <at>Jane Smith</at> with a review',
      recipient: bot,
      entities: [mention(bot.id, bot.name), mention('29:jane', 'Jane Smith')],
    };
    expect(stripMentions(activity)).toBe('help Jane Smith with a review');
  });

  it('removes the bot mention by name when the entity is missing or malformed', () => {
    expect(stripMentions({ text: '<at>SEN Guide</at>   menu', recipient: bot })).toBe('menu');
    expect(stripMentions({ text: '<at>SEN Guide</at> menu', recipient: bot, entities: [{ type: 'mention' }] })).toBe('menu');
  });

  it('returns an empty string when there is no text', () => {
    expect(stripMentions({ recipient: bot })).toBe('');
  });
});
