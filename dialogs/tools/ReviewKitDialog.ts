// The review meeting kit: three quick questions, then a personal list of questions and a record sheet to keep.
//
// Worries are picked one at a time from the fixed list, each pick adding one, until "That's all": one short
// numbered list per turn works on SMS as well as on buttons.
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from '../botbuilderDialogs.js';
import { Targets, type OfferedChoice } from '../../src/answers/choiceTargets.js';
import type { ReplyBlock } from '../../src/render/replyModel.js';
import { buildReviewMeetingKit, type KitDocument } from '../../src/tools/reviewMeetingKit.js';
import { REVIEW_WORRIES, type ReviewWorry } from '../../src/tools/reviewQuestionBank.js';
import { DialogIds } from '../dialogIds.js';
import type { GuideServices } from '../GuideServices.js';
import { getTurnInput } from '../turnInput.js';
import { DONE_STEP, ToolDialog, type ToolState } from './ToolDialog.js';

type Step = 'first-review' | 'worries' | 'targets' | typeof DONE_STEP;

interface ReviewKitState extends ToolState {
  step: Step;
  firstReview?: boolean;
  worries: ReviewWorry[];
}

const Choices = {
  firstYes: 'review-kit:first',
  firstNo: 'review-kit:not-first',
  worry: (id: ReviewWorry) => `review-kit:worry:${id}`,
  worriesDone: 'review-kit:worries-done',
  skip: 'review-kit:skip',
} as const;

// SMS: the parent's own words are left out of the texts, so that text waiting for MORE in the conversation state
// never holds what they typed (they already know what they wrote).
const QUOTED_LINE = /^You wrote: .*$\n?/gm;

export class ReviewKitDialog extends ToolDialog<'review-kit', ReviewKitState> {
  constructor(services: GuideServices) {
    super(DialogIds.reviewKit, 'review-kit', services);
    // Steps, in order:
    // first-review asks whether this is the first review meeting; records firstReview.
    // worries      asks what worries the parent most, one pick at a time until "That's all"; records worries.
    // targets      asks which targets were set (free text, or Skip); used at once, never stored.
    // done         the questions and record sheet are shown; waits for where to go next.
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state: ReviewKitState = { expects: 'choice', step: 'first-review', worries: [] };
    dc.activeDialog!.state = state;
    this.log(dc.context, 'first-review', 'started');
    await this.askFirstReview(dc.context, [{ type: 'text', markdown: this.line(dc.context, 'intro') }]);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const input = getTurnInput(dc.context);
    const state = this.state(dc);
    const target = input.choice?.target;
    switch (state.step) {
      case 'first-review':
        if (target !== Choices.firstYes && target !== Choices.firstNo) return Dialog.EndOfTurn;
        state.firstReview = target === Choices.firstYes;
        this.log(dc.context, 'first-review', 'answered');
        state.step = 'worries';
        await this.askWorries(dc.context, state);
        return Dialog.EndOfTurn;
      case 'worries': {
        const picked = REVIEW_WORRIES.find((id) => target === Choices.worry(id));
        if (picked && !state.worries.includes(picked)) state.worries.push(picked);
        if (picked) this.log(dc.context, 'worries', 'answered');
        const allPicked = state.worries.length === REVIEW_WORRIES.length;
        if (target === Choices.worriesDone || allPicked) {
          state.step = 'targets';
          state.expects = 'text';
          await this.askTargets(dc.context, state);
          return Dialog.EndOfTurn;
        }
        await this.askWorries(dc.context, state, picked);
        return Dialog.EndOfTurn;
      }
      case 'targets': {
        const skipped = target === Choices.skip || input.text.trim() === '';
        this.log(dc.context, 'targets', skipped ? 'skipped' : 'answered');
        await this.showKit(dc, skipped ? undefined : input.text);
        return Dialog.EndOfTurn;
      }
      case DONE_STEP:
        return this.leave(dc, input);
    }
  }

  protected override async reprompt(context: TurnContext, state: ReviewKitState): Promise<void> {
    const back = [this.backTo(context)];
    if (state.step === 'first-review') await this.askFirstReview(context, back);
    else if (state.step === 'worries') await this.askWorries(context, state, undefined, back);
    else if (state.step === 'targets') await this.askTargets(context, state, back);
    else await this.askWhatNext(context, back);
  }

  private async askFirstReview(context: TurnContext, before: ReplyBlock[]): Promise<void> {
    const choices = [
      this.choice(this.line(context, 'choice-first-yes'), Choices.firstYes, ['yes', 'y', 'first', 'first one', 'yes it is']),
      this.choice(this.line(context, 'choice-first-no'), Choices.firstNo, ['no', 'n', 'not the first', 'no it isnt', 'had one']),
    ];
    await this.askForChoice(context, before, this.line(context, 'ask-first-review'), choices);
    this.log(context, 'first-review', 'asked');
  }

  /** Offers the worries not yet picked, and "That's all" once at least one is picked (or to pick none). */
  private async askWorries(context: TurnContext, state: ReviewKitState, justPicked?: ReviewWorry, before: ReplyBlock[] = []): Promise<void> {
    const bank = this.services.tools.reviewQuestions;
    const remaining = bank.worries.filter((worry) => !state.worries.includes(worry.id));
    const choices: OfferedChoice[] = [
      ...remaining.map((worry) => this.choice(worry.label, Choices.worry(worry.id), [worry.heading])),
      this.choice(this.line(context, 'choice-done'), Choices.worriesDone, ['done', 'thats all', 'that is all', 'nothing else', 'finished', 'none', 'no more']),
    ];
    const label = bank.worries.find((worry) => worry.id === justPicked)?.label;
    const prompt = label ? this.line(context, 'ask-more-worries', { worry: label }) : this.line(context, 'ask-worries');
    await this.askForChoice(context, before, prompt, choices);
    this.log(context, 'worries', 'asked');
  }

  private async askTargets(context: TurnContext, state: ReviewKitState, before: ReplyBlock[] = []): Promise<void> {
    const choices = [this.choice(this.line(context, 'choice-skip'), Choices.skip, ['skip', 'skip this', 'none', 'no targets', 'not sure', 'dont know'])];
    const prompt = this.line(context, state.firstReview ? 'ask-targets-first' : 'ask-targets-later');
    await this.askForText(context, before, prompt, choices, this.line(context, 'hint-skip-sms'));
    this.log(context, 'targets', 'asked');
  }

  private async showKit(dc: DialogContext, targets: string | undefined): Promise<void> {
    const context = dc.context;
    const state = this.state(dc);
    const kit = buildReviewMeetingKit({ firstReview: state.firstReview ?? false, worries: state.worries, targets }, this.services.tools.reviewQuestions);
    dc.activeDialog!.state = { expects: 'choice', step: DONE_STEP, worries: [] } satisfies ReviewKitState;

    const sms = this.channel(context) === 'sms';
    // The document's own text starts with its title, so the block's title says what to do with it instead.
    const document = (doc: KitDocument, title: string): ReplyBlock => ({
      type: 'document',
      title,
      text: doc.plainText,
      fileName: doc.fileName,
      mimeType: 'text/plain',
      smsText: doc.smsPieces.map((piece) => piece.replace(QUOTED_LINE, '').trim()).filter((piece) => piece !== '').join('\n\n'),
    });
    const blocks: ReplyBlock[] = [
      { type: 'text', markdown: this.line(context, sms ? 'kit-ready-sms' : 'kit-ready') },
      ...kit.notes.map((note): ReplyBlock => ({ type: 'text', markdown: note })),
      document(kit.questionList, this.line(context, 'questions-file-title')),
      { type: 'text', markdown: this.line(context, 'record-ready') },
      document(kit.record, this.line(context, 'record-file-title')),
      { type: 'sources', sources: kit.sources },
    ];
    await this.askWhatNext(context, blocks);
    this.log(context, DONE_STEP, 'shown');
  }

  private async askWhatNext(context: TurnContext, before: ReplyBlock[]): Promise<void> {
    const choices = [
      this.choice(this.line(context, 'choice-prepare'), Targets.topic('review-preparation'), ['prepare', 'preparation']),
      this.choice(this.line(context, 'choice-talk'), Targets.human),
      this.choice(this.line(context, 'choice-menu'), Targets.menu),
    ];
    await this.askForChoice(context, before, this.line(context, 'what-next'), choices);
  }
}
