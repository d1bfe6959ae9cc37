// Escaping of text people typed, so it shows as itself inside HTML, XML (SVG) and markdown and can never become markup.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** For HTML and XML text or attribute values (SVG included). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

// Every ASCII punctuation character can be backslash-escaped in CommonMark; escaping them all means no user text
// can start emphasis, a link, an autolink (":" and "." are escaped), a list, a heading, a table or code.
const ASCII_PUNCTUATION = /[!#$%()*+,\-./:;=?@[\\\]^_`{|}~]/;

/**
 * For user text placed inside markdown that is later turned into HTML (marked): the characters HTML cares
 * about become entities and every other ASCII punctuation mark is backslash-escaped. Each character is
 * handled once, so entities are never escaped twice. Line starts lose their indentation (no code blocks) and
 * line ends lose trailing spaces (no surprise line breaks); newlines are kept for the caller to lay out.
 */
export function escapeMarkdown(text: string): string {
  let escaped = '';
  for (const character of text) {
    const entity = HTML_ENTITIES[character];
    if (entity !== undefined) escaped += entity;
    else if (ASCII_PUNCTUATION.test(character)) escaped += `\\${character}`;
    else escaped += character;
  }
  return escaped
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, '').replace(/[ \t]+$/, ''))
    .join('\n');
}
