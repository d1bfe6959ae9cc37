// The root of every conversation: global commands first, then the active flow or tool, else route free text by intent.
import { ComponentDialog, Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from './botbuilderDialogs.js';
import { Targets, parseTarget, type OfferedChoice } from '../src/answers/choiceTargets.js';
import { buildMenuReply } from '../src/answers/menuReply.js';
import { buildTopicReply } from '../src/answers/topicReply.js';
import type { Flow } from '../src/knowledge/flowSchema.js';
import { CONTROL_INTENTS } from '../src/language/types.js';
import type { Reply } from '../src/render/replyModel.js';
import { DialogIds, ToolDialogs } from './dialogIds.js';
import { ForgetMeDialog } from './ForgetMeDialog.js';
import { GuidedFlowDialog, type FlowExit } from './GuidedFlowDialog.js';
import type { GuideServices } from './GuideServices.js';
import { newGuideState } from './guideState.js';
import { getTurnInput, type TurnInput } from './turnInput.js';
import { ukToday } from '../src/tools/ukDate.js';

const MISSES_BEFORE_OFFERING_A_PERSON = 2;

export class RouterDialog extends ComponentDialog {
  constructor(private readonly services: GuideServices, toolDialogs: Dialog[] = []) {
    super(DialogIds.router);
    this.addDialog(new GuidedFlowDialog(services));
    this.addDialog(new ForgetMeDialog(services));
    for (const dialog of toolDialogs) this.addDialog(dialog);
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.onContinueDialog(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const input = getTurnInput(innerDc.context);
    const active = innerDc.activeDialog;
    const expects = active ? ((active.state as { expects?: 'choice' | 'text' }).expects ?? 'text') : undefined;
    const target = this.commandTarget(input, expects === 'text');
    if (target) {
      await this.goTo(innerDc, target, input);
      return Dialog.EndOfTurn;
    }

    if (active) {
      if (expects === 'text' || input.choice) {
        const result = await innerDc.continueDialog();
        await this.afterChild(innerDc, result, input);
        return Dialog.EndOfTurn;
      }
      // The active step waits for a choice and this message is something else: answer it, then return to the step.
      const handled = await this.routeFreeText(innerDc, input, true);
      if (innerDc.activeDialog && handled !== 'replaced') await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }

    if (input.choice) await this.goTo(innerDc, input.choice.target, input);
    else await this.routeFreeText(innerDc, input, false);
    return Dialog.EndOfTurn;
  }

  /**
   * Commands that work anywhere: command words, and control intents said in free text. While a dialog waits for
   * free text (a name, a child's needs), only command words count: an answer such as "he forgets everything" or
   * "I want someone to talk to him" must reach the dialog, not start "forget me" or the hand-off.
   */
  private commandTarget(input: TurnInput, awaitingText: boolean): string | undefined {
    const byCommand: Record<string, string> = { menu: Targets.menu, help: Targets.help, human: Targets.human, stop: 'stop', 'carry-on': Targets.carryOn, 'forget-me': 'forget-me' };
    // "back" and "carry on" are carry-on words, but when they pick a choice on offer (a tool's Back, a flow's
    // "carry on" synonym) the choice is what the person meant.
    const choiceWins = input.command === 'carry-on' && input.choice !== undefined;
    if (input.command && input.command !== 'more' && !choiceWins) return byCommand[input.command];
    if (input.choice) {
      const { kind } = parseTarget(input.choice.target);
      return kind === 'menu' || kind === 'help' || input.choice.target === Targets.carryOn ? input.choice.target : undefined;
    }
    const intent = input.understanding.intent;
    if (!awaitingText && (CONTROL_INTENTS as readonly string[]).includes(intent)) {
      const byIntent: Record<string, string> = { menu: Targets.menu, help: Targets.help, human: Targets.human, 'forget-me': 'forget-me', goodbye: 'goodbye' };
      return byIntent[intent];
    }
    return undefined;
  }

  private async afterChild(innerDc: DialogContext, result: DialogTurnResult, input: TurnInput): Promise<void> {
    if (result.status !== DialogTurnStatus.complete) return;
    const exit = result.result as Partial<FlowExit> | undefined;
    await this.goTo(innerDc, exit?.next ?? Targets.menu, input);
  }

  /** Acts on a target from a choice, a command or a finished flow. */
  private async goTo(innerDc: DialogContext, target: string, input: TurnInput): Promise<void> {
    const { kind, id } = parseTarget(target);
    const messages = this.services.content.messages;
    const context = innerDc.context;
    switch (kind) {
      case 'menu':
      case 'end':
        await innerDc.cancelAllDialogs();
        await this.sendMenu(innerDc);
        return;
      case 'help': {
        const channel = input.channel;
        await this.services.sender.send(context, { blocks: [{ type: 'text', markdown: messages.get(channel === 'sms' ? 'help-sms' : 'help', channel) }] });
        if (innerDc.activeDialog) await innerDc.repromptDialog();
        else await this.sendMenu(innerDc);
        return;
      }
      case 'carry-on':
        if (innerDc.activeDialog) await innerDc.repromptDialog();
        else await this.sendMenu(innerDc);
        return;
      case 'stop':
        await innerDc.cancelAllDialogs();
        await this.services.sender.send(context, { blocks: [{ type: 'text', markdown: messages.get('stopped') }] });
        return;
      case 'goodbye':
        await innerDc.cancelAllDialogs();
        await this.services.sender.send(context, { blocks: [{ type: 'text', markdown: messages.get('goodbye') }] });
        return;
      case 'forget-me':
        await innerDc.beginDialog(DialogIds.forgetMe);
        return;
      case 'topic':
        await this.answerTopic(innerDc, id);
        return;
      case 'feedback':
        await this.recordFeedback(innerDc, id);
        return;
      case 'flow':
        await innerDc.cancelAllDialogs();
        await this.startFlow(innerDc, id, input);
        return;
      case 'tool': {
        const dialogId = ToolDialogs[id];
        await innerDc.cancelAllDialogs();
        if (dialogId && this.findDialog(dialogId)) {
          const result = await innerDc.beginDialog(dialogId, { input });
          await this.afterChild(innerDc, result, input);
        } else {
          this.services.logger.error('route.unknown_tool', { status: 'error_content', tool: id });
          await this.services.sender.send(context, { blocks: [{ type: 'text', markdown: messages.get('tool-unavailable') }] });
        }
        return;
      }
      default:
        this.services.logger.error('route.unknown_target', { status: 'error_content', target });
        await this.sendMenu(innerDc);
    }
  }

  private async startFlow(innerDc: DialogContext, flowId: string, input: TurnInput): Promise<void> {
    const result = await innerDc.beginDialog(DialogIds.guidedFlow, { flowId });
    await this.afterChild(innerDc, result, input);
  }

  /**
   * Routes a message that is not a choice or command. Returns "replaced" when it started something new in place of
   * the active dialog, so the caller does not reprompt the old one.
   */
  private async routeFreeText(innerDc: DialogContext, input: TurnInput, aside: boolean): Promise<'answered' | 'replaced' | 'missed'> {
    const state = await this.services.guideState.get(innerDc.context, newGuideState());
    const { understanding } = input;
    const intent = understanding.intent;
    this.services.logger.debug('route.classified', { intent, score: Number(understanding.score.toFixed(3)), channel: input.channel });
    const messages = this.services.content.messages;

    if (intent === 'greeting' || intent === 'thanks') {
      state.misses = 0;
      await this.services.sender.send(innerDc.context, { blocks: [{ type: 'text', markdown: messages.get(intent === 'greeting' ? 'greeting-reply' : 'thanks-reply', input.channel) }] });
      if (!aside) await this.sendMenu(innerDc);
      return 'answered';
    }

    const topic = this.services.topics.get(intent);
    if (topic) {
      state.misses = 0;
      const flow = this.flowStartedBy(topic.id);
      const tool = this.toolStartedBy(input);
      if (tool) {
        await innerDc.cancelAllDialogs();
        await this.goTo(innerDc, tool, input);
        return 'replaced';
      }
      const activeFlowId = (innerDc.activeDialog?.state as { flowId?: string } | undefined)?.flowId;
      if (flow && flow.id !== activeFlowId) {
        await innerDc.cancelAllDialogs();
        await this.startFlow(innerDc, flow.id, input);
        return 'replaced';
      }
      await this.answerTopic(innerDc, topic.id);
      return 'answered';
    }

    state.misses += 1;
    const outOfScope = understanding.ranked[0]?.intent === 'none';
    this.services.logger.info('route.unanswered', { status: outOfScope ? 'unanswerable_out_of_scope' : 'unanswerable_not_understood', channel: input.channel });
    await this.services.usage.recordUnanswered(outOfScope ? 'out-of-scope' : 'not-understood', ukToday(this.services.now()));
    if (state.misses >= MISSES_BEFORE_OFFERING_A_PERSON) {
      state.misses = 0;
      await this.offerAPerson(innerDc);
      return 'missed';
    }
    if (outOfScope) {
      await this.sendChoices(innerDc, messages.get('out-of-scope', input.channel), [this.humanChoice(), this.menuChoice()]);
      return 'missed';
    }
    const closest = understanding.ranked
      .filter((ranked) => this.services.topics.has(ranked.intent))
      .slice(0, 3)
      .map((ranked) => ({ title: this.services.topicTitles.get(ranked.intent) ?? ranked.intent, value: this.services.topicTitles.get(ranked.intent) ?? ranked.intent, target: Targets.topic(ranked.intent) }));
    const prompt = aside ? messages.get('not-a-choice', input.channel) : messages.get('not-understood', input.channel);
    if (aside) await this.services.sender.send(innerDc.context, { blocks: [{ type: 'text', markdown: prompt }] });
    else await this.sendChoices(innerDc, prompt, [...closest, this.menuChoice()]);
    return 'missed';
  }

  private flowStartedBy(topicId: string): Flow | undefined {
    return [...this.services.flows.values()].find((flow) => flow.startsFrom.includes(topicId));
  }

  /** A message that holds both a deadline question and a date goes straight to the deadline tool. */
  private toolStartedBy(input: TurnInput): string | undefined {
    const datedQuestion = ['ehc-timescales', 'ehc-refusal'].includes(input.understanding.intent);
    if (datedQuestion && input.understanding.entities.dates.length > 0 && this.findDialog(DialogIds.deadlines)) return Targets.tool('deadlines');
    return undefined;
  }

  private async answerTopic(innerDc: DialogContext, topicId: string): Promise<void> {
    const topic = this.services.topics.get(topicId);
    if (!topic) {
      this.services.logger.error('route.unknown_topic', { status: 'error_content', topicId });
      await this.sendMenu(innerDc);
      return;
    }
    const messages = this.services.content.messages;
    const { reply, related } = buildTopicReply(topic, { audience: this.services.audienceFor(innerDc.context), titles: this.services.topicTitles });
    // One list of next steps: the optional "did this help?" sits with the related questions and the menu.
    const choices: OfferedChoice[] = [
      ...related,
      { title: messages.get('feedback-yes'), value: messages.get('feedback-yes'), target: `feedback:yes:${topic.id}` },
      { title: messages.get('feedback-no'), value: messages.get('feedback-no'), target: `feedback:no:${topic.id}` },
      this.menuChoice(),
    ];
    const blocks = [...reply.blocks];
    blocks.push({ type: 'choices', prompt: messages.get('feedback-ask'), choices: choices.map(({ title, value }) => ({ title, value })) });
    const state = await this.services.guideState.get(innerDc.context, newGuideState());
    state.lastTopicId = topic.id;
    this.services.logger.info('route.answered', { status: 'answered', topicId: topic.id, channel: innerDc.context.activity.channelId });
    await this.services.sender.send(innerDc.context, { blocks, topicId: topic.id }, choices);
  }

  private async recordFeedback(innerDc: DialogContext, answer: string): Promise<void> {
    const [verdict, topicId] = answer.split(':');
    const messages = this.services.content.messages;
    if (!topicId || !this.services.topics.has(topicId)) return this.sendMenu(innerDc);
    const helped = verdict === 'yes';
    await this.services.usage.recordFeedback(topicId, helped, ukToday(this.services.now()));
    this.services.logger.info('feedback.recorded', { status: helped ? 'feedback_helped' : 'feedback_not_helped', topicId });
    if (helped) await this.services.sender.send(innerDc.context, { blocks: [{ type: 'text', markdown: messages.get('feedback-thanks') }] });
    else await this.sendChoices(innerDc, messages.get('feedback-sorry'), [this.humanChoice(), this.menuChoice()]);
  }

  private async sendMenu(innerDc: DialogContext): Promise<void> {
    const { reply, choices } = buildMenuReply(this.services.content.menu);
    await this.services.sender.send(innerDc.context, reply, choices);
  }

  private async offerAPerson(innerDc: DialogContext): Promise<void> {
    await this.sendChoices(innerDc, this.services.content.messages.get('not-understood-again'), [this.humanChoice(), this.menuChoice()]);
  }

  private humanChoice(): OfferedChoice {
    const title = this.services.content.messages.get('not-understood-choice-human');
    return { title, value: title, target: Targets.human };
  }

  private menuChoice(): OfferedChoice {
    const title = this.services.content.messages.get('menu-title');
    return { title, value: title, target: Targets.menu };
  }

  private async sendChoices(innerDc: DialogContext, prompt: string, choices: OfferedChoice[]): Promise<void> {
    const reply: Reply = { blocks: [{ type: 'choices', prompt, choices: choices.map(({ title, value }) => ({ title, value })) }] };
    await this.services.sender.send(innerDc.context, reply, choices);
  }
}
