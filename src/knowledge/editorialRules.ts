// Rules about whether content is complete and good enough to publish: required topics, distinct examples, plain
// English, and the EHC rights floor. Breaking them fails the content check but does not stop the bot loading.
import type { ContentProblem } from './contentProblem.js';
import type { ParsedContent } from './parseContent.js';
import { READABILITY_LIMITS } from './readabilityLimits.js';
import type { ReadabilityReport } from './readability.js';
import { missingRightsFloorPoints, rightsFloorApplies } from './rightsFloor.js';

/** A readability measurement of one body of text: the parent answer ("body") or the staff answer ("staff.body"). */
export interface MeasuredBody {
  topicId: string;
  file: string;
  field: 'body' | 'staff.body';
  report: ReadabilityReport;
}

export function requiredTopicsPresent(content: ParsedContent, options: { requiredTopicIds: readonly string[]; contentLabel: string }): ContentProblem[] {
  // Look at file names too, so a required topic that exists but fails its schema is not also reported as missing.
  const present = new Set([...content.topics.map((t) => t.id), ...content.topicFileIds]);
  return options.requiredTopicIds
    .filter((id) => !present.has(id))
    .map((id) => ({
      file: `${options.contentLabel}/topics/${id}.md`,
      field: '(file)',
      message: `is missing: "${id}" is a required topic`,
      fix: 'Write it; content/README.md shows the format',
      rule: 'required-topics',
    }));
}

export function requiredFilesPresent(content: ParsedContent, options: { contentLabel: string; hasGlossary: boolean; hasNational: boolean }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!options.hasGlossary) {
    problems.push({ file: `${options.contentLabel}/glossary.yaml`, field: '(file)', message: 'is missing', fix: 'Create it: a list of terms, see content/README.md', rule: 'required-files' });
  }
  if (!options.hasNational) {
    problems.push({ file: `${options.contentLabel}/services/national.yaml`, field: '(file)', message: 'is missing', fix: 'Create it: the national services, see content/README.md', rule: 'required-files' });
  }
  if (content.councils.length === 0) {
    problems.push({ file: `${options.contentLabel}/services/councils`, field: '(file)', message: 'has no council records', fix: 'Run npm run content:councils to create them', rule: 'required-files' });
  }
  return problems;
}

/** Lower case, no punctuation, single spaces: "What's SEN?" and "whats  sen" are the same example. */
export function normaliseExample(text: string): string {
  return text.toLowerCase().replace(/['’‘`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Each example trains one label only: a repeat, within or across topics or control intents, confuses the classifier. */
export function examplesUnique(content: ParsedContent): ContentProblem[] {
  const seen = new Map<string, string>();
  const problems: ContentProblem[] = [];
  const visit = (file: string, field: string, label: string, example: string) => {
    const key = normaliseExample(example);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, `${file} (${field}, ${label})`);
      return;
    }
    problems.push({
      file,
      field,
      message: `"${example}" repeats an example already in ${first}`,
      fix: 'Each question may train only one answer: reword it or remove one of the two (case, spaces and punctuation are ignored when comparing)',
      rule: 'unique-examples',
    });
  };
  for (const topic of content.topics) topic.examples.forEach((example, index) => visit(topic.file, `examples.${index}`, `topic ${topic.id}`, example));
  for (const intent of content.intents) intent.examples.forEach((example, index) => visit(intent.file, `examples.${index}`, `intent ${intent.intent}`, example));
  return problems;
}

function quote(sentence: string, words = 10): string {
  const parts = sentence.split(/\s+/);
  return parts.length > words ? `${parts.slice(0, words).join(' ')} …` : sentence;
}

export function readabilityWithinLimits(bodies: MeasuredBody[]): ContentProblem[] {
  const limits = READABILITY_LIMITS;
  const problems: ContentProblem[] = [];
  for (const { file, field, report } of bodies) {
    for (const sentence of report.sentenceList) {
      if (sentence.words > limits.maxSentenceWords) {
        problems.push({
          file,
          field,
          message: `has a sentence of ${sentence.words} words, over ${limits.maxSentenceWords}: "${quote(sentence.text)}"`,
          fix: 'Split it into two or more sentences, or make a list',
          rule: 'readability-sentence-length',
        });
      }
    }
    if (report.averageSentenceLength > limits.maxAverageSentenceWords) {
      problems.push({
        file,
        field,
        message: `averages ${report.averageSentenceLength} words a sentence, over ${limits.maxAverageSentenceWords}`,
        fix: 'Split long sentences; aim for 10 to 12 words on average',
        rule: 'readability-average',
      });
    }
    if (report.readingEase < limits.minReadingEase) {
      problems.push({
        file,
        field,
        message: `has a reading ease of ${report.readingEase}, under ${limits.minReadingEase}`,
        fix: 'Use shorter sentences and shorter, everyday words (aim for 70 or more)',
        rule: 'readability-ease',
      });
    }
    if (report.grade > limits.maxGrade) {
      problems.push({
        file,
        field,
        message: `has a reading grade of ${report.grade}, over ${limits.maxGrade}`,
        fix: 'Use shorter sentences and words of fewer syllables (aim for grade 6)',
        rule: 'readability-grade',
      });
    }
  }
  return problems;
}

/** EHC topics must each tell a parent their basic rights (DESIGN.md, "The rights floor"), in the parent answer. */
export function rightsFloorStated(bodies: MeasuredBody[]): ContentProblem[] {
  return bodies
    .filter((body) => body.field === 'body' && rightsFloorApplies(body.topicId))
    .flatMap(({ file, report }) =>
      missingRightsFloorPoints(report.sentenceList.map((s) => s.text)).map((point) => ({
        file,
        field: 'body',
        message: `does not say ${point.missing}, which every EHC topic must`,
        fix: `Add a sentence such as "${point.example}"`,
        rule: 'rights-floor',
      })),
    );
}
