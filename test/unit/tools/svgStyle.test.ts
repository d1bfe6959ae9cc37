import { describe, expect, it } from 'vitest';
import { PALETTE, estimateTextWidth, svgIdPrefix, wrapText } from '../../../src/tools/svgStyle.js';
import { contrastRatio } from '../../support/svgChecks.js';

describe('picture colours', () => {
  it.each(['text', 'secondaryText', 'passed', 'dueSoon', 'upcoming', 'today'] as const)('%s text has at least 4.5:1 contrast on white', (key) => {
    expect(contrastRatio(PALETTE[key], PALETTE.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('highlighted boxes have at least 4.5:1 between their text and fill', () => {
    expect(contrastRatio(PALETTE.highlightText, PALETTE.highlightFill)).toBeGreaterThanOrEqual(4.5);
  });

  it('lines and outlines have at least 3:1 on white', () => {
    expect(contrastRatio(PALETTE.line, PALETTE.background)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(PALETTE.boxStroke, PALETTE.background)).toBeGreaterThanOrEqual(3);
  });

  it('the contrast helper agrees with known values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('text wrapping', () => {
  it('keeps every line within the width', () => {
    const lines = wrapText('Getting support in class when things are hard for your child', 15, 92, 3);
    for (const line of lines) expect(estimateTextWidth(line, 15)).toBeLessThanOrEqual(92);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.at(-1)?.endsWith('…')).toBe(true);
  });

  it('cuts a single very long word', () => {
    const lines = wrapText('Supercalifragilistic', 15, 92, 2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Superca\S*…$/);
    expect(estimateTextWidth(lines[0] ?? '', 15)).toBeLessThanOrEqual(92);
  });

  it('gives ids that differ with content and repeat with the same content', () => {
    expect(svgIdPrefix('x', 'a')).toBe(svgIdPrefix('x', 'a'));
    expect(svgIdPrefix('x', 'a')).not.toBe(svgIdPrefix('x', 'b'));
  });
});
