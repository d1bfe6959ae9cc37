// Keeps trained models on disk, keyed by a hash of everything training reads, so a restart with unchanged training
// data loads the model (milliseconds) instead of training it again (most of a second at start-up).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { startupCacheDirectory } from '../../startupCache/startupCacheDirectory.js';
import { TEMPORARY_SUFFIX, writeFileAtomically } from '../../startupCache/writeFileAtomically.js';
import type { FeatureOptions } from '../textFeatures.js';
import type { TrainingSet } from './scoringModel.js';
import type { SoftmaxRegressionParameters } from './softmaxRegression.js';
import { decodeTrainedModel, encodeTrainedModel } from './trainedModelFile.js';

/** Bump when trainedModelFile.ts changes what it writes, so files in the old format are never read as the new. */
export const TRAINED_MODEL_FORMAT = 1;

/**
 * The bot trains two models, and each way of running it (tsx, the start-up bundle, vitest) keys them apart because
 * the training code's text differs; the rest is room for the tests' small models and a recent content version.
 */
export const KEPT_MODEL_FILES = 12;

const FILE_NAME = /^model-[0-9a-f]{64}\.bin$/;
/** A leftover temporary file older than this is from a process that died mid-write, not one still writing. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export interface TrainedModelCache {
  /** The model saved under `key`, or undefined when there is none usable (missing, unreadable, corrupt). */
  load(key: string, features: FeatureOptions): SoftmaxRegressionParameters | undefined;
  /** Saves the model under `key`; never throws (a read-only install just trains on every start). */
  save(key: string, parameters: SoftmaxRegressionParameters): void;
}

/** What the key is made of, all of it: a model is only reused when every input to training is the same. */
export interface TrainingInputs {
  data: TrainingSet;
  seed: number;
  options: unknown;
  /** The source of the training code: editing it makes a new key, so a change to training is never hidden by a cache. */
  trainingCode: string;
}

export function trainedModelKey({ data, seed, options, trainingCode }: TrainingInputs): string {
  const hash = createHash('sha256');
  hash.update(canonical([TRAINED_MODEL_FORMAT, endianness(), trainingCode, seed, options, data.classes]));
  // JSON arrays end where they say, so the parts cannot run into each other.
  hash.update(JSON.stringify(data.labels)).update(JSON.stringify(data.texts));
  return hash.digest('hex');
}

export function trainedModelCache(directory: string, keep = KEPT_MODEL_FILES): TrainedModelCache {
  const fileFor = (key: string) => join(directory, `model-${key}.bin`);
  return {
    load(key, features) {
      const file = fileFor(key);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return undefined;
      }
      const decoded = decodeTrainedModel(bytes, features);
      if (decoded?.key !== key) return undefined;
      try {
        // Marks it recently used, which is what pruning goes by.
        const now = new Date();
        utimesSync(file, now, now);
      } catch {
        // A read-only cache still serves what it holds.
      }
      return decoded.parameters;
    },
    save(key, parameters) {
      try {
        writeFileAtomically(fileFor(key), encodeTrainedModel(key, parameters));
        prune(directory, keep);
      } catch {
        // Caching is only a speed-up: an unwritable folder must not stop the bot.
      }
    },
  };
}

let shared: TrainedModelCache | undefined;

/** The one cache in this project's cache folder, used unless a caller passes another. */
export function sharedTrainedModelCache(): TrainedModelCache {
  shared ??= trainedModelCache(startupCacheDirectory());
  return shared;
}

/** Keeps the `keep` most recently used model files, and clears temporary files abandoned by a crashed write. */
function prune(directory: string, keep: number): void {
  const now = Date.now();
  const models: Array<{ file: string; used: number }> = [];
  for (const name of readdirSync(directory)) {
    const file = join(directory, name);
    try {
      if (FILE_NAME.test(name)) models.push({ file, used: statSync(file).mtimeMs });
      else if (name.startsWith('model-') && name.endsWith(TEMPORARY_SUFFIX) && now - statSync(file).mtimeMs > ABANDONED_AFTER_MS) rmSync(file, { force: true });
    } catch {
      // Another process removed or replaced it meanwhile: nothing to prune.
    }
  }
  models.sort((a, b) => b.used - a.used);
  for (const { file } of models.slice(keep)) rmSync(file, { force: true });
}

/** One text for any options value: object keys sorted, and numbers written so that NaN, Infinity and -0 stay distinct. */
function canonical(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
