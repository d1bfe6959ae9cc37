// Splits a topic file into its YAML front matter (between two `---` lines at the top) and its markdown body.

export type FrontMatterSplit = { ok: true; yaml: string; body: string; bodyStartLine: number } | { ok: false; message: string; fix: string };

export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return { ok: false, message: 'does not start with a line of three hyphens (---)', fix: 'Put the front matter between two --- lines at the very top' };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close === -1) {
    return { ok: false, message: 'has no closing --- line after the front matter', fix: 'Add a line of three hyphens before the markdown body' };
  }
  return { ok: true, yaml: lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n').trim(), bodyStartLine: close + 2 };
}
