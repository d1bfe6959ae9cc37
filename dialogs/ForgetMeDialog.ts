// "Forget me": asks once to confirm, then deletes everything stored about this user and conversation.
import { Dialog, type DialogContext, type DialogTurnResult } from './botbuilderDialogs.js';
import { Targets, type OfferedChoice } from '../src/answers/choiceTargets.js';
import { DialogIds } from './dialogIds.js';
import type { GuideServices } from './GuideServices.js';
import { getTurnInput } from './turnInput.js';

export class ForgetMeDialog extends Dialog {
  constructor(private readonly services: GuideServices) {
    super(DialogIds.forgetMe);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { expects: 'choice' };
    await this.ask(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const choice = getTurnInput(dc.context).choice;
    const messages = this.services.content.messages;
    if (choice?.target === Targets.forgetMeYes) {
      await dc.cancelAllDialogs();
      await this.services.forget(dc.context);
      await this.services.sender.send(dc.context, { blocks: [{ type: 'text', markdown: messages.get('forget-me-done') }] });
      this.services.logger.info('privacy.forgotten', { status: 'answered_forget_me', channel: dc.context.activity.channelId });
      return Dialog.EndOfTurn;
    }
    await this.services.sender.send(dc.context, { blocks: [{ type: 'text', markdown: messages.get('forget-me-cancelled') }] });
    return dc.endDialog();
  }

  override async repromptDialog(context: DialogContext['context']): Promise<void> {
    await this.ask(context);
  }

  private async ask(context: DialogContext['context']): Promise<void> {
    const messages = this.services.content.messages;
    const choices: OfferedChoice[] = [
      { title: messages.get('forget-me-yes'), value: messages.get('forget-me-yes'), target: Targets.forgetMeYes, synonyms: ['yes', 'y', 'delete', 'yes please'] },
      { title: messages.get('forget-me-no'), value: messages.get('forget-me-no'), target: Targets.forgetMeNo, synonyms: ['no', 'n', 'keep', 'no thanks'] },
    ];
    await this.services.sender.send(
      context,
      { blocks: [{ type: 'choices', prompt: messages.get('forget-me-confirm'), choices: choices.map(({ title, value }) => ({ title, value })) }] },
      choices,
    );
  }
}
