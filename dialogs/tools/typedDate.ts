// The date a person typed, as the language layer read it (British order), and whether they gave the year.
import type { TurnInput } from '../turnInput.js';

export type TypedDate =
  | { kind: 'date'; date: string; withYear: boolean }
  | { kind: 'none' };

// "2015", or the year of a numeric date ("12/03/15"): without one, a recogniser guesses the year.
const HAS_YEAR = /\b\d{4}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/;

export function typedDate(input: TurnInput): TypedDate {
  const found = input.understanding.entities.dates[0];
  if (!found) return { kind: 'none' };
  return { kind: 'date', date: found.date, withYear: HAS_YEAR.test(found.text) };
}
