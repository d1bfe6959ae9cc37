// Loads @microsoft/recognizers-text-suite the first time a message needs it: the bundle is several megabytes, and
// reading it at import time was a large share of the bot's start-up.
import { createRequire } from 'node:module';
import type * as RecognizersSuite from '@microsoft/recognizers-text-suite';

export type Recognisers = typeof RecognizersSuite;

const require = createRequire(import.meta.url);
let loaded: Recognisers | undefined;

/** The recogniser suite, loaded synchronously on first use (its API is synchronous, and so is recogniseEntities). */
export function recognisers(): Recognisers {
  loaded ??= require('@microsoft/recognizers-text-suite') as Recognisers;
  return loaded;
}

/**
 * Loads the suite and builds its English date, number and yes/no models (together several hundred milliseconds), so
 * the first message after start that needs them is not slow. Call once the server is listening.
 */
export function preloadRecognisers(): void {
  const { Culture, DateTimeOptions, recognizeBoolean, recognizeDateTime, recognizeNumber } = recognisers();
  recognizeDateTime('3 March 2026', Culture.English, DateTimeOptions.None, new Date());
  recognizeNumber('two', Culture.English);
  recognizeBoolean('yes', Culture.English);
}
