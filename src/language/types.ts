// What the language layer tells the dialogs about one message.
export const CONTROL_INTENTS = ['greeting', 'thanks', 'goodbye', 'help', 'menu', 'human', 'forget-me'] as const;
export type ControlIntent = (typeof CONTROL_INTENTS)[number];
/** A topic id, a control intent, or "none" for out of scope / not understood. */
export type IntentName = string;

export interface RankedIntent {
  intent: IntentName;
  score: number;
}

export interface RecognisedDate {
  /** The words the date was read from. */
  text: string;
  /** ISO calendar date yyyy-mm-dd, read the British way (3/4/2026 is 3 April 2026). */
  date: string;
}

export interface Entities {
  dates: RecognisedDate[];
  /** Ages in years ("he's 7"). */
  ages: number[];
  /** School years ("Year 5" -> 5; Reception -> 0). */
  schoolYears: number[];
  numbers: number[];
  /** A yes/no answer when the message is one. */
  yesNo?: boolean;
}

export type SafeguardingCategory =
  | 'immediate-danger'
  | 'suicide'
  | 'self-harm'
  | 'abuse'
  | 'neglect'
  | 'domestic-violence'
  | 'exploitation';

export interface SafeguardingSignal {
  category: SafeguardingCategory;
  /** Whether the person at risk seems to be the child/young person or the adult writing. */
  about: 'child' | 'adult' | 'unknown';
}

export interface Understanding {
  text: string;
  intent: IntentName;
  score: number;
  /** Best first; used to offer the closest topics when not understood. */
  ranked: RankedIntent[];
  entities: Entities;
  safeguarding: SafeguardingSignal | null;
}
