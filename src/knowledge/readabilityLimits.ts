// The house readability limits for anything a reader sees (STYLE.md and the shared brief), measured by readability.ts.
export const READABILITY_LIMITS = {
  /** No sentence longer than this many words. */
  maxSentenceWords: 25,
  /** Average words per sentence at most this. */
  maxAverageSentenceWords: 15,
  /** Flesch reading ease at least this (aim 70). */
  minReadingEase: 60,
  /** Flesch–Kincaid grade at most this (aim 6). */
  maxGrade: 8,
} as const;
