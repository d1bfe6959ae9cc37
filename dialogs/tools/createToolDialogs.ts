// The tool dialogs a flow or command can start with "tool:<id>" (see dialogIds.ts ToolDialogs).
import type { Dialog } from 'botbuilder-dialogs';
import type { GuideServices } from '../GuideServices.js';

export function createToolDialogs(_services: GuideServices): Dialog[] {
  return [];
}
