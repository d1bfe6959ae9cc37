// The tools a flow or menu can start with "tool:<id>"; the dialogs register one dialog per id (dialogs/dialogIds.ts).
export const TOOL_IDS = ['deadlines', 'request-letter', 'review-kit', 'sendiass'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
