// The topic ids the bot's menus, flows and tools rely on; content is incomplete until each has a file.
export const REQUIRED_TOPIC_IDS = [
  'what-is-sen', 'what-is-sen-support', 'no-diagnosis-needed', 'worried-about-my-child', 'areas-of-need', 'senco',
  'types-of-support', 'graduated-approach', 'stage-assess', 'stage-plan', 'stage-do', 'stage-review', 'support-plan',
  'review-meetings', 'review-preparation', 'parent-rights', 'child-views', 'specialists', 'disagree-with-school',
  'ehc-needs-assessment', 'ehc-request', 'ehc-timescales', 'ehc-refusal', 'ehc-plan', 'sendiass', 'local-offer',
  'early-years', 'post-16', 'disability-adjustments', 'funding', 'glossary',
] as const;
