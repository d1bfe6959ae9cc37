// The shape of a guided flow (content/flows/<id>.yaml): steps that say things, ask, and branch, run by one dialog.
import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id like "plan" or "review-meetings"');

/**
 * Where a choice leads: another step of this flow, "end", or something outside the flow:
 * "topic:<id>" (answer a topic), "flow:<id>" (start another flow), "tool:<id>" (start a tool), "menu".
 */
export const flowTargetSchema = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*|(?:topic|flow|tool):[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'expected a step id, "end", "menu", or topic:<id>, flow:<id>, tool:<id>');

export const flowChoiceSchema = z
  .object({
    title: z.string().min(1).max(60, 'expected a short button title (60 characters at most; 20 or fewer shows as a button on Web Chat)'),
    next: flowTargetSchema,
    /** Other words a person might type for this choice. */
    synonyms: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const flowStepSchema = z
  .object({
    id: kebab,
    /** Which stage of the flow this step belongs to, for "Stage 2 of 4: Plan" and the diagram. */
    stage: kebab.optional(),
    /** A topic whose answer this step shows. */
    topic: kebab.optional(),
    /** Which part of the topic: its summary only, or the whole answer (summary, body, source). */
    topicPart: z.enum(['summary', 'answer']).default('answer'),
    /** Lines of markdown to say, in order, before the question. */
    say: z.array(z.string().min(1)).default([]),
    /** Show the flow's diagram with this step's stage highlighted. */
    diagram: z.boolean().default(false),
    ask: z.string().min(1).optional(),
    choices: z.array(flowChoiceSchema).max(10, 'expected at most 10 choices').default([]),
    /** Where to go after saying things when there is no question. */
    next: flowTargetSchema.optional(),
  })
  .strict()
  .superRefine((step, ctx) => {
    if (step.choices.length > 0 && !step.ask) ctx.addIssue({ code: 'custom', path: ['ask'], message: 'expected a question ("ask") because the step has choices' });
    if (step.choices.length === 0 && step.next === undefined) ctx.addIssue({ code: 'custom', path: ['next'], message: 'expected "next" (or choices) so the flow knows where to go' });
    if (step.choices.length > 0 && step.next !== undefined) ctx.addIssue({ code: 'custom', path: ['next'], message: 'expected either choices or "next", not both' });
    if (!step.topic && step.say.length === 0 && !step.ask) ctx.addIssue({ code: 'custom', path: ['say'], message: 'expected the step to say something: a topic, "say" lines or a question' });
  });

export const flowSchema = z
  .object({
    id: kebab,
    title: z.string().min(1),
    /** What this flow is for. */
    description: z.string().min(1),
    /** A short menu button title (20 characters or fewer shows as a button on Web Chat). */
    menuTitle: z.string().min(1).max(40),
    /** Topics whose questions start this flow instead of a single answer. */
    startsFrom: z.array(kebab).default([]),
    start: kebab,
    /** The stages of a cycle, in order, for progress lines and the diagram. */
    stages: z.array(z.object({ id: kebab, title: z.string().min(1) }).strict()).default([]),
    /** How progress is shown; {n}, {total} and {title} are filled in. */
    progressLabel: z.string().default('Stage {n} of {total}: {title}'),
    diagram: z.enum(['cycle']).optional(),
    steps: z.array(flowStepSchema).min(1),
  })
  .strict();

export type FlowTarget = z.output<typeof flowTargetSchema>;
export type FlowChoice = z.output<typeof flowChoiceSchema>;
export type FlowStep = z.output<typeof flowStepSchema>;
export type Flow = z.output<typeof flowSchema>;
