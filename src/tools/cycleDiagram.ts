// A standalone SVG of a repeating cycle of stages (assess, plan, do, review), drawn from the flow's own stage list.
//
// The stages come in as data so the picture always matches the guided flow; the current stage, if given, is
// filled, outlined heavily and named in the middle, so it does not depend on colour alone.
import { escapeHtml } from './escapeText.js';
import type { Picture } from './timelinePicture.js';
import { FONT_FAMILY, PALETTE, PICTURE_WIDTH, n, svgIdPrefix, wrapText } from './svgStyle.js';

export interface CycleStage {
  id: string;
  title: string;
}

export interface CycleDiagramOptions {
  /** Picture title; defaults to "A cycle: Assess, Plan, Do, Review". */
  title?: string;
}

export const MIN_STAGES = 2;
export const MAX_STAGES = 5;

const CENTRE_X = PICTURE_WIDTH / 2;
const CENTRE_Y = 170;
const RADIUS = 100;
const HEIGHT = 340;
const TITLE_SIZE = 15;
const SMALL_SIZE = 12;
const BOX_GAP = 8;
const MIDDLE_WIDTH = 90;

const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five'] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  angle: number;
}

function pointAt(angle: number): { x: number; y: number } {
  return { x: CENTRE_X + RADIUS * Math.cos(angle), y: CENTRE_Y + RADIUS * Math.sin(angle) };
}

function inside(box: Box, point: { x: number; y: number }, margin: number): boolean {
  return (
    point.x >= box.x - box.width / 2 - margin && point.x <= box.x + box.width / 2 + margin &&
    point.y >= box.y - box.height / 2 - margin && point.y <= box.y + box.height / 2 + margin
  );
}

/** How far round the circle (radians) the arrow must start so it clears the box, found by stepping outwards. */
function clearance(box: Box, direction: 1 | -1): number {
  const step = Math.PI / 360;
  let offset = 0;
  while (offset < Math.PI && inside(box, pointAt(box.angle + direction * offset), 6)) offset += step;
  return offset;
}

function stageLines(title: string, width: number): string[] {
  return wrapText(title, TITLE_SIZE, width - 12, 2);
}

/** "A cycle of four stages: Assess, Plan, Do, Review, then back to Assess. You are at stage 2: Plan." */
export function cycleAltText(stages: readonly CycleStage[], currentStageId?: string): string {
  const titles = stages.map((stage) => stage.title);
  const count = COUNT_WORDS[stages.length] ?? String(stages.length);
  let alt = `A cycle of ${count} stages: ${titles.join(', ')}, then back to ${titles[0] ?? ''}.`;
  const index = stages.findIndex((stage) => stage.id === currentStageId);
  if (index >= 0) alt += ` You are at stage ${index + 1}: ${titles[index] ?? ''}.`;
  return alt;
}

/** `currentStageId`, when given, must be one of the stage ids: that stage is highlighted as "you are here". */
export function buildCycleDiagram(stages: readonly CycleStage[], currentStageId?: string, options: CycleDiagramOptions = {}): Picture {
  if (stages.length < MIN_STAGES || stages.length > MAX_STAGES) {
    throw new Error(`buildCycleDiagram(): got ${stages.length} stages because the flow's stage list is that long; a readable cycle needs ${MIN_STAGES} to ${MAX_STAGES}. Check the stages passed in.`);
  }
  const ids = new Set(stages.map((stage) => stage.id));
  if (ids.size !== stages.length) {
    throw new Error('buildCycleDiagram(): two stages share an id because stage ids must be unique. Fix the flow\'s stage list.');
  }
  const current = currentStageId;
  if (current !== undefined && !ids.has(current)) {
    throw new Error(`buildCycleDiagram(): currentStageId "${current}" is not one of the stages because it must match a stage id. Pass one of: ${[...ids].join(', ')}.`);
  }

  const title = options.title ?? `A cycle: ${stages.map((stage) => stage.title).join(', ')}`;
  const alt = cycleAltText(stages, current);
  const prefix = svgIdPrefix('cycle', `${title}|${stages.map((stage) => `${stage.id}=${stage.title}`).join('|')}|${current ?? ''}`);

  // Boxes sit on the circle; their width shrinks with more stages so that neighbours never touch.
  const chord = 2 * RADIUS * Math.sin(Math.PI / stages.length);
  const width = Math.min(104, chord - BOX_GAP);
  const boxes: Box[] = stages.map((stage, index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / stages.length;
    const lines = stageLines(stage.title, width);
    const { x, y } = pointAt(angle);
    return { x, y, width, height: 26 + lines.length * 18, angle };
  });

  const body: string[] = [];
  body.push(
    `<defs><marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
      `<path d="M0 0 L10 5 L0 10 Z" fill="${PALETTE.line}"/></marker></defs>`,
  );

  boxes.forEach((box, index) => {
    const next = boxes[(index + 1) % boxes.length];
    if (!next) return;
    const from = box.angle + clearance(box, 1);
    let to = next.angle - clearance(next, -1);
    if (to <= from) to += 2 * Math.PI;
    const start = pointAt(from);
    const end = pointAt(to);
    const largeArc = to - from > Math.PI ? 1 : 0;
    body.push(
      `<path d="M${n(start.x)} ${n(start.y)} A${RADIUS} ${RADIUS} 0 ${largeArc} 1 ${n(end.x)} ${n(end.y)}" fill="none" stroke="${PALETTE.line}" stroke-width="3" marker-end="url(#${prefix}-arrow)"/>`,
    );
  });

  stages.forEach((stage, index) => {
    const box = boxes[index];
    if (!box) return;
    const highlighted = stage.id === current;
    const left = box.x - box.width / 2;
    const top = box.y - box.height / 2;
    const fill = highlighted ? PALETTE.highlightFill : PALETTE.boxFill;
    const textColour = highlighted ? PALETTE.highlightText : PALETTE.text;
    const stroke = highlighted ? PALETTE.text : PALETTE.boxStroke;
    body.push(
      `<g${highlighted ? ' data-current="true"' : ''}>`,
      `<rect x="${n(left)}" y="${n(top)}" width="${n(box.width)}" height="${n(box.height)}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="${highlighted ? 4 : 2}"/>`,
      `<text x="${n(box.x)}" y="${n(top + 17)}" font-size="${SMALL_SIZE}" text-anchor="middle" fill="${textColour}">Stage ${index + 1}</text>`,
      ...stageLines(stage.title, box.width).map(
        (line, lineIndex) =>
          `<text x="${n(box.x)}" y="${n(top + 36 + lineIndex * 18)}" font-size="${TITLE_SIZE}" font-weight="bold" text-anchor="middle" fill="${textColour}">${escapeHtml(line)}</text>`,
      ),
      '</g>',
    );
  });

  const currentIndex = stages.findIndex((stage) => stage.id === current);
  // The middle names the current stage in words, so "you are here" never depends on colour.
  const middle = currentIndex >= 0 ? ['You are at', ...wrapText(stages[currentIndex]?.title ?? '', TITLE_SIZE, MIDDLE_WIDTH, 2)] : [];
  middle.forEach((line, index) => {
    const y = CENTRE_Y - ((middle.length - 1) * 18) / 2 + index * 18 + 5;
    const bold = index > 0 ? ' font-weight="bold"' : '';
    body.push(`<text x="${CENTRE_X}" y="${n(y)}" font-size="${TITLE_SIZE}" text-anchor="middle" fill="${PALETTE.text}"${bold}>${escapeHtml(line)}</text>`);
  });

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PICTURE_WIDTH} ${HEIGHT}" width="${PICTURE_WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${FONT_FAMILY}">`,
    `<title id="${prefix}-title">${escapeHtml(title)}</title>`,
    `<desc id="${prefix}-desc">${escapeHtml(alt)}</desc>`,
    `<rect width="${PICTURE_WIDTH}" height="${HEIGHT}" fill="${PALETTE.background}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
  return { svg, alt, title };
}
