// Finds the council a person means from what they typed ("cambs", "brum", "cornwal", "city of york"), tolerating typos.
//
// How: names are reduced to meaningful tokens (no "council", "borough", "city of" ...), common short forms are
// expanded ("herts", "yorks"), and each council's names are scored against the query by token similarity
// (exact, "shire" stem, prefix, Damerau-Levenshtein distance). A clear winner is a match; close scores, or a
// query that only covers part of a name ("cheshire", "kingston"), give a short list to choose from.
import type { CouncilRecord } from '../knowledge/types.js';

export type CouncilLookupResult =
  | { kind: 'match'; council: CouncilRecord }
  /** Ask the person to choose, or to confirm when there is one option ("Did you mean West Berkshire?"). */
  | { kind: 'ambiguous'; options: CouncilRecord[] }
  | { kind: 'none' };

export const MAX_OPTIONS = 5;
const MIN_SCORE = 0.6;
const MATCH_SCORE = 0.85;
const EXACT_SCORE = 0.98;
const CLEAR_LEAD = 0.1;
const CLOSE_TO_BEST = 0.15;

// Words that do not tell councils apart, plus the filler of a typed answer ("I live in Leeds please").
const STOPWORDS = new Set([
  'council', 'county', 'city', 'of', 'the', 'borough', 'boro', 'metropolitan', 'district', 'london', 'royal',
  'corporation', 'ua', 'mbc', 'mdc', 'cc', 'and', 'with', 'upon', 'on', 'in', 'i', 'im', 'we', 're', 'live',
  'my', 'our', 'area', 'from', 'at', 'near', 'please', 'uk', 'england', 'local', 'authority', 'la',
]);

// A query made only of these is too broad to name one council.
const TOO_BROAD = new Set(['london', 'england', 'uk', 'north', 'south', 'east', 'west', 'central', 'greater']);

// Everyday short forms of county and city names, as people type them.
const TOKEN_EXPANSIONS: Record<string, string> = {
  beds: 'bedfordshire', berks: 'berkshire', brum: 'birmingham', bucks: 'buckinghamshire', cambs: 'cambridgeshire',
  derbys: 'derbyshire', glos: 'gloucestershire', gloucs: 'gloucestershire', hants: 'hampshire', herts: 'hertfordshire',
  lancs: 'lancashire', leics: 'leicestershire', lincs: 'lincolnshire', northants: 'northamptonshire',
  notts: 'nottinghamshire', oxon: 'oxfordshire', saint: 'st', staffs: 'staffordshire', wilts: 'wiltshire',
  worcs: 'worcestershire', yorks: 'yorkshire',
};

// Whole-query initialisms (matched on the query with spaces removed).
const QUERY_EXPANSIONS: Record<string, string> = {
  banes: 'bath and north east somerset', bnes: 'bath and north east somerset', bandnes: 'bath and north east somerset',
  bcp: 'bournemouth christchurch and poole', rbkc: 'kensington and chelsea', lbhf: 'hammersmith and fulham',
  mk: 'milton keynes', iow: 'isle of wight', ery: 'east riding of yorkshire', cwac: 'cheshire west and chester',
};

function rawTokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '');
}

/** Meaningful tokens of a name or query; `keepIfEmpty` falls back to every token when all are stopwords. */
export function councilNameTokens(text: string, keepIfEmpty = true): string[] {
  let tokens = rawTokens(text);
  const expanded = QUERY_EXPANSIONS[tokens.join('')];
  if (expanded) tokens = rawTokens(expanded);
  tokens = tokens.map((token) => TOKEN_EXPANSIONS[token] ?? token);
  const meaningful = tokens.filter((token) => !STOPWORDS.has(token));
  if (meaningful.length > 0) return meaningful;
  return keepIfEmpty ? tokens : [];
}

/** Optimal-string-alignment Damerau-Levenshtein distance: insertions, deletions, substitutions, adjacent swaps. */
export function damerauLevenshtein(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  return length >= 4 ? 1 : 0;
}

const shireStem = (token: string) => token.replace(/shire$/, '');

/** How alike a typed token is to a name token, 0 to 1. */
function tokenSimilarity(typed: string, name: string): number {
  if (typed === name) return 1;
  let best = 0;
  const typedStem = shireStem(typed);
  if (typedStem.length >= 4 && typedStem === shireStem(name)) best = 0.8;
  if (typed.length >= 4 && name.startsWith(typed)) best = Math.max(best, 0.6 + (0.3 * typed.length) / name.length);
  const longest = Math.max(typed.length, name.length);
  const distance = damerauLevenshtein(typed, name);
  if (distance <= allowedEdits(Math.min(typed.length, name.length))) best = Math.max(best, 1 - distance / longest);
  return best;
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Score of a query against one name: the mean of how well the query is covered and how well the name is covered. */
function nameScore(query: string[], name: string[]): number {
  if (query.join(' ') === name.join(' ')) return 1;
  const compactQuery = query.join('');
  const compactName = name.join('');
  if (compactQuery === compactName) return 0.98;
  const precision = average(query.map((typed) => Math.max(0, ...name.map((token) => tokenSimilarity(typed, token)))));
  const recall = average(name.map((token) => Math.max(0, ...query.map((typed) => tokenSimilarity(typed, token)))));
  let score = (precision + recall) / 2;
  // Run-together or split words ("northyorkshire", "tower hamelts") compared as one string.
  if (compactName.length >= 8) {
    const distance = damerauLevenshtein(compactQuery, compactName);
    if (distance <= 2) score = Math.max(score, 1 - distance / Math.max(compactQuery.length, compactName.length));
  }
  return score;
}

interface IndexedName {
  tokens: string[];
  /** Every word run together, filler included ("cityoflondon"), to catch a typo inside a filler word. */
  raw: string;
}

interface IndexedCouncil {
  council: CouncilRecord;
  names: IndexedName[];
}

function scoreName(query: IndexedName, name: IndexedName): number {
  const score = nameScore(query.tokens, name.tokens);
  if (score >= 1 || name.raw.length < 8) return score;
  const distance = damerauLevenshtein(query.raw, name.raw);
  return distance <= 1 ? Math.max(score, 1 - distance / Math.max(query.raw.length, name.raw.length)) : score;
}

export type CouncilMatcher = (text: string) => CouncilLookupResult;

/** Prepares the councils once; the returned function answers each query. */
export function createCouncilMatcher(councils: readonly CouncilRecord[]): CouncilMatcher {
  const indexed: IndexedCouncil[] = councils.map((council) => {
    const seen = new Set<string>();
    const names: IndexedName[] = [];
    const add = (text: string, primary: boolean) => {
      const tokens = councilNameTokens(text, primary);
      const key = tokens.join(' ');
      if (tokens.length > 0 && !seen.has(key)) {
        seen.add(key);
        names.push({ tokens, raw: rawTokens(text).join('') });
      }
    };
    add(council.name, true);
    add(council.officialName, true);
    for (const alt of council.altNames) add(alt, false);
    return { council, names };
  });

  return (text: string) => {
    const typed = text.slice(0, 200);
    const query: IndexedName = { tokens: councilNameTokens(typed), raw: rawTokens(typed).join('') };
    if (query.tokens.length === 0 || query.tokens.every((token) => TOO_BROAD.has(token))) return { kind: 'none' };
    const scored = indexed
      .map(({ council, names }) => ({ council, score: Math.max(...names.map((name) => scoreName(query, name))) }))
      .filter((entry) => entry.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.council.name.localeCompare(b.council.name));
    const best = scored[0];
    if (!best) return { kind: 'none' };
    const second = scored[1];
    // An exact name wins over near-spellings of another council (Herefordshire, Hertfordshire).
    const exactWins = best.score >= EXACT_SCORE && (!second || second.score < EXACT_SCORE);
    if (best.score >= MATCH_SCORE && (!second || best.score - second.score >= CLEAR_LEAD || exactWins)) {
      return { kind: 'match', council: best.council };
    }
    const options = scored.filter((entry) => entry.score >= best.score - CLOSE_TO_BEST).slice(0, MAX_OPTIONS);
    return { kind: 'ambiguous', options: options.map((entry) => entry.council) };
  };
}

/** One-off lookup; for many lookups, build a matcher once with createCouncilMatcher(). */
export function lookupCouncil(text: string, councils: readonly CouncilRecord[]): CouncilLookupResult {
  return createCouncilMatcher(councils)(text);
}
