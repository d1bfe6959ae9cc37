// Words with their dictionary syllable counts (British English), the ground truth for the syllable counter's tests.
export const SYLLABLE_REFERENCE: Record<string, number> = {
  // one syllable
  the: 1, cat: 1, sat: 1, mat: 1, school: 1, child: 1, help: 1, make: 1, makes: 1, time: 1, times: 1, asked: 1,
  called: 1, plan: 1, plans: 1, you: 1, your: 1, year: 1, years: 1, need: 1, needs: 1, should: 1, would: 1, must: 1,
  write: 1, wrote: 1, form: 1, weeks: 1, week: 1, ask: 1, said: 1, tried: 1, through: 1, thought: 1, strength: 1,
  where: 1, there: 1, here: 1, were: 1, are: 1, more: 1, some: 1, come: 1, done: 1, give: 1, have: 1, love: 1,
  praise: 1, judge: 1, age: 1, change: 1, place: 1, rights: 1, speak: 1, team: 1, head: 1, great: 1, free: 1,
  agree: 2, three: 1, these: 1, those: 1, whole: 1, known: 1, shown: 1, own: 1, based: 1, used: 1, closed: 1,
  // two syllables
  table: 2, little: 2, people: 2, parent: 2, parents: 2, teacher: 2, teachers: 2, support: 2, wanted: 2, needed: 2,
  changes: 2, places: 2, uses: 2, letter: 2, answer: 2, review: 2, reviews: 2, meeting: 2, about: 2, after: 2,
  doing: 2, going: 2, being: 2, seeing: 2, quiet: 2, diet: 2, client: 2, social: 2, special: 2, safely: 2,
  statement: 2, careful: 2, useful: 2, lonely: 2, lately: 2, likely: 2, unique: 2, issue: 2, value: 2, english: 2,
  settings: 2, college: 2, colleges: 3, email: 2, decide: 2, advice: 2, also: 2, into: 2, under: 2, other: 2,
  many: 2, any: 2, only: 2, even: 2, early: 2, always: 2, reason: 2, reasons: 2, happen: 2, problem: 2, council: 2,
  plenty: 2, needing: 2, written: 2, within: 2, request: 2, records: 2, report: 2, progress: 2, extra: 2, able: 2,
  patient: 2, science: 2, someone: 2, something: 2, sometimes: 2, before: 2, cannot: 2, struggle: 2, struggles: 2,
  // three syllables
  family: 3, area: 3, idea: 3, usual: 3, actual: 3, annual: 3, media: 3, radio: 3, video: 3, period: 3, medium: 3,
  assessment: 3, important: 3, difficult: 3, another: 3, remember: 3, together: 3, however: 3, decided: 3,
  provided: 3, expected: 3, happening: 3, therapist: 3, counselling: 3, assistant: 3, agreement: 3, involvement: 3,
  autism: 3, serious: 3, previous: 3, various: 3, obvious: 3, earlier: 3, easier: 3, happier: 3, carrier: 3,
  document: 3, evidence: 3, specialist: 3, understand: 3, everyone: 3, continue: 3, different: 3, several: 3,
  education: 4, advocate: 3, confident: 3, consider: 3, available: 4, anything: 3, potential: 3, official: 3,
  // four or more
  individual: 5, educational: 5, disability: 5, psychologist: 4, information: 4, situation: 4, experience: 4,
  identify: 4, identified: 4, appropriate: 4, responsible: 4, especially: 4, particular: 4, immediately: 5,
  communication: 5, relationship: 4, necessary: 4, opportunity: 5, independent: 4, evaluation: 5, gradually: 4,
  confidential: 4, curriculum: 4, impartial: 3, mediation: 4, tribunal: 3, authority: 4, authorities: 4,
  co: 1, ordinator: 4, differentiation: 6, dyslexia: 4, diagnosis: 4, physical: 3, emotional: 4, interaction: 4,
};
