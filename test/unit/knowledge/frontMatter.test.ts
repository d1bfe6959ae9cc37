// Splitting a topic file into front matter and body.
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/knowledge/frontMatter.js';

describe('splitFrontMatter', () => {
  it('returns the YAML between the --- lines and the trimmed body after them', () => {
    expect(splitFrontMatter('---\nid: x\ntitle: y\n---\n\nBody text.\n')).toEqual({ ok: true, yaml: 'id: x\ntitle: y', body: 'Body text.', bodyStartLine: 5 });
  });

  it('copes with Windows line ends and a byte-order mark', () => {
    const split = splitFrontMatter('\uFEFF---\r\nid: x\r\n---\r\nBody\r\n');
    expect(split).toMatchObject({ ok: true, yaml: 'id: x', body: 'Body' });
  });

  it('keeps later --- lines (horizontal rules) in the body', () => {
    expect(splitFrontMatter('---\nid: x\n---\nOne\n\n---\n\nTwo')).toMatchObject({ ok: true, body: 'One\n\n---\n\nTwo' });
  });

  it('explains a missing opening or closing line', () => {
    expect(splitFrontMatter('id: x\n---\nBody')).toMatchObject({ ok: false, message: expect.stringContaining('does not start') });
    expect(splitFrontMatter('---\nid: x\nBody')).toMatchObject({ ok: false, message: expect.stringContaining('no closing') });
  });
});
