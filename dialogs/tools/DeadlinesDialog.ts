// The statutory deadline calculator: the 6/16/20-week dates from a request, or the dates for challenging a refusal.
//
// A message that already holds a date ("I sent my request on 3 March 2026, when will I hear?") is answered in the
// first reply. The dates count from the day the council RECEIVED the request (SEND Regulations 2014 reg 5(1)), so
// the answer says so whenever the date may be a sending date.
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from '../botbuilderDialogs.js';
import { Targets, type OfferedChoice } from '../../src/answers/choiceTargets.js';
import type { SourceRef } from '../../src/knowledge/types.js';
import type { ReplyBlock } from '../../src/render/replyModel.js';
import { deadlinesCalendarFile } from '../../src/tools/calendarFile.js';
import {
  TIME_LIMIT_EXCEPTIONS,
  assessmentDeadlines,
  refusalDeadlines,
  type DeadlineId,
  type DeadlineResult,
  type DeadlineTimeline,
} from '../../src/tools/statutoryDeadlines.js';
import { buildTimelinePicture } from '../../src/tools/timelinePicture.js';
import { timelinePosition } from '../../src/tools/timelinePosition.js';
import type { ToolLineKey } from '../../src/knowledge/toolTexts.js';
import { DialogIds } from '../dialogIds.js';
import type { GuideServices } from '../GuideServices.js';
import { getTurnInput, type TurnInput } from '../turnInput.js';
import { DONE_STEP, ToolDialog, type ToolDialogOptions, type ToolState } from './ToolDialog.js';
import { typedDate } from './typedDate.js';

type Line = ToolLineKey<'deadlines'>;

type Step = 'received' | 'decision' | 'certificate' | typeof DONE_STEP;

interface DeadlinesState extends ToolState {
  step: Step;
  /** ISO date of the council's decision letter, kept only until the certificate question is answered. */
  decisionDate?: string;
}

const Choices = {
  refused: 'deadlines:refused',
  noCertificate: 'deadlines:no-certificate',
} as const;

// A starting message about a refusal ("they said no on 1 October, how long do I have to appeal?") carries the
// decision date, not the request date: the classifier files both kinds under ehc-timescales.
const ABOUT_A_REFUSAL = /\b(said no|say no|saying no|refus\w*|turn(ed|s)? (it |us |me |him |her |them )?down|reject\w*|appeal\w*|tribunal|mediation|decision letter|not (to )?assess\w*|won'?t assess)\b/i;

const ROW_LINES: Record<DeadlineId, Line> = {
  'decision-to-assess': 'row-decision-to-assess',
  'no-plan-decision': 'row-no-plan-decision',
  'final-plan': 'row-final-plan',
  'mediation-adviser': 'row-mediation-adviser',
  appeal: 'row-appeal',
};

export class DeadlinesDialog extends ToolDialog<'deadlines', DeadlinesState> {
  constructor(services: GuideServices) {
    super(DialogIds.deadlines, 'deadlines', services);
    // Steps, in order:
    // received    asks the date the council received the request (or "The council said no"); shows the 6/16/20-week dates.
    // decision    asks the date on the council's decision letter; records decisionDate.
    // certificate asks the mediation certificate date (or "No certificate yet"); shows the mediation and appeal dates.
    // done        the dates are shown and forgotten; waits for where to go next.
  }

  override async beginDialog(dc: DialogContext, options?: ToolDialogOptions): Promise<DialogTurnResult> {
    const state: DeadlinesState = { expects: 'text', step: 'received' };
    dc.activeDialog!.state = state;
    this.log(dc.context, 'received', 'started');
    // A date in the message that started the tool is answered at once: the decision date when the message is about
    // a refusal, otherwise the day the request was received.
    const input = options?.input;
    const first = input?.understanding.entities.dates[0];
    if (first && input && ABOUT_A_REFUSAL.test(input.text)) return this.answerDecision(dc, first.date, true);
    if (first) return this.answerReceived(dc, first.date, true);
    await this.askReceived(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const input = getTurnInput(dc.context);
    const state = this.state(dc);
    switch (state.step) {
      case 'received':
        if (input.choice?.target === Choices.refused) {
          this.log(dc.context, 'received', 'answered');
          state.step = 'decision';
          await this.askDecision(dc.context);
          return Dialog.EndOfTurn;
        }
        return this.answerReceived(dc, this.dateIn(input), false);
      case 'decision':
        return this.answerDecision(dc, this.dateIn(input));
      case 'certificate': {
        if (input.choice?.target === Choices.noCertificate) return this.answerCertificate(dc, undefined);
        const date = this.dateIn(input);
        if (date === undefined) return this.reask(dc, 'certificate', [{ type: 'text', markdown: this.line(dc.context, 'not-a-date') }]);
        return this.answerCertificate(dc, date);
      }
      case DONE_STEP:
        return this.leave(dc, input);
    }
  }

  protected override async reprompt(context: TurnContext, state: DeadlinesState): Promise<void> {
    const back = [this.backTo(context)];
    if (state.step === 'received') await this.askReceived(context, back);
    else if (state.step === 'decision') await this.askDecision(context, back);
    else if (state.step === 'certificate') await this.askCertificate(context, back);
    else await this.askWhatNext(context, back);
  }

  /** The date in the message, read the British way; undefined when there is none. */
  private dateIn(input: TurnInput): string | undefined {
    const found = typedDate(input);
    return found.kind === 'date' ? found.date : undefined;
  }

  private async answerReceived(dc: DialogContext, date: string | undefined, fromFirstMessage: boolean): Promise<DialogTurnResult> {
    if (date === undefined) return this.reask(dc, 'received', [{ type: 'text', markdown: this.line(dc.context, 'not-a-date') }]);
    const result = assessmentDeadlines({ requestReceived: date, today: this.today() });
    if (result.kind === 'problem') return this.reask(dc, 'received', [{ type: 'text', markdown: result.message }]);
    this.log(dc.context, 'received', 'answered');
    // The tool was started from a message, so the date may be when it was sent; say which date counts.
    await this.show(dc, result, { intro: 'intro-request', lead: fromFirstMessage ? 'received-not-sent' : undefined });
    return Dialog.EndOfTurn;
  }

  /** `atOnce`: the date came in the message that started the tool, so the dates are shown without more questions. */
  private async answerDecision(dc: DialogContext, date: string | undefined, atOnce = false): Promise<DialogTurnResult> {
    if (date === undefined) return this.reask(dc, 'decision', [{ type: 'text', markdown: this.line(dc.context, 'not-a-date') }]);
    const result = refusalDeadlines({ decisionDate: date, today: this.today() });
    if (result.kind === 'problem') return this.reask(dc, 'decision', [{ type: 'text', markdown: result.message }]);
    this.log(dc.context, 'decision', 'answered');
    if (atOnce) {
      await this.show(dc, result, { intro: 'intro-refusal', after: 'certificate-later' });
      return Dialog.EndOfTurn;
    }
    const state = this.state(dc);
    state.step = 'certificate';
    state.decisionDate = date;
    await this.askCertificate(dc.context);
    return Dialog.EndOfTurn;
  }

  /** `date` undefined: no certificate yet. */
  private async answerCertificate(dc: DialogContext, date: string | undefined): Promise<DialogTurnResult> {
    const state = this.state(dc);
    if (state.decisionDate === undefined) return this.reask(dc, 'decision', []);
    const result: DeadlineResult = refusalDeadlines({ decisionDate: state.decisionDate, mediationCertificateDate: date, today: this.today() });
    if (result.kind === 'problem') return this.reask(dc, 'certificate', [{ type: 'text', markdown: result.message }]);
    this.log(dc.context, 'certificate', date === undefined ? 'skipped' : 'answered');
    await this.show(dc, result, { intro: 'intro-refusal', after: date === undefined ? 'certificate-later' : undefined });
    return Dialog.EndOfTurn;
  }

  private async reask(dc: DialogContext, step: Exclude<Step, typeof DONE_STEP>, before: ReplyBlock[]): Promise<DialogTurnResult> {
    this.log(dc.context, step, 'reasked');
    const state = this.state(dc);
    state.step = step;
    if (step === 'received') await this.askReceived(dc.context, before);
    else if (step === 'decision') await this.askDecision(dc.context, before);
    else await this.askCertificate(dc.context, before);
    return Dialog.EndOfTurn;
  }

  private async askReceived(context: TurnContext, before: ReplyBlock[] = []): Promise<void> {
    const choices = [this.choice(this.line(context, 'choice-refused'), Choices.refused, ['no', 'said no', 'refused', 'they said no', 'turned down', 'rejected'])];
    await this.askForText(context, before, this.line(context, 'ask-received'), choices, this.line(context, 'hint-received-sms'));
    this.log(context, 'received', 'asked');
  }

  private async askDecision(context: TurnContext, before: ReplyBlock[] = []): Promise<void> {
    await this.askForText(context, before, this.line(context, 'ask-decision-date'), []);
    this.log(context, 'decision', 'asked');
  }

  private async askCertificate(context: TurnContext, before: ReplyBlock[] = []): Promise<void> {
    const choices = [this.choice(this.line(context, 'choice-no-certificate'), Choices.noCertificate, ['none', 'no', 'not yet', 'no certificate', 'skip'])];
    await this.askForText(context, before, this.line(context, 'ask-certificate'), choices, this.line(context, 'hint-certificate-sms'));
    this.log(context, 'certificate', 'asked');
  }

  /**
   * `intro` opens the answer; `lead` is a caveat to read before the dates; `after` a note to read after them.
   * The dates as a table, where the family is today, notes, sources; a picture and a calendar file where the channel can.
   */
  private async show(dc: DialogContext, timeline: DeadlineTimeline, words: { intro: Line; lead?: Line; after?: Line }): Promise<void> {
    const context = dc.context;
    const channel = this.channel(context);
    const today = this.today();
    const isRequest = timeline.deadlines.some((deadline) => TIME_LIMIT_EXCEPTIONS.appliesTo.includes(deadline.id));
    const startRow = this.line(context, isRequest ? 'row-start-request' : 'row-start-refusal');

    const facts: ReplyBlock = {
      type: 'facts',
      title: timeline.title,
      rows: [
        { label: startRow, value: timeline.start.dateText },
        ...timeline.deadlines.map((deadline) => ({ label: this.line(context, ROW_LINES[deadline.id]), value: deadline.dateText })),
      ],
    };
    const position: ReplyBlock = { type: 'text', markdown: timelinePosition(timeline.deadlines, today) };
    // SMS sends two texts before "MORE": where the family stands and the dates go first; the table is its own title.
    const say = (key: Line | undefined): ReplyBlock[] => (key ? [{ type: 'text', markdown: this.line(context, key) }] : []);
    const blocks: ReplyBlock[] = channel === 'sms'
      ? [...say(words.lead), position, facts, ...say(words.after)]
      : [...say(words.intro), ...say(words.lead), facts, position];
    if (channel !== 'sms') {
      const picture = buildTimelinePicture({ title: timeline.title, start: { label: startRow, date: timeline.start.date }, deadlines: timeline.deadlines }, today);
      blocks.push({ type: 'image', svg: picture.svg, alt: picture.alt, title: picture.title });
      blocks.push(...say(words.after));
    }
    if (timeline.longAgo) blocks.push({ type: 'text', markdown: this.line(context, 'long-ago') });
    // For a request, the exceptions in full where there is room (SMS keeps the tool's one-line note about them);
    // for a refusal, the tool's note on how months are counted.
    if (isRequest && channel !== 'sms') {
      blocks.push({ type: 'text', markdown: `${TIME_LIMIT_EXCEPTIONS.intro}\n\n${TIME_LIMIT_EXCEPTIONS.cases.map((item) => `- ${item}`).join('\n')}` });
    } else {
      blocks.push(...timeline.notes.map((note): ReplyBlock => ({ type: 'text', markdown: note })));
    }
    blocks.push({ type: 'sources', sources: this.sourcesOf(timeline, isRequest) });
    if (channel === 'webchat') {
      const file = deadlinesCalendarFile(timeline, { now: this.services.now(), reminderDaysBefore: 7 });
      blocks.push({ type: 'document', title: this.line(context, 'calendar-title'), text: file.content, fileName: file.fileName, mimeType: file.mimeType, smsText: '' });
    }
    // The dates are shown; nothing of them stays in the state.
    dc.activeDialog!.state = { expects: 'choice', step: DONE_STEP } satisfies DeadlinesState;
    await this.askWhatNext(context, blocks);
    this.log(context, DONE_STEP, 'shown');
  }

  private sourcesOf(timeline: DeadlineTimeline, isRequest: boolean): SourceRef[] {
    const all = [...timeline.deadlines.map((deadline) => deadline.source), ...(isRequest ? TIME_LIMIT_EXCEPTIONS.sources : [])];
    return all.filter((source, index) => all.findIndex((other) => other.label === source.label) === index);
  }

  private async askWhatNext(context: TurnContext, before: ReplyBlock[]): Promise<void> {
    const choices: OfferedChoice[] = [
      this.choice(this.line(context, 'choice-letter'), Targets.tool('request-letter'), ['letter', 'write a letter']),
      this.choice(this.line(context, 'choice-talk'), Targets.human),
      this.choice(this.line(context, 'choice-menu'), Targets.menu),
    ];
    await this.askForChoice(context, before, this.line(context, 'what-next'), choices);
  }
}
