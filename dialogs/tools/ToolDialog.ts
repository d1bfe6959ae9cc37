// What every tool dialog shares: its lines, asking on the right channel, step logs, reprompts and leaving by a choice.
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from '../botbuilderDialogs.js';
import type { OfferedChoice } from '../../src/answers/choiceTargets.js';
import type { ToolId, ToolLineKey, ToolLines } from '../../src/knowledge/toolTexts.js';
import type { ChannelKind, Reply, ReplyBlock } from '../../src/render/replyModel.js';
import { ukToday } from '../../src/tools/ukDate.js';
import type { FlowExit } from '../GuidedFlowDialog.js';
import type { GuideServices } from '../GuideServices.js';
import { channelKindOf, type TurnInput } from '../turnInput.js';

/** Options the router passes to every tool it starts: the understanding of the message that started it. */
export interface ToolDialogOptions {
  input?: TurnInput;
}

/** Read by the router: 'choice' = only an offered choice reaches the dialog; 'text' = every non-command message does. */
export interface ToolState {
  expects: 'choice' | 'text';
  step: string;
}

/** The step every tool ends on: the result is shown, the details are gone, and the dialog waits for where to go next. */
export const DONE_STEP = 'done';

export type StepStatus = 'started' | 'asked' | 'answered' | 'skipped' | 'back' | 'reasked' | 'shown' | 'left';

export abstract class ToolDialog<T extends ToolId, S extends ToolState> extends Dialog<ToolDialogOptions> {
  protected constructor(
    dialogId: string,
    protected readonly toolId: T,
    protected readonly services: GuideServices,
  ) {
    super(dialogId);
  }

  protected get lines(): ToolLines<ToolLineKey<T>> {
    return this.services.tools.texts[this.toolId] as ToolLines<ToolLineKey<T>>;
  }

  protected line(context: TurnContext, key: ToolLineKey<T>, vars: Record<string, string> = {}): string {
    return this.lines.get(key, channelKindOf(context), vars);
  }

  protected state(dc: DialogContext): S {
    return dc.activeDialog!.state as S;
  }

  protected channel(context: TurnContext): ChannelKind {
    return channelKindOf(context);
  }

  /** Today's date in the UK, from the injected clock. */
  protected today(): string {
    return ukToday(this.services.now());
  }

  /** One log line per step: never what the person typed. */
  protected log(context: TurnContext, stepId: string, status: StepStatus): void {
    this.services.logger.info('tool.step', { tool: this.toolId, stepId, status: `tool_${status}`, channel: context.activity.channelId });
  }

  protected choice(title: string, target: string, synonyms: string[] = []): OfferedChoice {
    return { title, value: title, target, synonyms };
  }

  /**
   * A question answered in the person's own words, with side choices (Skip, Back...). On SMS the choices are not
   * numbered lines, which would suggest only a number is wanted; the hint names the words to send instead.
   */
  protected async askForText(context: TurnContext, before: ReplyBlock[], prompt: string, choices: OfferedChoice[], smsHint?: string): Promise<void> {
    const blocks: ReplyBlock[] = [...before];
    if (this.channel(context) === 'sms') {
      blocks.push({ type: 'text', markdown: smsHint ? `${prompt}\n\n${smsHint}` : prompt });
    } else if (choices.length > 0) {
      blocks.push({ type: 'choices', prompt, choices: choices.map(({ title, value }) => ({ title, value })) });
    } else {
      blocks.push({ type: 'text', markdown: prompt });
    }
    await this.services.sender.send(context, { blocks }, choices);
  }

  /** A question answered by picking one of the choices (buttons, or numbered lines on SMS). */
  protected async askForChoice(context: TurnContext, before: ReplyBlock[], prompt: string, choices: OfferedChoice[]): Promise<void> {
    const reply: Reply = { blocks: [...before, { type: 'choices', prompt, choices: choices.map(({ title, value }) => ({ title, value })) }] };
    await this.services.sender.send(context, reply, choices);
  }

  /** "Back to: <tool title>", shown when the router returns to this tool after answering something else. */
  protected backTo(context: TurnContext): ReplyBlock {
    const title = this.lines.get('title' as ToolLineKey<T>, channelKindOf(context));
    return { type: 'text', markdown: this.services.content.messages.get('back-to', undefined, { title }) };
  }

  /** The final step: the person picked where to go next. */
  protected async leave(dc: DialogContext, input: TurnInput): Promise<DialogTurnResult> {
    this.log(dc.context, DONE_STEP, 'left');
    if (!input.choice) return Dialog.EndOfTurn;
    return dc.endDialog({ next: input.choice.target } satisfies FlowExit);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.reprompt(context, instance.state as S);
  }

  /** Asks the current step again, after the router answered something in between. */
  protected abstract reprompt(context: TurnContext, state: S): Promise<void>;
}
