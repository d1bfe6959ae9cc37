import { describe, expect, it } from 'vitest';
import { buildCycleDiagram, cycleAltText } from '../../../src/tools/cycleDiagram.js';
import { PALETTE, estimateTextWidth } from '../../../src/tools/svgStyle.js';
import { contrastRatio, parseSvg } from '../../support/svgChecks.js';

const stages = [
  { id: 'assess', title: 'Assess' },
  { id: 'plan', title: 'Plan' },
  { id: 'do', title: 'Do' },
  { id: 'review', title: 'Review' },
];

interface Rect { x: number; y: number; width: number; height: number }
const rectsOf = (svg: string): Rect[] =>
  parseSvg(svg)
    .filter((element) => element.name === 'rect' && element.attributes.rx !== undefined)
    .map(({ attributes }) => ({ x: Number(attributes.x), y: Number(attributes.y), width: Number(attributes.width), height: Number(attributes.height) }));

describe('cycle diagram', () => {
  const picture = buildCycleDiagram(stages, 'plan');
  const elements = parseSvg(picture.svg);

  it('is well-formed standalone SVG with xmlns, viewBox, title and description', () => {
    expect(elements[0]?.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 320 340', role: 'img' });
    expect(elements.find((element) => element.name === 'title')?.text).toBe('A cycle: Assess, Plan, Do, Review');
    expect(elements.find((element) => element.name === 'desc')?.text).toBe(picture.alt);
  });

  it('says the cycle in words, with the current stage', () => {
    expect(picture.alt).toBe('A cycle of four stages: Assess, Plan, Do, Review, then back to Assess. You are at stage 2: Plan.');
    expect(cycleAltText(stages)).toBe('A cycle of four stages: Assess, Plan, Do, Review, then back to Assess.');
  });

  it('draws one box per stage and one arrow per step round the loop, each with an arrowhead', () => {
    expect(rectsOf(picture.svg)).toHaveLength(4);
    const arrows = elements.filter((element) => element.name === 'path' && element.attributes['marker-end']);
    expect(arrows).toHaveLength(4);
    const markerId = elements.find((element) => element.name === 'marker')?.attributes.id;
    for (const arrow of arrows) expect(arrow.attributes['marker-end']).toBe(`url(#${markerId})`);
  });

  it('labels boxes from the stage list, in order', () => {
    const titles = elements.filter((element) => element.name === 'text' && element.attributes['font-weight'] === 'bold' && element.ancestors.includes('g')).map((element) => element.text);
    expect(titles).toEqual(['Assess', 'Plan', 'Do', 'Review']);
  });

  it('highlights the current stage by fill, a heavy outline and words in the middle', () => {
    const current = elements.filter((element) => element.group?.['data-current'] === 'true');
    const box = current.find((element) => element.name === 'rect');
    expect(box?.attributes.fill).toBe(PALETTE.highlightFill);
    expect(box?.attributes['stroke-width']).toBe('4');
    expect(current.filter((element) => element.name === 'text').map((element) => element.text)).toEqual(['Stage 2', 'Plan']);
    const middle = elements.filter((element) => element.name === 'text' && !element.ancestors.includes('g')).map((element) => element.text);
    expect(middle).toEqual(['You are at', 'Plan']);
  });

  it('has no highlight and no middle words when no stage is current', () => {
    const plain = buildCycleDiagram(stages);
    expect(plain.svg).not.toContain('data-current');
    expect(parseSvg(plain.svg).filter((element) => element.name === 'text' && !element.ancestors.includes('g'))).toHaveLength(0);
  });

  it('keeps boxes inside the picture and apart from each other, for 2 to 5 stages with long titles', () => {
    for (let count = 2; count <= 5; count += 1) {
      const many = Array.from({ length: count }, (_, index) => ({ id: `s${index}`, title: `Stage title number ${index + 1}` }));
      const rects = rectsOf(buildCycleDiagram(many, 's0').svg);
      expect(rects).toHaveLength(count);
      for (const rect of rects) {
        expect(rect.x).toBeGreaterThanOrEqual(0);
        expect(rect.y).toBeGreaterThanOrEqual(0);
        expect(rect.x + rect.width).toBeLessThanOrEqual(320);
        expect(rect.y + rect.height).toBeLessThanOrEqual(340);
      }
      rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }));
    }
  });

  it('fits each label inside its box and uses readable, high-contrast text', () => {
    const many = [{ id: 'a', title: 'Getting ready for the review' }, { id: 'b', title: 'Plan' }, { id: 'c', title: 'Do' }, { id: 'd', title: 'Review' }];
    const svgElements = parseSvg(buildCycleDiagram(many, 'a').svg);
    for (const element of svgElements.filter((e) => e.name === 'text')) {
      const size = Number(element.attributes['font-size']);
      expect(size).toBeGreaterThanOrEqual(12);
      const background = element.group?.['data-current'] === 'true' ? PALETTE.highlightFill : PALETTE.background;
      expect(contrastRatio(element.attributes.fill ?? '', background)).toBeGreaterThanOrEqual(4.5);
      if (element.ancestors.includes('g')) expect(estimateTextWidth(element.text, size)).toBeLessThanOrEqual(104 - 12);
    }
  });

  it('escapes stage titles', () => {
    const hostile = buildCycleDiagram([{ id: 'a', title: '<b>X</b>' }, { id: 'b', title: 'A & "B"' }], 'a');
    const shown = parseSvg(hostile.svg).filter((element) => element.name === 'text').map((element) => element.text);
    expect(shown).toEqual(expect.arrayContaining(['<b>X</b>', 'A & "B"']));
    expect(hostile.svg).not.toContain('<b>');
  });

  it('explains bad input to the developer', () => {
    expect(() => buildCycleDiagram([{ id: 'a', title: 'A' }])).toThrow(/needs 2 to 5/);
    expect(() => buildCycleDiagram(stages, 'nope')).toThrow(/currentStageId "nope" is not one of the stages/);
    expect(() => buildCycleDiagram([{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }])).toThrow(/share an id/);
  });
});
