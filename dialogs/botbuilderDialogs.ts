// The parts of botbuilder-dialogs this bot uses, imported file by file. The package's index also loads every prompt
// and, through them, its own copies of the date, number and choice recognisers: about 4 MB of code that start-up
// would load and initialise for prompts this bot never shows.
export { Dialog, DialogTurnStatus, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog.js';
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog.js';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
export type { DialogContext, DialogState } from 'botbuilder-dialogs/lib/dialogContext.js';
export { recognizeChoices } from 'botbuilder-dialogs/lib/choices/recognizeChoices.js';
export type { DialogStateManagerConfiguration } from 'botbuilder-dialogs/lib/memory/dialogStateManager.js';
