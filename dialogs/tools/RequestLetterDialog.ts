// The request letter builder: asks one question at a time (Skip and Back on each), then shows the finished letter.
//
// Privacy (DESIGN.md): the child's details live only in this dialog's state, and are dropped as soon as the letter
// is shown. Nothing typed is logged or echoed back outside the letter itself.
// The council: the deploying council's name when COUNCIL_CODE is set; otherwise the letter keeps a clear
// "[add your council's name]" gap. We do not ask, to keep the questions to seven, and because many parents do
// not know whether their county or their district council is the one to write to.
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from '../botbuilderDialogs.js';
import { Targets, type OfferedChoice } from '../../src/answers/choiceTargets.js';
import type { ToolLineKey } from '../../src/knowledge/toolTexts.js';
import type { ReplyBlock } from '../../src/render/replyModel.js';
import { buildRequestLetter } from '../../src/tools/requestLetter.js';
import { addMonths } from '../../src/tools/ukDate.js';
import { DialogIds } from '../dialogIds.js';
import type { FlowExit } from '../GuidedFlowDialog.js';
import type { GuideServices } from '../GuideServices.js';
import { getTurnInput, type TurnInput } from '../turnInput.js';
import { DONE_STEP, ToolDialog, type ToolState } from './ToolDialog.js';
import { typedDate } from './typedDate.js';

type Line = ToolLineKey<'request-letter'>;
type LetterField = 'childName' | 'dateOfBirth' | 'setting' | 'needs' | 'supportTried' | 'whyPlanNeeded' | 'parentName';

interface LetterQuestion {
  /** Step id, as in logs and tests. */
  id: string;
  field: LetterField;
  ask: Line;
  /** How the answer is read: a line of text, a date of birth, a setting (or "not in school"), or paragraphs. */
  read: 'line' | 'date' | 'setting' | 'paragraphs';
}

interface LetterState extends ToolState {
  answers: Partial<Record<LetterField, string>>;
  outOfEducation: boolean;
}

const Choices = {
  skip: 'letter:skip',
  back: 'letter:back',
  notInSchool: 'letter:not-in-school',
} as const;

/** Where "Back" on the first question goes: the journey that offers the letter. */
const BEFORE_THE_LETTER = Targets.flow('ehc-assessment');

/** Requests can be made up to age 25 (facts.md 26); an older date of birth is almost certainly a typo. */
const OLDEST_AGE_YEARS = 25;

export class RequestLetterDialog extends ToolDialog<'request-letter', LetterState> {
  private readonly questions: LetterQuestion[];

  constructor(services: GuideServices) {
    super(DialogIds.requestLetter, 'request-letter', services);
    this.questions = [
      // Asks the child's full name; records answers.childName.
      { id: 'child-name', field: 'childName', ask: 'ask-child-name', read: 'line' },
      // Asks the date of birth, read the British way, checked as a real past date; records answers.dateOfBirth (ISO).
      { id: 'date-of-birth', field: 'dateOfBirth', ask: 'ask-date-of-birth', read: 'date' },
      // Asks the school, nursery or college, or "Not in school"; records answers.setting or outOfEducation.
      { id: 'setting', field: 'setting', ask: 'ask-setting', read: 'setting' },
      // Asks what needs the parent sees; records answers.needs.
      { id: 'needs', field: 'needs', ask: 'ask-needs', read: 'paragraphs' },
      // Asks what support has been tried and what difference it made; records answers.supportTried.
      { id: 'support-tried', field: 'supportTried', ask: 'ask-support-tried', read: 'paragraphs' },
      // Asks why a plan may be necessary; records answers.whyPlanNeeded.
      { id: 'why-plan', field: 'whyPlanNeeded', ask: 'ask-why-plan', read: 'paragraphs' },
      // Asks the parent's own name (optional); records answers.parentName.
      { id: 'parent-name', field: 'parentName', ask: 'ask-parent-name', read: 'line' },
      // Then: builds and shows the letter, forgets the answers, and waits for where to go next (step "done").
    ];
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const first = this.questions[0] as LetterQuestion;
    const state: LetterState = { expects: 'text', step: first.id, answers: {}, outOfEducation: false };
    dc.activeDialog!.state = state;
    this.log(dc.context, first.id, 'started');
    const intro: ReplyBlock[] = [
      { type: 'text', markdown: this.line(dc.context, 'intro') },
      { type: 'text', markdown: this.line(dc.context, 'privacy') },
    ];
    await this.ask(dc.context, first, intro);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const input = getTurnInput(dc.context);
    const state = this.state(dc);
    if (state.step === DONE_STEP) return this.leave(dc, input);
    const index = this.questions.findIndex((question) => question.id === state.step);
    const question = this.questions[index];
    if (!question) return dc.endDialog({ next: Targets.menu } satisfies FlowExit);

    switch (input.choice?.target) {
      case Choices.back: {
        this.log(dc.context, question.id, 'back');
        const previous = this.questions[index - 1];
        if (!previous) return dc.endDialog({ next: BEFORE_THE_LETTER } satisfies FlowExit);
        state.step = previous.id;
        await this.ask(dc.context, previous);
        return Dialog.EndOfTurn;
      }
      case Choices.skip:
        delete state.answers[question.field];
        if (question.read === 'setting') state.outOfEducation = false;
        this.log(dc.context, question.id, 'skipped');
        return this.next(dc, index);
      case Choices.notInSchool:
        if (question.read === 'setting') {
          delete state.answers.setting;
          state.outOfEducation = true;
          this.log(dc.context, question.id, 'answered');
          return this.next(dc, index);
        }
        break;
      default:
        break;
    }

    const problem = this.record(state, question, input);
    if (problem) {
      this.log(dc.context, question.id, 'reasked');
      await this.ask(dc.context, question, [{ type: 'text', markdown: this.line(dc.context, problem) }]);
      return Dialog.EndOfTurn;
    }
    this.log(dc.context, question.id, 'answered');
    return this.next(dc, index);
  }

  protected override async reprompt(context: TurnContext, state: LetterState): Promise<void> {
    if (state.step === DONE_STEP) {
      await this.askWhatNext(context, [this.backTo(context)]);
      return;
    }
    const question = this.questions.find((candidate) => candidate.id === state.step);
    if (question) await this.ask(context, question, [this.backTo(context)]);
  }

  /** Keeps a typed answer in the dialog state; returns the line to say when the answer cannot be used. */
  private record(state: LetterState, question: LetterQuestion, input: TurnInput): Line | undefined {
    if (input.text.trim() === '') return 'empty-answer';
    if (question.read === 'date') {
      const found = typedDate(input);
      const today = this.today();
      if (found.kind === 'none') return 'dob-invalid';
      if (!found.withYear) return 'dob-no-year';
      if (found.date > today) return 'dob-future';
      if (found.date < addMonths(today, -12 * (OLDEST_AGE_YEARS + 1))) return 'dob-too-old';
      state.answers.dateOfBirth = found.date;
      return undefined;
    }
    if (question.read === 'setting') state.outOfEducation = false;
    state.answers[question.field] = input.text;
    return undefined;
  }

  private async next(dc: DialogContext, index: number): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const following = this.questions[index + 1];
    if (following) {
      state.step = following.id;
      await this.ask(dc.context, following);
      return Dialog.EndOfTurn;
    }
    await this.showLetter(dc);
    return Dialog.EndOfTurn;
  }

  private async ask(context: TurnContext, question: LetterQuestion, before: ReplyBlock[] = []): Promise<void> {
    const choices: OfferedChoice[] = [];
    if (question.read === 'setting') {
      choices.push(this.choice(this.line(context, 'choice-not-in-school'), Choices.notInSchool, ['none', 'not in school', 'no school', 'out of school', 'home educated']));
    }
    choices.push(
      this.choice(this.line(context, 'choice-skip'), Choices.skip, ['skip', 'skip this', 'skip it', 'pass', 'leave it out']),
      this.choice(this.line(context, 'choice-back'), Choices.back, ['back', 'go back', 'previous', 'previous question']),
    );
    const hint = this.line(context, question.read === 'setting' ? 'hint-setting-sms' : 'hint-sms');
    await this.askForText(context, before, this.line(context, question.ask), choices, hint);
    this.log(context, question.id, 'asked');
  }

  /** Builds the letter from the answers, shows it for this channel, then drops every answer from the state. */
  private async showLetter(dc: DialogContext): Promise<void> {
    const state = this.state(dc);
    const { answers } = state;
    const council = this.services.deployingCouncil;
    const letter = buildRequestLetter({
      parentName: answers.parentName,
      childName: answers.childName ?? '',
      childDateOfBirth: answers.dateOfBirth,
      setting: answers.setting,
      outOfEducation: state.outOfEducation,
      needs: answers.needs ?? '',
      supportTried: answers.supportTried ?? '',
      whyPlanNeeded: answers.whyPlanNeeded ?? '',
      councilName: council?.officialName,
      today: this.today(),
      fullLetterHint: this.lines.get('full-letter-hint-sms', 'sms'),
    });
    // The answers are no longer needed: from here on the state holds nothing the person typed.
    dc.activeDialog!.state = { expects: 'choice', step: DONE_STEP, answers: {}, outOfEducation: false } satisfies LetterState;

    const blocks: ReplyBlock[] = [];
    if (this.channel(dc.context) !== 'sms') blocks.push({ type: 'text', markdown: this.line(dc.context, 'letter-ready') });
    if (council && this.channel(dc.context) !== 'sms') blocks.push({ type: 'text', markdown: this.line(dc.context, 'council-known', { council: council.officialName }) });
    blocks.push({ type: 'document', title: letter.title, text: letter.plainText, fileName: letter.fileName, mimeType: letter.mimeType, smsText: letter.shortText });
    await this.askWhatNext(dc.context, blocks);
    this.log(dc.context, DONE_STEP, 'shown');
  }

  private async askWhatNext(context: TurnContext, before: ReplyBlock[]): Promise<void> {
    const choices = [
      this.choice(this.line(context, 'choice-dates'), Targets.tool('deadlines'), ['dates', 'deadlines']),
      this.choice(this.line(context, 'choice-talk'), Targets.human),
      this.choice(this.line(context, 'choice-menu'), Targets.menu),
    ];
    await this.askForChoice(context, before, this.line(context, 'what-next'), choices);
  }
}
