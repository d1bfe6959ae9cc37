// The rights floor for EHC needs assessment topics: what every ehc-* topic must tell a parent, checked by phrase patterns.
// Source: Children and Families Act 2014 s36(1) (parent or young person may request); no prescribed form (IPSEA, see
// facts.md 28); SEND Regulations 2014 reg 4(1) and 5(1) (decision within 6 weeks).

export interface RightsFloorPoint {
  key: 'request-themselves' | 'no-set-form' | 'in-writing' | 'six-weeks';
  /** What the topic fails to say, for the problem message. */
  missing: string;
  /** A sentence the author could adapt. */
  example: string;
  /** True when at least one sentence says it. */
  saidIn(sentences: string[]): boolean;
}

const WHO = String.raw`\b(you|parents?|carers?|families|a family|young (person|people))\b`;
const CAN = String.raw`\b(can|may|could|are (allowed|able|free) to|is (allowed|able|free) to|have the right to|has the right to)\b`;
const ASK = String.raw`\b(ask|asks|request|requests|apply|applies|write|make (the|a|your|their) request)\b`;
const OWN = String.raw`\b(yourself|themselves|myself|directly|on your own|the council|your council|local authority|the la|assessment)\b`;

/** Curly apostrophes become straight ones, so "council’s" and "council's" match the same pattern. */
const straighten = (sentences: string[]) => sentences.map((s) => s.replace(/[’‘]/g, "'"));
const anySentence = (patterns: RegExp[]) => (sentences: string[]) => straighten(sentences).some((s) => patterns.some((p) => p.test(s)));

export const RIGHTS_FLOOR: RightsFloorPoint[] = [
  {
    key: 'request-themselves',
    missing: 'that a parent (or a young person aged 16 to 25) can ask the council for the assessment themselves',
    example: 'You can ask the council for an EHC needs assessment yourself.',
    saidIn: (sentences) =>
      straighten(sentences).some(
        (s) =>
          (new RegExp(`${WHO}.*${CAN}.*${ASK}`, 'i').test(s) && new RegExp(OWN, 'i').test(s)) ||
          (/\b(yourself|themselves)\b/i.test(s) && new RegExp(ASK, 'i').test(s)),
      ),
  },
  {
    key: 'no-set-form',
    missing: 'that there is no set form to fill in',
    example: 'There is no form you have to use.',
    saidIn: anySentence([
      /\bno (set |special |particular |required |official |standard |council )?forms?\b/i,
      /\b(do not|don't|does not|doesn't|never|not) (have|need|required?) to (use|fill in|fill out|complete) (a|an|any|the council's|its|their)( own)?( special| set| official| particular)? forms?\b/i,
      /\b(do not|don't|does not|doesn't) need (a|an|any)( special| set| official| particular)? forms?\b/i,
      /\bwithout (using |filling in )?(a|an|any)( special| set| official| particular)? forms?\b/i,
      /\b(cannot|can't|can not|must not) (insist on|make you use|require|demand)( you use)? (a|its|their|the council's)( own)? forms?\b/i,
      /\bany (form|format|way)\b.*\b(you like|is fine|will do|counts)\b/i,
    ]),
  },
  {
    key: 'in-writing',
    missing: 'that the request is made in writing (a letter or an email)',
    example: 'Write a letter or an email to the council.',
    saidIn: anySentence([/\bin writing\b/i, /\bwrit(e|ing)\b/i, /\b(letter|e-?mail)\b/i]),
  },
  {
    key: 'six-weeks',
    missing: 'that the council must decide within 6 weeks of getting the request',
    example: 'The council must tell you within 6 weeks if it will assess.',
    saidIn: anySentence([/\b(6|six)[\s-]+weeks?\b/i]),
  },
];

/** Topics the rights floor applies to: every topic about EHC needs assessments and plans. */
export function rightsFloorApplies(topicId: string): boolean {
  return topicId.startsWith('ehc-');
}

export function missingRightsFloorPoints(sentences: string[]): RightsFloorPoint[] {
  return RIGHTS_FLOOR.filter((point) => !point.saidIn(sentences));
}
