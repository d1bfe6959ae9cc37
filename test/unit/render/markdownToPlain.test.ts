// Markdown to SMS plain text: structure kept as plain lines, every piece of markup gone, links as bare addresses.
import { describe, expect, it } from 'vitest';
import { decodeEntities, markdownToPlain, markdownToPlainBlocks } from '../../../src/render/markdownToPlain.js';

describe('markdownToPlain', () => {
  it('removes emphasis, code and heading markup but keeps the words', () => {
    expect(markdownToPlain('# Your rights\n\nYou **can** ask *at any time*, in `writing`, ~~or not~~ _now_.')).toBe(
      'Your rights\nYou can ask at any time, in writing, or not now.',
    );
  });

  it('keeps a heading with the block after it, never on its own', () => {
    expect(markdownToPlainBlocks('## Next steps\n\nTalk to the SENCO.\n\nThen wait.')).toEqual([
      'Next steps\nTalk to the SENCO.',
      'Then wait.',
    ]);
  });

  it('writes bullet lists with "- ", numbered lists from their start number, nested lists indented', () => {
    expect(markdownToPlain('* one\n* two\n    * inner\n\n3. third\n4. fourth')).toBe('- one\n- two\n  - inner\n\n3. third\n4. fourth');
  });

  it('writes links as "label: address" and autolinks once', () => {
    expect(markdownToPlain('Read the [Code of Practice](https://www.gov.uk/send) today.')).toBe(
      'Read the Code of Practice: https://www.gov.uk/send today.',
    );
    expect(markdownToPlain('See https://www.gov.uk/x and <https://example.org/y>.')).toBe(
      'See https://www.gov.uk/x and https://example.org/y.',
    );
  });

  it('shows an email or phone link as the bare address', () => {
    expect(markdownToPlain('[Email us](mailto:help@example.org) or [call](tel:01234567890)')).toBe(
      'Email us: help@example.org or call: 01234567890',
    );
  });

  it('drops addresses that must not be links, keeping their label', () => {
    expect(markdownToPlain('[click me](javascript:alert(1)) and [here](/relative/path)')).toBe('click me and here');
  });

  it('decodes character references and backslash escapes', () => {
    expect(markdownToPlain('Fish &amp; chips &copy; &#8364;5 &#x2014; \\*not bold\\*')).toBe('Fish & chips © €5 — *not bold*');
    expect(decodeEntities('&unknown; &#0; &amp;')).toBe('&unknown; &#0; &');
  });

  it('turns a table into one line per row, and a picture into its alt text', () => {
    expect(markdownToPlain('| Step | Time |\n|---|---|\n| Decide | 6 weeks |\n\n![A cycle diagram](https://x/y.png)')).toBe(
      'Step: Decide, Time: 6 weeks\n\nA cycle diagram',
    );
  });

  it('drops HTML comments (editors\' notes) and horizontal rules', () => {
    expect(markdownToPlain('Before <!-- note to editor -->\n\n---\n\nAfter')).toBe('Before\n\nAfter');
  });

  it('drops emphasis runs left unpaired by a typo', () => {
    expect(markdownToPlain('This is **not closed and __neither')).toBe('This is not closed and neither');
  });

  it('joins soft line breaks with a space and keeps hard breaks', () => {
    expect(markdownToPlain('one\ntwo  \nthree')).toBe('one two\nthree');
  });
});
