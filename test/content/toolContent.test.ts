// The tools' content checked as data: every line present and readable, flows pointing only at real tools, the
// disagreement journey the only one started by its topic, and the rights floor on the EHC paths.
import { describe, expect, it } from 'vitest';
import { DialogIds, ToolDialogs } from '../../dialogs/dialogIds.js';
import { createToolDialogs } from '../../dialogs/tools/createToolDialogs.js';
import type { GuideServices } from '../../dialogs/GuideServices.js';
import { checkFlow } from '../../src/knowledge/checkFlows.js';
import { flowSchema, type Flow } from '../../src/knowledge/flowSchema.js';
import { markdownToBlocks } from '../../src/knowledge/plainText.js';
import { measureBlocks, splitSentences } from '../../src/knowledge/readability.js';
import { READABILITY_LIMITS } from '../../src/knowledge/readabilityLimits.js';
import { missingRightsFloorPoints } from '../../src/knowledge/rightsFloor.js';
import { TOOL_TEXT_KEYS, loadToolContent, type ToolId } from '../../src/knowledge/toolTexts.js';
import { loadParts } from '../support/guideHarness.js';

const { knowledge } = await loadParts();
const tools = loadToolContent();
const flows = new Map<string, Flow>([...knowledge.flows].map(([id, raw]) => [id, flowSchema.parse(raw)]));
const flow = (id: string) => flows.get(id) as Flow;
const stepSay = (flowId: string, stepId: string) => flow(flowId).steps.find((step) => step.id === stepId)?.say ?? [];

describe('tool dialogs and tool ids', () => {
  it('has a dialog for every tool a flow or the menu can start, and the tool ids are the ones content uses', () => {
    const ids = createToolDialogs({ councils: [], tools } as unknown as GuideServices).map((dialog) => dialog.id).sort();
    expect(ids).toEqual(Object.values(ToolDialogs).sort());
    expect(Object.keys(ToolDialogs).sort()).toEqual(Object.keys(TOOL_TEXT_KEYS).sort());
    expect(ToolDialogs.sendiass).toBe(DialogIds.sendiass);
  });

  it('has flows that reach only real steps, topics, flows and tools', () => {
    const refs = { topicIds: new Set(knowledge.topics.keys()), flowIds: new Set(flows.keys()), toolIds: new Set(Object.keys(ToolDialogs)) };
    const problems = [...flows.values()].flatMap((candidate) => checkFlow(candidate, `content/flows/${candidate.id}.yaml`, refs));
    expect(problems).toEqual([]);
  });

  it('starts each topic\'s flow from one flow only; disagree-with-school starts the disagreement journey', () => {
    const starters = [...flows.values()].flatMap((candidate) => candidate.startsFrom.map((topic) => ({ topic, flow: candidate.id })));
    const topics = starters.map((starter) => starter.topic);
    expect(topics.filter((topic, index) => topics.indexOf(topic) !== index)).toEqual([]);
    expect(starters.filter((starter) => starter.topic === 'disagree-with-school')).toEqual([{ topic: 'disagree-with-school', flow: 'disagree' }]);
  });

  it('ends the EHC journey with the letter builder, the deadline calculator and the SENDIASS hand-off', () => {
    const targets = new Set(flow('ehc-assessment').steps.flatMap((step) => step.choices.map((choice) => choice.next)));
    for (const tool of ['tool:request-letter', 'tool:deadlines', 'tool:sendiass']) expect(targets).toContain(tool);
    const evidence = flow('ehc-assessment').steps.find((step) => step.id === 'evidence')?.choices.map((choice) => choice.next);
    expect(evidence).toEqual(['tool:request-letter', 'tool:deadlines', 'tool:sendiass', 'menu']);
  });

  it('ends every path of the disagreement journey with the SENDIASS hand-off on offer', () => {
    const disagree = flow('disagree');
    const endings = disagree.steps.filter((step) => !step.choices.some((choice) => disagree.steps.some((other) => other.id === choice.next && other.id !== step.id)));
    expect(endings.map((step) => step.id).sort()).toEqual(['council', 'school-complaint', 'sorted']);
    for (const step of endings) expect(step.choices.map((choice) => choice.next), step.id).toContain('tool:sendiass');
    expect(disagree.steps.find((step) => step.id === 'council')?.choices.map((choice) => choice.next)).toContain('tool:deadlines');
  });
});

describe('the rights floor on EHC paths (DESIGN.md)', () => {
  it.each([
    ['ehc-assessment', 'intro'],
    ['disagree', 'school-complaint'],
  ])('%s / %s says a parent can ask themselves, in writing, with no set form, and the 6 weeks', (flowId, stepId) => {
    const sentences = stepSay(flowId, stepId).flatMap((markdown) => markdownToBlocks(markdown)).flatMap(splitSentences);
    expect(missingRightsFloorPoints(sentences).map((point) => point.key)).toEqual([]);
  });
});

describe('readability of what the tools and new flows say', () => {
  const toolLines = (Object.keys(TOOL_TEXT_KEYS) as ToolId[]).flatMap((toolId) =>
    (TOOL_TEXT_KEYS[toolId] as readonly string[]).flatMap((key) => {
      const lines = tools.texts[toolId] as { get(key: string, channel?: 'sms'): string };
      return [...new Set([lines.get(key), lines.get(key, 'sms')])].map((text) => ({ where: `content/tools/${toolId}.yaml ${key}`, text }));
    }),
  );
  const flowLines = ['ehc-assessment', 'disagree'].flatMap((flowId) =>
    flow(flowId).steps.flatMap((step) => [...step.say, ...(step.ask ? [step.ask] : [])].map((text) => ({ where: `content/flows/${flowId}.yaml ${step.id}`, text }))),
  );

  it(`keeps every sentence to ${READABILITY_LIMITS.maxSentenceWords} words or fewer`, () => {
    const long = [...toolLines, ...flowLines].flatMap(({ where, text }) =>
      measureBlocks(markdownToBlocks(text)).sentenceList.filter((sentence) => sentence.words > READABILITY_LIMITS.maxSentenceWords).map((sentence) => `${where}: ${sentence.text}`),
    );
    expect(long).toEqual([]);
  });

  it.each([
    ['the tool lines', toolLines],
    ['the EHC and disagreement journeys', flowLines],
  ])('keeps %s within the house limits for average length, reading ease and grade', (_name, entries) => {
    const report = measureBlocks(entries.flatMap(({ text }) => markdownToBlocks(text)));
    expect(report.averageSentenceLength).toBeLessThanOrEqual(READABILITY_LIMITS.maxAverageSentenceWords);
    expect(report.readingEase).toBeGreaterThanOrEqual(READABILITY_LIMITS.minReadingEase);
    expect(report.grade).toBeLessThanOrEqual(READABILITY_LIMITS.maxGrade);
  });
});
