import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../../src/tools/escapeText.js';

// Decodes the few entities marked and escapeHtml produce, to compare rendered text with what was typed.
function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const render = (markdown: string) => marked.parse(markdown, { async: false });

describe('escapeHtml', () => {
  it('turns the five HTML-significant characters into entities', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves other text alone (emoji, right-to-left)', () => {
    expect(escapeHtml('Zaynab 👩‍👧 مرحبا')).toBe('Zaynab 👩‍👧 مرحبا');
  });
});

describe('escapeMarkdown: typed text renders as itself, never as markup', () => {
  const hostile = [
    '**x** [a](javascript:alert(1))',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](http://evil.example) ![img](http://evil.example/a.png)',
    'visit www.evil.example or mail me@evil.example or http://evil.example',
    '# Heading',
    '1. not a list',
    '- not a bullet',
    '> not a quote',
    '`code` and ```fence```',
    '| a | b |',
    '&lt;already escaped&gt; &amp; &#60;',
    '\\*backslashed\\*',
    '_under_ ~~strike~~',
    '<https://autolink.example>',
  ];

  it.each(hostile)('renders %s as plain text in one paragraph', (typed) => {
    const html = render(escapeMarkdown(typed));
    expect(html.startsWith('<p>')).toBe(true);
    expect(html.trim().endsWith('</p>')).toBe(true);
    const inner = html.trim().slice(3, -4);
    expect(inner).not.toMatch(/<[a-z/!]/i);
    expect(decodeEntities(inner)).toBe(typed);
  });

  it('produces no tags and keeps the text exactly, for any single line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (typed) => {
        const line = typed.replace(/[\r\n]/g, ' ').trim();
        fc.pre(line !== '');
        const inline = marked.parseInline(escapeMarkdown(line), { async: false });
        expect(inline).not.toMatch(/<[a-z/!]/i);
        // marked collapses runs of inner spaces only in HTML rendering, not in the string, so compare directly.
        expect(decodeEntities(inline)).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('removes indentation that would make a code block', () => {
    const html = render(escapeMarkdown('    indented code?'));
    expect(html).not.toMatch(/<pre|<code/);
  });

  it('keeps line breaks for the caller to lay out', () => {
    expect(escapeMarkdown('one\ntwo')).toBe('one\ntwo');
  });
});
