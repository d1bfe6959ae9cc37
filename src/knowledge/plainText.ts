// Turns markdown into the text a reader sees, as blocks: headings, paragraphs, list items and table rows each stand alone.
import { marked, type Token, type Tokens } from 'marked';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ', ndash: '–', mdash: '—' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|[a-z]+|#39);/gi, (whole, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

/** The visible words of inline tokens: links keep their text, code keeps its content, images and HTML tags vanish. */
function inlineText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return decodeEntities(fallback);
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image':
      case 'html':
        break;
      case 'br':
        out += ' ';
        break;
      case 'codespan':
      case 'escape':
        out += decodeEntities(token.text);
        break;
      default: {
        const withChildren = token as Token & { tokens?: Token[]; text?: string };
        out += inlineText(withChildren.tokens, withChildren.text ?? '');
      }
    }
  }
  return out;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function blocksOf(tokens: Token[], out: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'html':
      case 'def':
        break;
      case 'heading':
      case 'paragraph':
        out.push(inlineText(token.tokens, token.text));
        break;
      case 'text': {
        // Block-level text appears inside tight list items; it may itself hold inline tokens.
        const text = token as Tokens.Text;
        out.push(inlineText(text.tokens, text.text));
        break;
      }
      case 'code':
        out.push(token.text);
        break;
      case 'blockquote':
        blocksOf(token.tokens ?? [], out);
        break;
      case 'list':
        // Each list item reads as its own sentence, even without a full stop.
        for (const item of (token as Tokens.List).items) blocksOf(item.tokens, out);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        // A table row reads as one sentence: its cells joined, as a screen reader would say them.
        for (const row of [table.header, ...table.rows]) out.push(row.map((cell) => inlineText(cell.tokens, cell.text)).join(', '));
        break;
      }
      default: {
        const other = token as Token & { tokens?: Token[]; text?: string };
        if (other.tokens) blocksOf(other.tokens, out);
        else if (other.text) out.push(other.text);
      }
    }
  }
}

/** The reader-visible text of a markdown document, one entry per block, whitespace collapsed, empty blocks dropped. */
export function markdownToBlocks(markdown: string): string[] {
  const out: string[] = [];
  blocksOf(marked.lexer(markdown), out);
  return out.map(collapse).filter((block) => /[\p{L}\p{N}]/u.test(block));
}

/** The reader-visible text as one string, blocks separated by blank lines. */
export function markdownToPlainText(markdown: string): string {
  return markdownToBlocks(markdown).join('\n\n');
}
