// What a reader sees of markdown: syntax gone, link text kept, each heading, paragraph, list item and table row a block.
import { describe, expect, it } from 'vitest';
import { markdownToBlocks, markdownToPlainText } from '../../../src/knowledge/plainText.js';

describe('markdownToBlocks', () => {
  it('strips emphasis, links, code and images but keeps the words', () => {
    expect(markdownToBlocks('Read **the** *Code* [on GOV.UK](https://www.gov.uk) and `this` ![a chart](x.png) now.')).toEqual([
      'Read the Code on GOV.UK and this now.',
    ]);
  });

  it('makes each heading, paragraph and list item its own block', () => {
    const md = '# What SEN support is\n\nIt is extra help.\nIt is free.\n\n- a plan\n- a review\n  1. nested item\n';
    expect(markdownToBlocks(md)).toEqual(['What SEN support is', 'It is extra help. It is free.', 'a plan', 'a review', 'nested item']);
  });

  it('reads a table row by row and a quote as its paragraphs', () => {
    const md = '| Step | Time |\n|---|---|\n| Decide | 6 weeks |\n\n> Keep a copy.\n';
    expect(markdownToBlocks(md)).toEqual(['Step, Time', 'Decide, 6 weeks', 'Keep a copy.']);
  });

  it('drops HTML tags and decodes entities', () => {
    expect(markdownToBlocks('<div>\n\n</div>\n\nTom &amp; Jerry&#39;s plan')).toEqual(["Tom & Jerry's plan"]);
  });

  it('drops blocks with no words', () => {
    expect(markdownToBlocks('---\n\n***\n\nHello')).toEqual(['Hello']);
  });
});

describe('markdownToPlainText', () => {
  it('joins blocks with blank lines', () => {
    expect(markdownToPlainText('## Hi\n\n- one\n- two')).toBe('Hi\n\none\n\ntwo');
  });
});
