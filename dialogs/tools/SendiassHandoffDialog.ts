// The hand-off to a person: finds the family's council, then gives its SENDIASS details, or the national finder.
//
// Contact details are shown only from a council record marked verified: true, with their source and the date they
// were checked (DESIGN.md: never invented; unknown means the national finder). Unverified details, such as those
// from a 2014 leaflet, are not shown at all. National services show a phone number only if verified.
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from '../botbuilderDialogs.js';
import { Targets, type OfferedChoice } from '../../src/answers/choiceTargets.js';
import type { CouncilRecord, NationalService, SendiassDetails } from '../../src/knowledge/types.js';
import type { ReplyBlock } from '../../src/render/replyModel.js';
import { createCouncilMatcher, type CouncilMatcher } from '../../src/tools/councilLookup.js';
import { describeOpeningHours } from '../../src/tools/openingHours.js';
import { formatUkDate } from '../../src/tools/ukDate.js';
import { DialogIds } from '../dialogIds.js';
import type { GuideServices } from '../GuideServices.js';
import { getTurnInput, type TurnInput } from '../turnInput.js';
import { DONE_STEP, ToolDialog, type ToolState } from './ToolDialog.js';

type Step = 'council' | 'pick' | typeof DONE_STEP;

interface HandoffState extends ToolState {
  step: Step;
  /** Council names not found so far: after two, the national finder. */
  misses: number;
  /** ONS codes of the councils offered when a name was ambiguous. */
  options: string[];
}

const Choices = {
  dontKnow: 'sendiass:not-sure',
  noneOfThese: 'sendiass:none-of-these',
  anotherArea: 'sendiass:another-area',
  council: (code: string) => `sendiass:council:${code}`,
} as const;

const MISSES_BEFORE_THE_FINDER = 2;

/** The national finder goes first among national services: it leads to the family's own local service. */
const FINDER_ID = 'find-local-iass';

export class SendiassHandoffDialog extends ToolDialog<'sendiass', HandoffState> {
  private readonly findCouncil: CouncilMatcher;

  constructor(services: GuideServices) {
    super(DialogIds.sendiass, 'sendiass', services);
    this.findCouncil = createCouncilMatcher(services.councils);
    // Steps, in order:
    // council asks which council area (free text, typos tolerated, or "I'm not sure"); records misses.
    // pick    when the name fits several councils, asks which one (or types another name); records options.
    // done    the service's details (or the national finder) are shown; waits for where to go next.
    // With COUNCIL_CODE set, the deploying council's details are shown at once, with no question.
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state: HandoffState = { expects: 'text', step: 'council', misses: 0, options: [] };
    dc.activeDialog!.state = state;
    const intro: ReplyBlock = { type: 'text', markdown: this.line(dc.context, 'intro') };
    const deploying = this.services.deployingCouncil;
    if (deploying) {
      this.log(dc.context, DONE_STEP, 'started');
      await this.showCouncil(dc, deploying, [intro]);
      return Dialog.EndOfTurn;
    }
    this.log(dc.context, 'council', 'started');
    await this.askCouncil(dc.context, [intro]);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const input = getTurnInput(dc.context);
    const state = this.state(dc);
    if (state.step === DONE_STEP) {
      if (input.choice?.target === Choices.anotherArea) {
        Object.assign(state, { expects: 'text', step: 'council', misses: 0, options: [] } satisfies HandoffState);
        this.log(dc.context, DONE_STEP, 'back');
        await this.askCouncil(dc.context);
        return Dialog.EndOfTurn;
      }
      return this.leave(dc, input);
    }

    const target = input.choice?.target;
    if (target === Choices.dontKnow) {
      this.log(dc.context, state.step, 'skipped');
      await this.showNational(dc, [{ type: 'text', markdown: this.line(dc.context, 'not-sure') }]);
      return Dialog.EndOfTurn;
    }
    if (target === Choices.noneOfThese) {
      this.log(dc.context, 'pick', 'back');
      state.step = 'council';
      state.options = [];
      await this.askCouncil(dc.context);
      return Dialog.EndOfTurn;
    }
    const picked = state.options.find((code) => target === Choices.council(code));
    const council = picked ? this.services.councils.find((candidate) => candidate.code === picked) : undefined;
    if (council) {
      this.log(dc.context, 'pick', 'answered');
      await this.showCouncil(dc, council);
      return Dialog.EndOfTurn;
    }
    return this.lookUp(dc, input);
  }

  protected override async reprompt(context: TurnContext, state: HandoffState): Promise<void> {
    const back = [this.backTo(context)];
    if (state.step === 'council') await this.askCouncil(context, back);
    else if (state.step === 'pick') await this.askWhich(context, this.councilsByCode(state.options), back);
    else await this.askWhatNext(context, back);
  }

  /** Matches what was typed against every council's names; one match shows it, several are offered, none re-asks. */
  private async lookUp(dc: DialogContext, input: TurnInput): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const result = this.findCouncil(input.text);
    if (result.kind === 'match') {
      this.log(dc.context, state.step, 'answered');
      await this.showCouncil(dc, result.council);
      return Dialog.EndOfTurn;
    }
    if (result.kind === 'ambiguous') {
      this.log(dc.context, 'pick', 'asked');
      state.step = 'pick';
      state.options = result.options.map((option) => option.code);
      await this.askWhich(dc.context, result.options);
      return Dialog.EndOfTurn;
    }
    state.misses += 1;
    this.log(dc.context, state.step, 'reasked');
    if (state.misses >= MISSES_BEFORE_THE_FINDER) {
      await this.showNational(dc, [{ type: 'text', markdown: this.line(dc.context, 'not-found-again') }]);
      return Dialog.EndOfTurn;
    }
    state.step = 'council';
    state.options = [];
    await this.askCouncil(dc.context, [{ type: 'text', markdown: this.line(dc.context, 'not-found') }]);
    return Dialog.EndOfTurn;
  }

  private async askCouncil(context: TurnContext, before: ReplyBlock[] = []): Promise<void> {
    const choices = [this.choice(this.line(context, 'choice-dont-know'), Choices.dontKnow, ['not sure', 'dont know', "don't know", 'no idea', 'i dont know'])];
    await this.askForText(context, before, this.line(context, 'ask-council'), choices, this.line(context, 'hint-council-sms'));
    this.log(context, 'council', 'asked');
  }

  private async askWhich(context: TurnContext, councils: CouncilRecord[], before: ReplyBlock[] = []): Promise<void> {
    const choices: OfferedChoice[] = [
      ...councils.map((council) => this.choice(council.name, Choices.council(council.code), [council.officialName])),
      this.choice(this.line(context, 'choice-none-of-these'), Choices.noneOfThese, ['none', 'neither', 'no']),
    ];
    // Typing another name also works here, so the question takes text and the councils are its choices.
    await this.services.sender.send(context, { blocks: [...before, { type: 'choices', prompt: this.line(context, 'ask-which'), choices: choices.map(({ title, value }) => ({ title, value })) }] }, choices);
  }

  private councilsByCode(codes: string[]): CouncilRecord[] {
    return codes.map((code) => this.services.councils.find((council) => council.code === code)).filter((council): council is CouncilRecord => council !== undefined);
  }

  /** A council's checked details, or why we have none and the national finder instead. */
  private async showCouncil(dc: DialogContext, council: CouncilRecord, before: ReplyBlock[] = []): Promise<void> {
    const details = council.sendiass;
    if (!details?.verified) {
      this.log(dc.context, DONE_STEP, 'shown');
      const why = this.line(dc.context, details ? 'unverified' : 'unknown', { council: council.name });
      await this.showNational(dc, [...before, { type: 'text', markdown: why }]);
      return;
    }
    const blocks: ReplyBlock[] = [
      ...before,
      { type: 'text', markdown: this.line(dc.context, 'details-intro', { council: council.name }) },
      { type: 'facts', rows: this.detailRows(dc.context, details) },
      {
        type: 'sources',
        sources: [{ label: this.line(dc.context, 'source-label', { service: details.name, checked: formatUkDate(details.checked, { weekday: false }) }), url: details.sourceUrl }],
      },
      ...this.forStaff(dc.context),
    ];
    this.finish(dc);
    await this.askWhatNext(dc.context, blocks);
    this.log(dc.context, DONE_STEP, 'shown');
  }

  private detailRows(context: TurnContext, details: SendiassDetails): Array<{ label: string; value: string }> {
    const rows = [{ label: this.line(context, 'row-service'), value: details.name }];
    if (details.phone) rows.push({ label: this.line(context, 'row-phone'), value: details.phone });
    if (details.email) rows.push({ label: this.line(context, 'row-email'), value: details.email });
    if (details.website) rows.push({ label: this.line(context, 'row-website'), value: details.website });
    if (details.hours) {
      rows.push({ label: this.line(context, 'row-hours'), value: details.hours.text });
      const status = describeOpeningHours(details.hours, this.services.now());
      if (status.state !== 'unknown') rows.push({ label: this.line(context, 'row-now'), value: status.sentence });
    }
    return rows;
  }

  /** The national finder first, then the national charities, from content/services/national.yaml. */
  private async showNational(dc: DialogContext, before: ReplyBlock[]): Promise<void> {
    const context = dc.context;
    const services = [...this.services.nationalServices].sort((a, b) => Number(b.id === FINDER_ID) - Number(a.id === FINDER_ID));
    const lines = services.map((service) => this.nationalLine(context, service));
    const blocks: ReplyBlock[] = [
      ...before,
      { type: 'text', markdown: `${this.line(context, 'national-intro')}\n\n${lines.join('\n')}` },
      ...this.forStaff(context),
    ];
    this.finish(dc);
    await this.askWhatNext(context, blocks);
    this.log(context, DONE_STEP, 'shown');
  }

  private nationalLine(context: TurnContext, service: NationalService): string {
    const phone = service.verified && service.phone ? ` ${service.phone}` : '';
    return this.line(context, 'national-line', { name: service.name, whatItDoes: service.whatItDoes, website: `${service.website}${phone}` });
  }

  /** School staff on Teams also get how to help a family reach the service. */
  private forStaff(context: TurnContext): ReplyBlock[] {
    return this.services.audienceFor(context) === 'staff' ? [{ type: 'text', markdown: this.line(context, 'staff-referral') }] : [];
  }

  private finish(dc: DialogContext): void {
    dc.activeDialog!.state = { expects: 'choice', step: DONE_STEP, misses: 0, options: [] } satisfies HandoffState;
  }

  private async askWhatNext(context: TurnContext, before: ReplyBlock[]): Promise<void> {
    const choices: OfferedChoice[] = [];
    if (!this.services.deployingCouncil) choices.push(this.choice(this.line(context, 'choice-another-area'), Choices.anotherArea, ['another council', 'different area', 'try again']));
    choices.push(this.choice(this.line(context, 'choice-menu'), Targets.menu));
    await this.askForChoice(context, before, this.line(context, 'what-next'), choices);
  }
}
