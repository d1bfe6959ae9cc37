// Content markdown as plain text for SMS: no markup left, lists as "- " or "1.", links as "label: https://address".
import { lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import { displayUrl, safeUrl } from './safeUrl.js';

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', ' '], ['ndash', '–'], ['mdash', '—'],
  ['hellip', '…'], ['lsquo', '‘'], ['rsquo', '’'], ['ldquo', '“'], ['rdquo', '”'], ['pound', '£'], ['euro', '€'],
  ['copy', '©'], ['bull', '•'], ['middot', '·'],
]);

/** marked leaves character references in text as written; a reader of plain text needs the character. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(name.toLowerCase()) ?? whole;
  });
}

/** An emphasis run marked could not pair ("**open") is a typo in content, not something to text to a parent. */
function dropStrayDelimiters(text: string): string {
  return text.replace(/\*{2,}|_{2,}|~{2,}/g, '');
}

function isComment(html: string): boolean {
  return html.trimStart().startsWith('<!--');
}

function inline(tokens: readonly Token[] | undefined): string {
  return (tokens ?? []).map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  const t = token as MarkedToken;
  switch (t.type) {
    case 'text':
      return t.tokens ? inline(t.tokens) : dropStrayDelimiters(decodeEntities(t.text.replace(/\n/g, ' ')));
    case 'escape':
      return t.text;
    case 'strong':
    case 'em':
    case 'del':
      return inline(t.tokens);
    case 'codespan':
      return decodeEntities(t.text);
    case 'br':
      return '\n';
    case 'link': {
      const href = safeUrl(t.href);
      const label = inline(t.tokens).trim() || decodeEntities(t.text);
      if (!href) return label;
      const shown = displayUrl(href);
      // An autolink's label is the address itself; say it once.
      return label === '' || label === shown || label === t.href ? shown : `${label}: ${shown}`;
    }
    case 'image':
      return decodeEntities(t.text);
    case 'html':
      // Shown as written rather than silently lost; content should not carry HTML (comments are editors' notes).
      return isComment(t.text) ? '' : t.text;
    case 'checkbox':
      return '';
    default:
      return t.raw;
  }
}

function listText(t: Tokens.List, depth: number): string {
  const start = typeof t.start === 'number' ? t.start : 1;
  const indent = '  '.repeat(depth);
  return t.items
    .map((item, i) => {
      const marker = t.ordered ? `${start + i}. ` : '- ';
      const parts = item.tokens.map((child) => block(child, depth + 1)).filter((text) => text !== '');
      const [first = '', ...rest] = parts;
      return [`${indent}${marker}${first.trimStart()}`, ...rest].join('\n');
    })
    .join('\n');
}

function block(token: Token, depth: number): string {
  const t = token as MarkedToken;
  switch (t.type) {
    case 'heading':
    case 'paragraph':
      return inline(t.tokens).trim();
    case 'text':
      return (t.tokens ? inline(t.tokens) : decodeEntities(t.text)).trim();
    case 'list':
      return listText(t, depth);
    case 'blockquote':
      return t.tokens.map((child) => block(child, depth)).filter((text) => text !== '').join('\n');
    case 'code':
      return t.text;
    case 'html':
      return isComment(t.text) ? '' : t.text.trim();
    case 'table':
      return t.rows
        .map((row) => row.map((c, i) => `${t.header[i] ? `${inline(t.header[i].tokens)}: ` : ''}${inline(c.tokens)}`).join(', '))
        .join('\n');
    default:
      return '';
  }
}

/** Plain-text blocks (paragraph, list, quote...), a heading joined to the block after it so it never stands alone. */
export function markdownToPlainBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let heading: string | undefined;
  for (const token of lexer(markdown)) {
    const text = block(token, 0);
    if (text === '') continue;
    if ((token as MarkedToken).type === 'heading') {
      heading = heading === undefined ? text : `${heading}\n${text}`;
      continue;
    }
    blocks.push(heading === undefined ? text : `${heading}\n${text}`);
    heading = undefined;
  }
  if (heading !== undefined) blocks.push(heading);
  return blocks;
}

/** The whole markdown as plain text, blocks separated by a blank line. */
export function markdownToPlain(markdown: string): string {
  return markdownToPlainBlocks(markdown).join('\n\n');
}
