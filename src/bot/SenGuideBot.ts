// The answer pipeline for one activity: normalise → safeguarding → welcome → route (dialogs) → save state.
import { ActivityHandler, TurnContext, type Activity, type BotState, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState, type DialogStateManagerConfiguration } from '../../dialogs/botbuilderDialogs.js';
import type { GuideServices } from '../../dialogs/GuideServices.js';
import { newGuideState, type GuideState } from '../../dialogs/guideState.js';
import { resolveChoice } from '../../dialogs/resolveChoice.js';
import type { RouterDialog } from '../../dialogs/RouterDialog.js';
import { channelKindOf, setTurnInput } from '../../dialogs/turnInput.js';
import { buildMenuReply } from '../answers/menuReply.js';
import { buildSafeguardingReply } from '../answers/safeguardingReply.js';
import { normaliseCommandText } from '../knowledge/conversationContent.js';
import type { Understanding } from '../language/types.js';
import { hashId } from '../logging/logger.js';
import { isETagConflict } from '../storage/eTagConflictError.js';
import { renderSmsOverflow } from '../render/renderSms.js';
import type { Reply } from '../render/replyModel.js';
import { readIncomingText } from './readIncomingText.js';

export interface LanguageService {
  understand(text: string, referenceDate?: Date): Understanding;
}

export interface BotParts {
  services: GuideServices;
  language: LanguageService;
  router: RouterDialog;
  dialogState: StatePropertyAccessor<DialogState>;
  states: BotState[];
  maxMessageLength: number;
}

/** Set on a turn whose state was deleted ("forget me"), so nothing is written back at the end of it. */
export const FORGOTTEN = Symbol('forgotten');

/** Where DialogStateManager looks for a ready-made configuration in the turn state (not exported by botbuilder). */
const DIALOG_STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/** How many times a turn runs when another instance keeps saving the same conversation first. */
const MAX_TURN_ATTEMPTS = 3;

export class SenGuideBot extends ActivityHandler {
  /**
   * Built once, not per turn: botbuilder's `runDialog` helper also builds a memory-scope manager and a state-snapshot
   * trace on every turn, for adaptive dialogs and the Emulator, which this bot uses neither of.
   */
  private readonly dialogs: DialogSet;
  /**
   * Every dialog context (two or three a turn) otherwise rebuilds its memory-scope configuration from botbuilder's
   * component registry, re-validating settings each time. It is the same every turn, so the first one is kept and
   * handed to later turns, as botbuilder's own DialogManager does.
   */
  private dialogStateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly parts: BotParts) {
    super();
    this.dialogs = new DialogSet(parts.dialogState).add(parts.router);
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const someoneJoined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (someoneJoined) {
        const state = await this.guideState.get(context, newGuideState());
        if (!state.welcomed) await this.welcome(context, state);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /**
   * Runs the turn as a transaction: replies are held back until the state is saved. If another instance saved this
   * conversation first (an eTag conflict), the turn runs again on fresh state and the held replies are dropped, so
   * a person never sees a reply twice and the conversation is never wiped.
   */
  override async run(context: TurnContext): Promise<void> {
    const outbox: Array<Partial<Activity>> = [];
    let holding = true;
    context.onSendActivities(async (_context, activities, next) => {
      if (!holding) return next();
      outbox.push(...activities);
      return activities.map(() => ({ id: '' }));
    });
    for (let attempt = 1; ; attempt += 1) {
      outbox.length = 0;
      try {
        await super.run(context);
        if (!context.turnState.get(FORGOTTEN)) for (const state of this.parts.states) await state.saveChanges(context, false);
        break;
      } catch (error) {
        if (!isETagConflict(error) || attempt >= MAX_TURN_ATTEMPTS) {
          holding = false;
          throw error;
        }
        this.parts.services.logger.warn('turn.conflict_retried', { status: 'retry_etag_conflict', attempt, conversation: hashId(context.activity.conversation?.id) });
        for (const state of this.parts.states) await state.load(context, true);
      }
    }
    holding = false;
    if (outbox.length > 0) await context.sendActivities(outbox);
  }

  private get guideState(): StatePropertyAccessor<GuideState> {
    return this.parts.services.guideState;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { services, language } = this.parts;
    const messages = services.content.messages;
    const channel = channelKindOf(context);
    const text = readIncomingText(context);
    const state = await this.guideState.get(context, newGuideState());
    const log = services.logger.child({ channel, conversation: hashId(context.activity.conversation?.id) });

    if (text.length > this.parts.maxMessageLength) {
      log.info('turn.rejected', { status: 'clarification_too_long' });
      await services.sender.send(context, { blocks: [{ type: 'text', markdown: messages.get('too-long', channel) }] });
      return;
    }

    const understanding = language.understand(text, services.now());
    // Safeguarding comes before anything else, every time, on every channel.
    if (understanding.safeguarding) {
      log.warn('turn.safeguarding', { status: 'safety_signposted', category: understanding.safeguarding.category });
      const { reply, choices } = buildSafeguardingReply(understanding.safeguarding, services.content.safeguarding, {
        audience: services.audienceFor(context),
        councilContact: describeCouncilContact(services),
        menuTitle: messages.get('menu-title'),
      });
      await services.sender.send(context, reply, choices);
      if (!state.welcomed) await this.welcome(context, state, false);
      return;
    }

    const command = services.content.commands.get(normaliseCommandText(text));
    if (!state.welcomed) {
      // SMS sends no conversationUpdate, so the first message is where a texter is welcomed.
      const opening = text.length === 0 || command === 'menu' || ['greeting', 'menu', 'help'].includes(understanding.intent);
      await this.welcome(context, state, opening);
      if (opening) return;
    }
    if (command === 'more' && channel === 'sms') {
      await this.sendMore(context, state);
      return;
    }
    const choice = resolveChoice(text, state.offered, state.offeredEarlier);
    state.offered = [];
    state.offeredEarlier = [];
    setTurnInput(context, { text, channel, understanding, choice, command });
    // The intent is not read here: a choice or a command is routed without classifying the message at all, and the
    // router logs the intent when it does need it.
    log.debug('turn.routed', { via: choice ? 'choice' : command ? 'command' : 'free-text', choice: choice?.target });
    if (this.dialogStateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION_KEY, this.dialogStateConfiguration);
    const dc = await this.dialogs.createContext(context);
    this.dialogStateConfiguration ??= dc.state.configuration;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.parts.router.id);
  }

  /** Who the bot is, the privacy line, and (unless the message will be answered) the main choices. */
  private async welcome(context: TurnContext, state: GuideState, withMenu = true): Promise<void> {
    const { services } = this.parts;
    const channel = channelKindOf(context);
    const messages = services.content.messages;
    const intro: Reply['blocks'] = [
      { type: 'text', markdown: messages.get('welcome', channel) },
      { type: 'text', markdown: messages.get('welcome-privacy', channel) },
    ];
    state.welcomed = true;
    if (withMenu) {
      const { reply, choices } = buildMenuReply(services.content.menu, intro);
      await services.sender.send(context, reply, choices);
    } else {
      await services.sender.send(context, { blocks: intro });
    }
  }

  private async sendMore(context: TurnContext, state: GuideState): Promise<void> {
    const { services } = this.parts;
    const messages = services.content.messages;
    if (state.smsOverflow.length === 0) {
      await context.sendActivity(messages.get('nothing-more', 'sms'));
      return;
    }
    const { activities, overflow } = renderSmsOverflow(state.smsOverflow, state.lastTopicId);
    state.smsOverflow = overflow;
    await context.sendActivities(activities);
  }
}

function describeCouncilContact(services: GuideServices): string | undefined {
  const care = services.deployingCouncil?.childrensSocialCare;
  if (!care || !care.verified) return undefined;
  return [care.phone, care.website].filter((part): part is string => Boolean(part)).join(', ') || undefined;
}
