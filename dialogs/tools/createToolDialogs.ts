// The tool dialogs a flow or command can start with "tool:<id>" (see dialogIds.ts ToolDialogs).
import type { Dialog } from '../botbuilderDialogs.js';
import type { GuideServices } from '../GuideServices.js';
import { DeadlinesDialog } from './DeadlinesDialog.js';
import { RequestLetterDialog } from './RequestLetterDialog.js';
import { ReviewKitDialog } from './ReviewKitDialog.js';
import { SendiassHandoffDialog } from './SendiassHandoffDialog.js';

export function createToolDialogs(services: GuideServices): Dialog[] {
  return [new RequestLetterDialog(services), new DeadlinesDialog(services), new ReviewKitDialog(services), new SendiassHandoffDialog(services)];
}
