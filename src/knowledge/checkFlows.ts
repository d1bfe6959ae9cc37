// Cross-checks guided flows against the rest of the content: every step reachable, every reference real.
import type { Flow, FlowTarget } from './flowSchema.js';

import type { ContentProblem } from './contentProblem.js';

export interface FlowReferences {
  topicIds: Set<string>;
  flowIds: Set<string>;
  toolIds: Set<string>;
}

function targetsOf(flow: Flow): Array<{ from: string; field: string; target: FlowTarget }> {
  return flow.steps.flatMap((step, index) => [
    ...(step.next ? [{ from: step.id, field: `steps[${index}].next`, target: step.next }] : []),
    ...step.choices.map((choice, c) => ({ from: step.id, field: `steps[${index}].choices[${c}].next`, target: choice.next })),
  ]);
}

/** Problems are written "what is wrong. How to fix it." and split here into the two parts the checker prints. */
function problem(file: string, field: string, text: string): ContentProblem {
  const cut = text.indexOf('. ');
  const message = cut === -1 ? text.replace(/\.$/, '') : text.slice(0, cut);
  const fix = cut === -1 ? 'Fix the reference so it names something that exists.' : text.slice(cut + 2);
  return { file, field, message, fix, rule: 'flow-references' };
}

export function checkFlow(flow: Flow, file: string, refs: FlowReferences): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const stepIds = new Set<string>();
  flow.steps.forEach((step, index) => {
    if (stepIds.has(step.id)) problems.push(problem(file, `steps[${index}].id`, `step id "${step.id}" is used twice. Give each step its own id.`));
    stepIds.add(step.id);
    if (step.topic && !refs.topicIds.has(step.topic)) problems.push(problem(file, `steps[${index}].topic`, `no topic "${step.topic}" exists. Use an id from content/topics/.`));
    if (step.stage && !flow.stages.some((stage) => stage.id === step.stage)) problems.push(problem(file, `steps[${index}].stage`, `stage "${step.stage}" is not in this flow's stages list. Add it to "stages" or fix the name.`));
    if (step.diagram && !flow.diagram) problems.push(problem(file, `steps[${index}].diagram`, 'the step shows a diagram but the flow names none. Add "diagram: cycle" to the flow.'));
  });
  if (!stepIds.has(flow.start)) problems.push(problem(file, 'start', `the start step "${flow.start}" does not exist. Name one of the steps.`));
  for (const id of flow.startsFrom) {
    if (!refs.topicIds.has(id)) problems.push(problem(file, 'startsFrom', `no topic "${id}" exists. Use an id from content/topics/.`));
  }

  for (const { field, target } of targetsOf(flow)) {
    const [kind, id] = target.includes(':') ? (target.split(':') as [string, string]) : ['step', target];
    if (kind === 'step' && target !== 'end' && target !== 'menu' && !stepIds.has(target)) problems.push(problem(file, field, `no step "${target}" in this flow. Name an existing step, "end" or "menu".`));
    if (kind === 'topic' && !refs.topicIds.has(id)) problems.push(problem(file, field, `no topic "${id}" exists. Use an id from content/topics/.`));
    if (kind === 'flow' && !refs.flowIds.has(id)) problems.push(problem(file, field, `no flow "${id}" exists. Use an id from content/flows/.`));
    if (kind === 'tool' && !refs.toolIds.has(id)) problems.push(problem(file, field, `no tool "${id}" exists. Known tools: ${[...refs.toolIds].join(', ') || 'none'}.`));
  }

  // Every step must be reachable from the start, or a content owner has left a dead end behind.
  const reachable = new Set<string>();
  const queue = stepIds.has(flow.start) ? [flow.start] : [];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    const step = flow.steps.find((candidate) => candidate.id === id);
    if (!step) continue;
    const nexts = [step.next, ...step.choices.map((choice) => choice.next)].filter((t): t is string => t !== undefined && stepIds.has(t));
    queue.push(...nexts);
  }
  flow.steps.forEach((step, index) => {
    if (!reachable.has(step.id)) problems.push(problem(file, `steps[${index}]`, `step "${step.id}" can never be reached from "${flow.start}". Link to it from a choice or remove it.`));
  });
  return problems;
}
