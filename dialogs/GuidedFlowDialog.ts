// Runs any guided flow from content/flows/*.yaml: says each step, offers its choices, and follows the branch chosen.
import { Dialog, type DialogContext, type DialogTurnResult } from './botbuilderDialogs.js';
import { buildTopicReply } from '../src/answers/topicReply.js';
import { Targets, type OfferedChoice } from '../src/answers/choiceTargets.js';
import type { Flow, FlowStep } from '../src/knowledge/flowSchema.js';
import type { Reply, ReplyBlock } from '../src/render/replyModel.js';
import { buildCycleDiagram } from '../src/tools/cycleDiagram.js';
import type { Picture } from '../src/tools/timelinePicture.js';
import { DialogIds } from './dialogIds.js';
import type { GuideServices } from './GuideServices.js';
import { getTurnInput } from './turnInput.js';

export interface GuidedFlowOptions {
  flowId: string;
  /** Start at this step instead of the flow's start (e.g. "jump to Plan"). */
  stepId?: string;
}

interface FlowInstanceState {
  flowId: string;
  stepId: string;
  /** Read by the router: this dialog waits for one of its choices, so other free text is an interruption. */
  expects: 'choice';
}

/** Whether a flow target leaves the flow ("end", "menu", topic:/flow:/tool:) rather than naming one of its steps. */
function leavesFlow(next: string): boolean {
  return next === 'end' || next === 'menu' || next.includes(':');
}

/** The most steps run in one turn without a question, so a loop in content can never spin forever. */
const MAX_STEPS_PER_TURN = 8;

/** Result a flow ends with when a choice leads outside it; the router acts on it. */
export interface FlowExit {
  next: string;
}

export class GuidedFlowDialog extends Dialog<GuidedFlowOptions> {
  /** Each stage's picture depends only on the (loaded once) flow, so it is drawn once, not on every turn. */
  private readonly diagrams = new Map<string, Picture>();

  constructor(private readonly services: GuideServices) {
    super(DialogIds.guidedFlow);
  }

  override async beginDialog(dc: DialogContext, options?: GuidedFlowOptions): Promise<DialogTurnResult> {
    const flow = options ? this.services.flows.get(options.flowId) : undefined;
    if (!flow || !options) throw new Error(`GuidedFlowDialog.beginDialog(): no flow "${options?.flowId}". Check content/flows/.`);
    const state: FlowInstanceState = { flowId: flow.id, stepId: options.stepId ?? flow.start, expects: 'choice' };
    dc.activeDialog!.state = state;
    this.services.logger.info('flow.started', { flowId: flow.id, stepId: state.stepId, channel: dc.context.activity.channelId });
    return this.runFrom(dc, flow, state.stepId);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FlowInstanceState;
    const flow = this.services.flows.get(state.flowId);
    const choice = getTurnInput(dc.context).choice;
    // The router only passes a message on when it picked one of this step's choices.
    if (!flow || !choice) return Dialog.EndOfTurn;
    this.services.logger.info('flow.choice', { flowId: flow.id, stepId: state.stepId, status: 'answered', channel: dc.context.activity.channelId });
    if (choice.target.startsWith('step:')) return this.runFrom(dc, flow, choice.target.slice('step:'.length));
    return dc.endDialog({ next: choice.target } satisfies FlowExit);
  }

  override async repromptDialog(context: DialogContext['context'], instance: { state: object }): Promise<void> {
    const state = instance.state as FlowInstanceState;
    const flow = this.services.flows.get(state.flowId);
    const step = flow?.steps.find((candidate) => candidate.id === state.stepId);
    if (!flow || !step) return;
    const { reply, choices } = this.question(flow, step, [{ type: 'text', markdown: this.services.content.messages.get('back-to', undefined, { title: flow.title }) }]);
    await this.services.sender.send(context, reply, choices);
  }

  private async runFrom(dc: DialogContext, flow: Flow, firstStepId: string): Promise<DialogTurnResult> {
    let stepId = firstStepId;
    for (let count = 0; count < MAX_STEPS_PER_TURN; count += 1) {
      const step = flow.steps.find((candidate) => candidate.id === stepId);
      if (!step) return dc.endDialog({ next: Targets.menu } satisfies FlowExit);
      (dc.activeDialog!.state as FlowInstanceState).stepId = step.id;
      this.services.logger.info('flow.step', { flowId: flow.id, stepId: step.id, status: 'shown', channel: dc.context.activity.channelId });
      await this.say(dc, flow, step);
      if (step.choices.length > 0) return Dialog.EndOfTurn;
      const next = step.next ?? 'end';
      if (next === 'end') return dc.endDialog();
      if (leavesFlow(next)) return dc.endDialog({ next } satisfies FlowExit);
      stepId = next;
    }
    this.services.logger.warn('flow.too_many_steps', { flowId: flow.id, stepId, status: 'error_content' });
    return dc.endDialog({ next: Targets.menu } satisfies FlowExit);
  }

  private async say(dc: DialogContext, flow: Flow, step: FlowStep): Promise<void> {
    const lead: ReplyBlock[] = [];
    const stageIndex = step.stage ? flow.stages.findIndex((stage) => stage.id === step.stage) : -1;
    const stage = flow.stages[stageIndex];
    if (stage) {
      const progress = flow.progressLabel
        .replace('{n}', String(stageIndex + 1))
        .replace('{total}', String(flow.stages.length))
        .replace('{title}', stage.title);
      lead.push({ type: 'text', markdown: `**${progress}**` });
    }
    if (step.diagram && flow.diagram === 'cycle') {
      const key = `${flow.id}\u0000${step.stage ?? ''}`;
      let picture = this.diagrams.get(key);
      if (!picture) this.diagrams.set(key, (picture = buildCycleDiagram(flow.stages, step.stage)));
      lead.push({ type: 'image', svg: picture.svg, alt: picture.alt, title: flow.title });
    }
    const topic = step.topic ? this.services.topics.get(step.topic) : undefined;
    if (topic) {
      const audience = this.services.audienceFor(dc.context);
      const { reply } = buildTopicReply(topic, { audience, part: step.topicPart, titles: this.services.topicTitles });
      await this.services.sender.send(dc.context, { blocks: [...lead, ...reply.blocks], topicId: topic.id });
      lead.length = 0;
    }
    const sayBlocks: ReplyBlock[] = step.say.map((markdown) => ({ type: 'text', markdown }));
    if (step.choices.length > 0) {
      const { reply, choices } = this.question(flow, step, [...lead, ...sayBlocks]);
      await this.services.sender.send(dc.context, reply, choices);
    } else if (lead.length + sayBlocks.length > 0) {
      await this.services.sender.send(dc.context, { blocks: [...lead, ...sayBlocks] });
    }
  }

  private question(flow: Flow, step: FlowStep, before: ReplyBlock[]): { reply: Reply; choices: OfferedChoice[] } {
    const choices: OfferedChoice[] = step.choices.map((choice) => ({
      title: choice.title,
      value: choice.title,
      target: leavesFlow(choice.next) ? choice.next : Targets.step(choice.next),
      synonyms: choice.synonyms,
    }));
    return {
      reply: { blocks: [...before, { type: 'choices', prompt: step.ask, choices: choices.map(({ title, value }) => ({ title, value })) }] },
      choices,
    };
  }
}
