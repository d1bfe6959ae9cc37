// Which link addresses may become live links anywhere we render: web, email and phone only, never script or data.

const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/**
 * The address normalised and safe to put inside markdown `( )` or a card, or undefined when it must not be a link
 * (javascript:, data:, relative paths, anything unparseable).
 */
export function safeUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return undefined;
  // URL leaves parentheses alone; encoded, they cannot close a markdown link early.
  return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** What a reader sees for an address in plain text: the web address, or the bare email or number. */
export function displayUrl(safeHref: string): string {
  for (const scheme of ['mailto:', 'tel:']) {
    if (safeHref.startsWith(scheme)) return decodeOrKeep(safeHref.slice(scheme.length));
  }
  return safeHref;
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
