// Turns normalised text into sparse TF-IDF vectors: word unigrams and bigrams plus character 3–5-grams inside word
// boundaries (the character grams are what make "assesment" and "assessment" look alike).

export interface SparseVector {
  /** Feature indices, ascending. */
  indices: Int32Array;
  values: Float64Array;
}

export interface FeatureOptions {
  /** Character n-gram lengths, inside word boundaries. */
  charNgrams: { min: number; max: number };
  /** Include word bigrams as well as single words. */
  wordBigrams: boolean;
  /** Relative weight of the word block against the character block before the final length normalisation. */
  wordWeight: number;
  charWeight: number;
  /** Use 1 + ln(tf) instead of raw counts. */
  sublinearTf: boolean;
  /** Drop features seen in fewer training texts than this: a feature from one example can only memorise it. */
  minDf: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  charNgrams: { min: 3, max: 5 },
  wordBigrams: true,
  wordWeight: 1,
  charWeight: 1,
  sublinearTf: true,
  minDf: 2,
};

interface FeatureCounts {
  /** Single words and "word word" bigrams (a bigram has a space, so the two never collide). */
  words: Map<string, number>;
  /** Character n-grams by a 32-bit hash of their characters, ascending, with their counts (no strings made). */
  charKeys: Float64Array;
  charCounts: Int32Array;
}

// Reused between calls: counting character grams is the hot loop, and a fresh array per message costs more than the
// counting itself.
let hashBuffer = new Float64Array(2048);

/** Raw feature counts of one normalised text. */
export function countFeatures(normalised: string, options: FeatureOptions): FeatureCounts {
  const words = new Map<string, number>();
  const tokens = normalised.split(' ').filter((t) => t.length > 0);
  const { min, max } = options.charNgrams;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    words.set(token, (words.get(token) ?? 0) + 1);
    if (options.wordBigrams && i + 1 < tokens.length) {
      const bigram = `${token} ${tokens[i + 1]}`;
      words.set(bigram, (words.get(bigram) ?? 0) + 1);
    }
    // The token padded with a space each side, so grams at word edges differ from grams inside words.
    // (No helper closures in this loop: it runs for every character of every message.)
    const length = token.length + 2;
    if (count + length * (max - min + 1) > hashBuffer.length) {
      const bigger = new Float64Array(Math.max(hashBuffer.length * 2, count + length * (max - min + 1)));
      bigger.set(hashBuffer.subarray(0, count));
      hashBuffer = bigger;
    }
    for (let start = 0; start < length; start++) {
      let hash = 0x811c9dc5;
      for (let n = 1; n <= max && start + n <= length; n++) {
        const k = start + n - 1;
        hash = Math.imul(hash ^ (k === 0 || k === length - 1 ? 32 : token.charCodeAt(k - 1)), 0x01000193);
        // Mixing in the length keeps a 3-gram and a 4-gram from sharing a hash by construction.
        if (n >= min) hashBuffer[count++] = (hash ^ n) >>> 0;
      }
    }
  }
  // Sorting then counting runs is much cheaper than a Map per message.
  const sorted = hashBuffer.subarray(0, count).sort();
  let unique = 0;
  for (let k = 0; k < count; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) unique++;
  const charKeys = new Float64Array(unique);
  const charCounts = new Int32Array(unique);
  let u = -1;
  for (let k = 0; k < count; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) charKeys[++u] = sorted[k] as number;
    charCounts[u] = (charCounts[u] as number) + 1;
  }
  return { words, charKeys, charCounts };
}

export interface TfIdfVectoriser {
  readonly size: number;
  /** TF-IDF weighted, each block scaled by its weight, whole vector of length 1. */
  vectorise(normalised: string): SparseVector;
  /** Raw counts on the same index space (for naive Bayes), no weighting. */
  counts(normalised: string): SparseVector;
  /** What was learnt from the training texts: enough to rebuild this vectoriser without them (see restoreTfIdf). */
  readonly state: TfIdfState;
}

export interface FittedTfIdf extends TfIdfVectoriser {
  /** The vectors of the texts the vectoriser was fitted on, in order (reuses the counting already done). */
  trainingVectors(): SparseVector[];
}

/** A fitted vectoriser's vocabulary and weights: both maps give each kept feature its index in 0..idf.length-1. */
export interface TfIdfState {
  options: FeatureOptions;
  /** Single words and "word word" bigrams. */
  words: Map<string, number>;
  /** Character n-grams by the hash countFeatures gives them. */
  charGrams: Map<number, number>;
  idf: Float64Array;
}

/** Learns the vocabulary and inverse document frequencies from the training texts (already normalised). */
export function fitTfIdf(texts: string[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): FittedTfIdf {
  const wordIndex = new Map<string, number>();
  const charIndex = new Map<number, number>();
  const df: number[] = [];
  const register = <K>(index: Map<K, number>, key: K) => {
    let i = index.get(key);
    if (i === undefined) {
      i = df.length;
      index.set(key, i);
      df.push(0);
    }
    df[i] = (df[i] as number) + 1;
  };
  const fittedCounts = texts.map((text) => countFeatures(text, options));
  for (const { words, charKeys } of fittedCounts) {
    for (const key of words.keys()) register(wordIndex, key);
    for (const key of charKeys) register(charIndex, key);
  }
  // Keep only features seen often enough, renumbered densely so the models' weight arrays stay small.
  const keep = new Int32Array(df.length).fill(-1);
  const keptDf: number[] = [];
  df.forEach((d, i) => {
    if (d >= options.minDf) {
      keep[i] = keptDf.length;
      keptDf.push(d);
    }
  });
  for (const index of [wordIndex, charIndex] as Array<Map<unknown, number>>) {
    for (const [key, i] of index) {
      const kept = keep[i] as number;
      if (kept < 0) index.delete(key);
      else index.set(key, kept);
    }
  }
  const n = texts.length;
  const idf = Float64Array.from(keptDf, (d) => Math.log((1 + n) / (1 + d)) + 1);

  const { vectoriser, build } = vectoriserFor({ options, words: wordIndex, charGrams: charIndex, idf });
  return { ...vectoriser, trainingVectors: () => fittedCounts.map((counts) => build(counts, true)) };
}

/** A vectoriser from a saved state: gives exactly the vectors the fitted one gave, as both run the same code. */
export function restoreTfIdf(state: TfIdfState): TfIdfVectoriser {
  return vectoriserFor(state).vectoriser;
}

function vectoriserFor(state: TfIdfState): { vectoriser: TfIdfVectoriser; build: (counts: FeatureCounts, weighted: boolean) => SparseVector } {
  const { options, words: wordIndex, charGrams: charIndex, idf } = state;
  const grams = gramTable(charIndex);
  const sublinear = options.sublinearTf;
  const scratch = new Float64Array(idf.length);
  const build = ({ words, charKeys, charCounts }: FeatureCounts, weighted: boolean): SparseVector => {
    const indices: number[] = [];
    let wordNorm = 0;
    for (const [key, count] of words) {
      const i = wordIndex.get(key);
      if (i === undefined) continue;
      const v = weighted ? featureWeight(count, idf[i] as number, sublinear) : count;
      indices.push(i);
      scratch[i] = v;
      wordNorm += v * v;
    }
    const wordCount = indices.length;
    let charNorm = 0;
    for (let k = 0; k < charKeys.length; k++) {
      const i = findGram(grams, charKeys[k] as number);
      if (i < 0) continue;
      const count = charCounts[k] as number;
      const v = weighted ? featureWeight(count, idf[i] as number, sublinear) : count;
      indices.push(i);
      scratch[i] = v;
      charNorm += v * v;
    }
    if (weighted) {
      // Each block is scaled to its weight, then the whole vector to length 1.
      const wordScale = wordNorm > 0 ? options.wordWeight / Math.sqrt(wordNorm) : 0;
      const charScale = charNorm > 0 ? options.charWeight / Math.sqrt(charNorm) : 0;
      let norm = 0;
      for (let k = 0; k < indices.length; k++) {
        const i = indices[k] as number;
        const v = (scratch[i] as number) * (k < wordCount ? wordScale : charScale);
        scratch[i] = v;
        norm += v * v;
      }
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (const i of indices) scratch[i] = (scratch[i] as number) * scale;
    }
    const sorted = Int32Array.from(indices).sort();
    const values = new Float64Array(sorted.length);
    for (let k = 0; k < sorted.length; k++) {
      const i = sorted[k] as number;
      values[k] = scratch[i] as number;
      scratch[i] = 0;
    }
    return { indices: sorted, values };
  };

  return {
    build,
    vectoriser: {
      size: idf.length,
      state,
      vectorise: (normalised) => build(countFeaturesOnce(normalised, options), true),
      counts: (normalised) => build(countFeaturesOnce(normalised, options), false),
    },
  };
}

/**
 * The intent classifier and the safeguarding model read each message with the same normaliser and feature options,
 * so the last message's counts are kept for the second reader. Counts are only read, never changed, by `build`.
 */
let lastCounted: { normalised: string; min: number; max: number; wordBigrams: boolean; counts: FeatureCounts } | undefined;

function countFeaturesOnce(normalised: string, options: FeatureOptions): FeatureCounts {
  const { min, max } = options.charNgrams;
  const last = lastCounted;
  if (last && last.normalised === normalised && last.min === min && last.max === max && last.wordBigrams === options.wordBigrams) return last.counts;
  const counts = countFeatures(normalised, options);
  lastCounted = { normalised, min, max, wordBigrams: options.wordBigrams, counts };
  return counts;
}

function featureWeight(count: number, idf: number, sublinear: boolean): number {
  return (sublinear ? 1 + Math.log(count) : count) * idf;
}

/**
 * The character grams' feature indices in an open-addressing table. Looking them up is the hot loop of every
 * message; a Map keyed by 32-bit hashes boxes each key and costs several times more.
 */
interface GramTable {
  keys: Uint32Array;
  /** -1 marks an empty slot. */
  indices: Int32Array;
  shift: number;
}

function gramTable(grams: Map<number, number>): GramTable {
  // At most half full, so a miss (most grams of a message) ends after a slot or two.
  const bits = Math.max(4, Math.ceil(Math.log2(grams.size * 2 + 1)));
  const table: GramTable = { keys: new Uint32Array(1 << bits), indices: new Int32Array(1 << bits).fill(-1), shift: 32 - bits };
  const mask = (1 << bits) - 1;
  for (const [key, index] of grams) {
    let slot = gramSlot(key, table.shift);
    while ((table.indices[slot] as number) >= 0) slot = (slot + 1) & mask;
    table.keys[slot] = key;
    table.indices[slot] = index;
  }
  return table;
}

function findGram(table: GramTable, key: number): number {
  const mask = table.indices.length - 1;
  for (let slot = gramSlot(key, table.shift); ; slot = (slot + 1) & mask) {
    const index = table.indices[slot] as number;
    if (index < 0 || table.keys[slot] === key) return index;
  }
}

/** Fibonacci hashing: the top bits of the key times 2^32 / golden ratio. */
function gramSlot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** The code that turns text into vectors, as source: trained-model cache keys include it, so editing it retrains. */
export const TF_IDF_SOURCE = [countFeatures, countFeaturesOnce, fitTfIdf, vectoriserFor, featureWeight, gramTable, findGram, gramSlot].join('\n');

export function sparseDot(vector: SparseVector, dense: Float64Array, offset = 0): number {
  let sum = 0;
  const { indices, values } = vector;
  for (let k = 0; k < indices.length; k++) sum += (values[k] as number) * (dense[offset + (indices[k] as number)] as number);
  return sum;
}

/** Dot product of two vectors with ascending indices (the cosine, as both have length 1). */
export function sparseCosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const ai = a.indices[i] as number;
    const bj = b.indices[j] as number;
    if (ai === bj) {
      sum += (a.values[i] as number) * (b.values[j] as number);
      i++;
      j++;
    } else if (ai < bj) i++;
    else j++;
  }
  return sum;
}
