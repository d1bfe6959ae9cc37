// Content markdown re-written, token by token, as safe markdown for Web Chat or Teams, in units that may be split into messages.
import { lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import { BoundedCache } from '../boundedCache.js';
import { CHANNEL_LIMITS } from './channelLimits.js';
import { safeUrl } from './safeUrl.js';
import type { TextUnit } from './splitText.js';

export type ChatDialect = 'webchat' | 'msteams';

interface Context {
  dialect: ChatDialect;
  /** Inside bold already (a Teams heading): nested bold would close it early. */
  inBold: boolean;
}

/**
 * Text shown literally in markdown: emphasis, code, link and table characters backslash-escaped, and "<" as an
 * entity so nothing can open an HTML tag (Web Chat renders inline HTML unless told not to).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]~|]/g, '\\$&').replace(/</g, '&lt;');
}

/** A line that would read as a heading, list item or quote once it starts a message of its own. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([-+>])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

function isComment(html: string): boolean {
  return html.trimStart().startsWith('<!--');
}

/** A backtick fence longer than any run inside, so code cannot close it. */
function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(longest + 1);
}

function inline(tokens: readonly Token[] | undefined, ctx: Context): string {
  return (tokens ?? []).map((token) => inlineToken(token, ctx)).join('');
}

function inlineToken(token: Token, ctx: Context): string {
  const t = token as MarkedToken;
  switch (t.type) {
    case 'text':
      return t.tokens ? inline(t.tokens, ctx) : escapeMarkdown(t.text.replace(/\n/g, ' '));
    case 'escape':
      // The author escaped it on purpose; keep it literal.
      return t.text === '<' ? '&lt;' : t.text === '&' ? '&amp;' : `\\${t.text}`;
    case 'strong':
      return ctx.inBold ? inline(t.tokens, ctx) : `**${inline(t.tokens, { ...ctx, inBold: true })}**`;
    case 'em':
      return `*${inline(t.tokens, ctx)}*`;
    case 'del':
      return `~~${inline(t.tokens, ctx)}~~`;
    case 'codespan': {
      const fence = fenceFor(t.text);
      const pad = t.text.startsWith('`') || t.text.endsWith('`') ? ' ' : '';
      return `${fence}${pad}${t.text}${pad}${fence}`;
    }
    case 'br':
      return CHANNEL_LIMITS[ctx.dialect].lineBreak;
    case 'link': {
      const label = inline(t.tokens, ctx) || escapeMarkdown(t.text);
      const href = safeUrl(t.href);
      return href ? `[${label}](${href})` : label;
    }
    case 'image':
      // Never load a remote picture into the chat; its alt text says what it showed.
      return escapeMarkdown(t.text);
    case 'html':
      return isComment(t.text) ? '' : escapeMarkdown(t.text);
    case 'checkbox':
      return '';
    default:
      return escapeMarkdown(t.raw);
  }
}

function heading(t: Tokens.Heading, ctx: Context): string {
  const text = inline(t.tokens, { ...ctx, inBold: CHANNEL_LIMITS[ctx.dialect].headings === 'bold' }).trim();
  if (text === '') return '';
  return CHANNEL_LIMITS[ctx.dialect].headings === 'markdown' ? `${'#'.repeat(t.depth)} ${text}` : `**${text}**`;
}

function listItem(item: Tokens.ListItem, marker: string, ctx: Context): string {
  const separator = item.loose ? '\n\n' : '\n';
  const body = item.tokens
    .map((child) => block(child, ctx))
    .filter((text) => text !== '')
    .join(separator);
  const indent = ' '.repeat(marker.length);
  return body
    .split('\n')
    .map((line, i) => (i === 0 ? marker + line : line === '' ? '' : indent + line))
    .join('\n');
}

function listItems(t: Tokens.List, ctx: Context): string[] {
  const start = typeof t.start === 'number' ? t.start : 1;
  return t.items.map((item, i) => listItem(item, t.ordered ? `${start + i}. ` : '- ', ctx));
}

function tableText(t: Tokens.Table, ctx: Context): string {
  const cell = (c: Tokens.TableCell): string => inline(c.tokens, ctx);
  if (CHANNEL_LIMITS[ctx.dialect].tables) {
    const row = (cells: Tokens.TableCell[]): string => `| ${cells.map(cell).join(' | ')} |`;
    return [row(t.header), `|${t.header.map(() => ' --- |').join('')}`, ...t.rows.map(row)].join('\n');
  }
  // No tables in this channel's text: one line per row, each value after its column name.
  return t.rows
    .map((r) => `- ${r.map((c, i) => `${t.header[i] ? `${cell(t.header[i])}: ` : ''}${cell(c)}`).join(', ')}`)
    .join('\n');
}

function block(token: Token, ctx: Context): string {
  const t = token as MarkedToken;
  switch (t.type) {
    case 'heading':
      return heading(t, ctx);
    case 'paragraph':
      return inline(t.tokens, ctx);
    case 'text':
      return t.tokens ? inline(t.tokens, ctx) : escapeMarkdown(t.text);
    case 'list':
      return listItems(t, ctx).join(t.loose ? '\n\n' : '\n');
    case 'blockquote': {
      const inner = t.tokens.map((child) => block(child, ctx)).filter((text) => text !== '').join('\n\n');
      return inner.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
    }
    case 'code': {
      const fence = fenceFor(t.text).length >= 3 ? fenceFor(t.text) : '```';
      return `${fence}\n${t.text}\n${fence}`;
    }
    case 'html':
      return isComment(t.text) ? '' : escapeMarkdown(t.text.trim());
    case 'hr':
      return CHANNEL_LIMITS[ctx.dialect].horizontalRules ? '---' : '';
    case 'table':
      return tableText(t, ctx);
    default:
      return '';
  }
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A paragraph as one unit per sentence; breaks fall only inside plain text, never inside a link or bold. */
function paragraphUnits(tokens: readonly Token[], ctx: Context): TextUnit[] {
  const pieces: Array<{ text: string; breakAfter: boolean }> = [];
  for (const token of tokens) {
    const t = token as MarkedToken;
    if (t.type === 'text' && !t.tokens) {
      const segments = [...sentenceSegmenter.segment(t.text.replace(/\n/g, ' '))].map((s) => s.segment);
      segments.forEach((segment, i) => {
        const endsSentence = i < segments.length - 1 || /[.!?]["')\]]*\s+$/.test(segment);
        pieces.push({ text: escapeMarkdown(segment), breakAfter: endsSentence });
      });
    } else {
      pieces.push({ text: inlineToken(token, ctx), breakAfter: false });
    }
  }
  const units: TextUnit[] = [];
  let current = '';
  const flush = (): void => {
    const text = escapeLineStart(current.trim());
    if (text !== '') units.push({ text, joinBefore: units.length === 0 ? '\n\n' : ' ' });
    current = '';
  };
  for (const piece of pieces) {
    current += piece.text;
    if (piece.breakAfter) flush();
  }
  flush();
  return units;
}

/** Units by markdown, per dialect; frozen, since every caller shares them. */
const UNITS: Record<ChatDialect, BoundedCache<readonly TextUnit[]>> = { webchat: new BoundedCache(), msteams: new BoundedCache() };

/**
 * Markdown for the chat channel as units: a heading travels with what follows it, paragraphs break between
 * sentences, lists between items, anything else (code, quote, table) stays whole. Links keep only web, email
 * and phone addresses; raw HTML and remote images are shown as text, never rendered.
 */
export function markdownToChatUnits(markdown: string, dialect: ChatDialect): readonly TextUnit[] {
  // Topic bodies and fixed messages are the same text every turn: lexing them once per channel is enough.
  return UNITS[dialect].getOrCompute(markdown, (text) => Object.freeze(chatUnits(text, dialect).map((unit) => Object.freeze(unit))));
}

function chatUnits(markdown: string, dialect: ChatDialect): TextUnit[] {
  const ctx: Context = { dialect, inBold: false };
  const units: TextUnit[] = [];
  for (const token of lexer(markdown)) {
    const t = token as MarkedToken;
    if (t.type === 'paragraph') {
      units.push(...paragraphUnits(t.tokens, ctx));
    } else if (t.type === 'list') {
      listItems(t, ctx).forEach((text, i) => units.push({ text, joinBefore: i === 0 ? '\n\n' : t.loose ? '\n\n' : '\n' }));
    } else {
      const text = block(token, ctx);
      if (text !== '') units.push({ text, joinBefore: '\n\n', keepWithNext: t.type === 'heading' });
    }
  }
  return units;
}

/** The whole markdown re-written for the channel as one string (card text, prompts). */
export function markdownToChat(markdown: string, dialect: ChatDialect): string {
  return markdownToChatUnits(markdown, dialect)
    .map((unit, i) => (i === 0 ? unit.text : unit.joinBefore + unit.text))
    .join('');
}

/** Source lines by their sources, per dialect: the same topic sources every turn, and checking addresses is not free. */
const SOURCE_LINES: Record<ChatDialect, BoundedCache<string>> = { webchat: new BoundedCache(), msteams: new BoundedCache() };

/** "Source: [label](url)", one line each; an address we will not link shows the label alone. */
export function chatSourceLines(sources: ReadonlyArray<{ label: string; url: string }>, dialect: ChatDialect): string {
  const key = JSON.stringify(sources.map((source) => [source.label, source.url]));
  return SOURCE_LINES[dialect].getOrCompute(key, () => sourceLines(sources, dialect));
}

function sourceLines(sources: ReadonlyArray<{ label: string; url: string }>, dialect: ChatDialect): string {
  return sources
    .map((source) => {
      const href = safeUrl(source.url);
      const label = escapeMarkdown(source.label);
      return href ? `Source: [${label}](${href})` : `Source: ${label}`;
    })
    .join(CHANNEL_LIMITS[dialect].lineBreak);
}
