// A standalone SVG timeline of a family's statutory dates with today marked, and alt text saying the same in words.
//
// Drawn top to bottom, not left to right, so that every label and date stays readable at 320 pixels wide.
// Today is a row of its own, placed in date order, so where the family is shows without any colour.
import { escapeHtml } from './escapeText.js';
import { durationText } from './durationText.js';
import type { DeadlineStatus, StatutoryDeadline } from './statutoryDeadlines.js';
import { deadlineStatus } from './statutoryDeadlines.js';
import { FONT_FAMILY, PALETTE, PICTURE_WIDTH, n, svgIdPrefix, wrapText } from './svgStyle.js';
import { formatUkDate, parseIsoDate } from './ukDate.js';

export interface TimelinePictureInput {
  title: string;
  start: { label: string; date: string };
  deadlines: readonly StatutoryDeadline[];
}

export interface Picture {
  svg: string;
  /** The picture in words, for screen readers and for SMS. */
  alt: string;
  title: string;
}

type Row =
  | { kind: 'start'; label: string; date: string }
  | { kind: 'deadline'; deadline: StatutoryDeadline; status: DeadlineStatus }
  | { kind: 'today'; date: string };

const AXIS_X = 26;
const TEXT_X = 48;
const ROW_HEIGHT = 70;
const LABEL_SIZE = 14;
const DETAIL_SIZE = 14;
const TITLE_SIZE = 16;

function statusWords(status: DeadlineStatus, date: string, today: string): string {
  if (date === today) return 'Due today';
  if (status === 'passed') return `Passed, ${durationText(date, today)} ago`;
  if (status === 'due-soon') return `Due soon, in ${durationText(today, date)}`;
  return `Coming up, in ${durationText(today, date)}`;
}

function statusColour(status: DeadlineStatus): string {
  if (status === 'passed') return PALETTE.passed;
  return status === 'due-soon' ? PALETTE.dueSoon : PALETTE.upcoming;
}

function rowsInOrder(input: TimelinePictureInput, today: string): Row[] {
  const rows: Row[] = [{ kind: 'start', label: input.start.label, date: input.start.date }];
  const sorted = [...input.deadlines].sort((a, b) => a.date.localeCompare(b.date));
  let todayPlaced = false;
  for (const deadline of sorted) {
    // Today goes after anything dated today or earlier, so a deadline due today sits just above the marker.
    if (!todayPlaced && deadline.date > today) {
      rows.push({ kind: 'today', date: today });
      todayPlaced = true;
    }
    rows.push({ kind: 'deadline', deadline, status: deadlineStatus(deadline.date, today) });
  }
  if (!todayPlaced) rows.push({ kind: 'today', date: today });
  return rows;
}

function text(x: number, y: number, size: number, colour: string, content: string, bold = false): string {
  const weight = bold ? ' font-weight="bold"' : '';
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" fill="${colour}"${weight}>${escapeHtml(content)}</text>`;
}

/** Describes the timeline in words, in the same order as the picture. */
export function timelineAltText(input: TimelinePictureInput, today: string): string {
  const sorted = [...input.deadlines].sort((a, b) => a.date.localeCompare(b.date));
  const parts = [`${input.title}. A timeline of ${sorted.length + 1} dates.`, `${input.start.label}: ${formatUkDate(input.start.date)}.`];
  for (const deadline of sorted) {
    const status = statusWords(deadlineStatus(deadline.date, today), deadline.date, today).toLowerCase();
    parts.push(`${deadline.shortLabel.replace(': ', ', ')}: ${deadline.dateText}, ${status}.`);
  }
  const passed = sorted.filter((deadline) => deadline.date < today).length;
  const passedText = passed === sorted.length ? 'All of these dates have passed.' : passed === 0 ? 'None of these dates has passed yet.' : `${passed} of these ${sorted.length} dates ${passed === 1 ? 'has' : 'have'} passed.`;
  parts.push(`Today is ${formatUkDate(today)}. ${passedText}`);
  return parts.join(' ');
}

export function buildTimelinePicture(input: TimelinePictureInput, today: string): Picture {
  parseIsoDate(today, 'buildTimelinePicture() (today)');
  parseIsoDate(input.start.date, 'buildTimelinePicture() (start.date)');
  const rows = rowsInOrder(input, today);
  const alt = timelineAltText(input, today);
  const ids = svgIdPrefix('timeline', `${input.title}|${input.start.date}|${today}|${input.deadlines.map((d) => `${d.id}:${d.date}`).join(',')}`);

  const titleLines = wrapText(input.title, TITLE_SIZE, PICTURE_WIDTH - 2 * 12, 2);
  const top = 12 + titleLines.length * 22 + 20;
  const height = top + rows.length * ROW_HEIGHT - 20;
  const rowY = (index: number) => top + index * ROW_HEIGHT;
  const todayIndex = rows.findIndex((row) => row.kind === 'today');

  const body: string[] = [];
  titleLines.forEach((line, index) => body.push(text(12, 12 + (index + 1) * 20, TITLE_SIZE, PALETTE.text, line, true)));
  // Solid axis for the time already gone, dashed for what is still to come.
  body.push(`<line x1="${AXIS_X}" y1="${n(rowY(0))}" x2="${AXIS_X}" y2="${n(rowY(todayIndex))}" stroke="${PALETTE.line}" stroke-width="4"/>`);
  if (todayIndex < rows.length - 1) {
    body.push(`<line x1="${AXIS_X}" y1="${n(rowY(todayIndex))}" x2="${AXIS_X}" y2="${n(rowY(rows.length - 1))}" stroke="${PALETTE.line}" stroke-width="3" stroke-dasharray="6 5"/>`);
  }

  rows.forEach((row, index) => {
    const y = rowY(index);
    if (row.kind === 'today') {
      body.push(`<path d="M${AXIS_X - 12} ${n(y)} L${AXIS_X} ${n(y - 9)} L${AXIS_X + 12} ${n(y)} L${AXIS_X} ${n(y + 9)} Z" fill="${PALETTE.today}"/>`);
      body.push(text(TEXT_X, y + 5, LABEL_SIZE, PALETTE.today, 'Today', true));
      body.push(text(TEXT_X, y + 24, DETAIL_SIZE, PALETTE.today, formatUkDate(row.date)));
      return;
    }
    if (row.kind === 'start') {
      body.push(`<circle cx="${AXIS_X}" cy="${n(y)}" r="8" fill="${PALETTE.passed}"/>`);
      body.push(text(TEXT_X, y + 5, LABEL_SIZE, PALETTE.text, row.label, true));
      body.push(text(TEXT_X, y + 24, DETAIL_SIZE, PALETTE.text, formatUkDate(row.date)));
      return;
    }
    const colour = statusColour(row.status);
    body.push(
      row.status === 'passed'
        ? `<circle cx="${AXIS_X}" cy="${n(y)}" r="8" fill="${colour}"/>`
        : `<circle cx="${AXIS_X}" cy="${n(y)}" r="8" fill="${PALETTE.background}" stroke="${colour}" stroke-width="4"/>`,
    );
    body.push(text(TEXT_X, y + 5, LABEL_SIZE, PALETTE.text, row.deadline.shortLabel, true));
    body.push(text(TEXT_X, y + 24, DETAIL_SIZE, PALETTE.text, row.deadline.dateText));
    body.push(text(TEXT_X, y + 43, DETAIL_SIZE, colour, statusWords(row.status, row.deadline.date, today)));
  });

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PICTURE_WIDTH} ${n(height)}" width="${PICTURE_WIDTH}" height="${n(height)}" role="img" aria-labelledby="${ids}-title ${ids}-desc" font-family="${FONT_FAMILY}">`,
    `<title id="${ids}-title">${escapeHtml(input.title)}</title>`,
    `<desc id="${ids}-desc">${escapeHtml(alt)}</desc>`,
    `<rect width="${PICTURE_WIDTH}" height="${n(height)}" fill="${PALETTE.background}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
  return { svg, alt, title: input.title };
}
