import { describe, expect, it } from 'vitest';
import { ToolDialogs } from '../../../dialogs/dialogIds.js';
import { checkFlow } from '../../../src/knowledge/checkFlows.js';
import { flowSchema } from '../../../src/knowledge/flowSchema.js';
import { TOOL_IDS } from '../../../src/knowledge/toolIds.js';

const refs = { topicIds: new Set(['senco', 'stage-plan']), flowIds: new Set(['other']), toolIds: new Set<string>(TOOL_IDS) };

function flowWith(steps: unknown[], extra: Record<string, unknown> = {}) {
  return flowSchema.parse({ id: 'demo', title: 'Demo', description: 'A demo', menuTitle: 'Demo', start: 'one', steps, ...extra });
}

const rulesBroken = [
  {
    name: 'a choice naming a step that does not exist',
    flow: () => flowWith([{ id: 'one', ask: 'Go?', choices: [{ title: 'Go', next: 'nowhere' }] }]),
    field: 'steps[0].choices[0].next',
    message: /no step "nowhere"/,
  },
  {
    name: 'a topic that does not exist',
    flow: () => flowWith([{ id: 'one', topic: 'no-such-topic', next: 'end' }]),
    field: 'steps[0].topic',
    message: /no topic "no-such-topic"/,
  },
  {
    name: 'a tool that does not exist',
    flow: () => flowWith([{ id: 'one', ask: 'Go?', choices: [{ title: 'Go', next: 'tool:teleport' }] }]),
    field: 'steps[0].choices[0].next',
    message: /no tool "teleport"/,
  },
  {
    name: 'another flow that does not exist',
    flow: () => flowWith([{ id: 'one', ask: 'Go?', choices: [{ title: 'Go', next: 'flow:missing' }] }]),
    field: 'steps[0].choices[0].next',
    message: /no flow "missing"/,
  },
  {
    name: 'a step nobody can reach',
    flow: () => flowWith([{ id: 'one', say: ['Hi'], next: 'end' }, { id: 'orphan', say: ['Lost'], next: 'end' }]),
    field: 'steps[1]',
    message: /"orphan" can never be reached/,
  },
  {
    name: 'a start step that does not exist',
    flow: () => flowWith([{ id: 'two', say: ['Hi'], next: 'end' }]),
    field: 'start',
    message: /start step "one" does not exist/,
  },
  {
    name: 'a stage not listed in the flow',
    flow: () => flowWith([{ id: 'one', stage: 'plan', say: ['Hi'], next: 'end' }]),
    field: 'steps[0].stage',
    message: /stage "plan" is not in this flow's stages/,
  },
  {
    name: 'a step id used twice',
    flow: () => flowWith([{ id: 'one', say: ['Hi'], next: 'one' }, { id: 'one', say: ['Again'], next: 'end' }]),
    field: 'steps[1].id',
    message: /used twice/,
  },
];

describe('checkFlow', () => {
  it('passes a flow whose references all exist and whose steps are all reachable', () => {
    const flow = flowWith([
      { id: 'one', topic: 'senco', ask: 'Next?', choices: [{ title: 'Plan', next: 'two' }, { title: 'Letter', next: 'tool:request-letter' }, { title: 'Other', next: 'flow:other' }] },
      { id: 'two', topic: 'stage-plan', next: 'menu' },
    ]);
    expect(checkFlow(flow, 'content/flows/demo.yaml', refs)).toEqual([]);
  });

  it.each(rulesBroken)('reports $name with the file, field, what is wrong and how to fix it', ({ flow, field, message }) => {
    const problems = checkFlow(flow(), 'content/flows/demo.yaml', refs);
    const found = problems.find((problem) => problem.field === field);
    expect(found, JSON.stringify(problems)).toBeDefined();
    expect(found?.file).toBe('content/flows/demo.yaml');
    expect(found?.message).toMatch(message);
    expect(found?.fix.length).toBeGreaterThan(5);
  });

  it('rejects a step with choices but no question, and a step that goes nowhere', () => {
    expect(() => flowWith([{ id: 'one', choices: [{ title: 'Go', next: 'end' }] }])).toThrow(/expected a question/);
    expect(() => flowWith([{ id: 'one', say: ['Hi'] }])).toThrow(/so the flow knows where to go/);
  });

  it('knows exactly the tools the dialogs provide', () => {
    expect(Object.keys(ToolDialogs).sort()).toEqual([...TOOL_IDS].sort());
  });
});
