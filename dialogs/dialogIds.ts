// Every dialog id, declared once.
export const DialogIds = {
  router: 'router',
  guidedFlow: 'guided-flow',
  forgetMe: 'forget-me',
  deadlines: 'tool-deadlines',
  requestLetter: 'tool-request-letter',
  reviewKit: 'tool-review-kit',
  sendiass: 'tool-sendiass',
} as const;

/** Tool ids as content names them ("tool:<id>") mapped to their dialogs. */
export const ToolDialogs: Record<string, string> = {
  deadlines: DialogIds.deadlines,
  'request-letter': DialogIds.requestLetter,
  'review-kit': DialogIds.reviewKit,
  sendiass: DialogIds.sendiass,
};
