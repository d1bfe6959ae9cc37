import { describe, expect, it } from 'vitest';
import type { DeadlineResult, DeadlineTimeline } from '../../../src/tools/statutoryDeadlines.js';
import { assessmentDeadlines, refusalDeadlines } from '../../../src/tools/statutoryDeadlines.js';
import { PALETTE, estimateTextWidth } from '../../../src/tools/svgStyle.js';
import { buildTimelinePicture } from '../../../src/tools/timelinePicture.js';
import { contrastRatio, parseSvg } from '../../support/svgChecks.js';

function ok(result: DeadlineResult): DeadlineTimeline {
  if (result.kind !== 'ok') throw new Error('expected dates');
  return result;
}

const march = ok(assessmentDeadlines({ requestReceived: '2026-03-03', today: '2026-11-23' }));

const texts = (svg: string) => parseSvg(svg).filter((element) => element.name === 'text').map((element) => element.text);

describe('timeline picture as a standalone SVG', () => {
  const picture = buildTimelinePicture(march, '2026-11-23');
  const elements = parseSvg(picture.svg);
  const root = elements[0];

  it('is well-formed with xmlns, a 320-wide viewBox, a title and a description', () => {
    expect(root?.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root?.attributes.viewBox).toMatch(/^0 0 320 \d+(\.\d)?$/);
    expect(root?.attributes.role).toBe('img');
    const title = elements.find((element) => element.name === 'title');
    const desc = elements.find((element) => element.name === 'desc');
    expect(title?.text).toBe('Your EHC needs assessment request');
    expect(desc?.text).toBe(picture.alt);
    expect(root?.attributes['aria-labelledby']).toBe(`${title?.attributes.id} ${desc?.attributes.id}`);
  });

  it('shows request, 6, 16 and 20 weeks and today, in date order', () => {
    const shown = texts(picture.svg);
    const order = ['Council received the request', '6 weeks: decision to assess', '16 weeks: told if no plan', '20 weeks: final plan', 'Today'].map((label) => shown.indexOf(label));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(shown).toContain('Monday 23 November 2026');
  });

  it('marks today between the dates when it falls between them', () => {
    const between = texts(buildTimelinePicture(march, '2026-05-01').svg);
    const today = between.indexOf('Today');
    expect(today).toBeGreaterThan(between.indexOf('6 weeks: decision to assess'));
    expect(today).toBeLessThan(between.indexOf('16 weeks: told if no plan'));
  });

  it('says each status in words, not colour alone', () => {
    const shown = texts(buildTimelinePicture(march, '2026-04-10').svg);
    expect(shown).toContain('Due soon, in 4 days');
    expect(shown).toContain('Coming up, in over 2 months');
    expect(texts(picture.svg)).toContain('Passed, over 7 months ago');
    expect(texts(buildTimelinePicture(march, '2026-04-14').svg)).toContain('Due today');
  });

  it('fits every piece of text inside 320 pixels at a readable size', () => {
    for (const today of ['2026-03-03', '2026-04-14', '2026-11-23']) {
      for (const element of parseSvg(buildTimelinePicture(march, today).svg).filter((e) => e.name === 'text')) {
        const size = Number(element.attributes['font-size']);
        expect(size).toBeGreaterThanOrEqual(14);
        expect(Number(element.attributes.x) + estimateTextWidth(element.text, size)).toBeLessThanOrEqual(316);
      }
    }
  });

  it('uses text colours with at least 4.5:1 contrast on its white background', () => {
    expect(elements[1]?.name).toBe('title');
    for (const element of elements.filter((e) => e.name === 'text')) {
      expect(contrastRatio(element.attributes.fill ?? '', PALETTE.background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('describes itself in words', () => {
    expect(picture.alt).toBe(
      'Your EHC needs assessment request. A timeline of 4 dates. Council received the request: Tuesday 3 March 2026. ' +
        '6 weeks, decision to assess: Tuesday 14 April 2026, passed, over 7 months ago. ' +
        '16 weeks, told if no plan: Tuesday 23 June 2026, passed, 5 months ago. ' +
        '20 weeks, final plan: Tuesday 21 July 2026, passed, over 4 months ago. ' +
        'Today is Monday 23 November 2026. All of these dates have passed.',
    );
    expect(buildTimelinePicture(march, '2026-03-10').alt).toMatch(/None of these dates has passed yet\.$/);
    expect(buildTimelinePicture(march, '2026-05-01').alt).toMatch(/1 of these 3 dates has passed\.$/);
  });

  it('escapes text, so a title with markup stays text', () => {
    const hostile = buildTimelinePicture({ ...march, title: '<script>alert("x")</script> & co' }, '2026-11-23');
    expect(hostile.svg).not.toContain('<script>');
    expect(parseSvg(hostile.svg).find((element) => element.name === 'title')?.text).toBe('<script>alert("x")</script> & co');
  });

  it('draws the refusal dates too, with a certificate', () => {
    const refusal = ok(refusalDeadlines({ decisionDate: '2026-09-15', mediationCertificateDate: '2026-10-30', today: '2026-11-01' }));
    const shown = texts(buildTimelinePicture(refusal, '2026-11-01').svg);
    expect(shown).toEqual(expect.arrayContaining(['Date of the decision letter', '2 months: mediation adviser', '1 month after certificate']));
  });

  it('gives different pictures different element ids', () => {
    const other = buildTimelinePicture(march, '2026-05-01');
    const idOf = (svg: string) => parseSvg(svg).find((element) => element.name === 'title')?.attributes.id;
    expect(idOf(other.svg)).not.toBe(idOf(picture.svg));
  });
});
