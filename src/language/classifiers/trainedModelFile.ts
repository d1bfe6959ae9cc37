// The on-disk form of a trained softmax-regression model: a checksum, a small JSON header (the words of the
// vocabulary and the array lengths), then the numeric arrays as raw bytes, which load with a copy where text (JSON or
// base64) would need parsing megabytes.
import { createHash } from 'node:crypto';
import type { FeatureOptions } from '../textFeatures.js';
import type { SoftmaxRegressionParameters } from './softmaxRegression.js';

// Layout: MAGIC (8 bytes) | sha256 of everything after it (32) | header length, uint32 LE (4) | header JSON | arrays.
// Each array starts on an 8-byte boundary, in the order encodeTrainedModel lists them, in this machine's byte order
// (the cache key includes the byte order, so a file is only ever read where it could have been written).
const MAGIC = Buffer.from('SENMODEL', 'latin1');
const DIGEST_AT = MAGIC.length;
const HEADER_LENGTH_AT = DIGEST_AT + 32;
const HEADER_AT = HEADER_LENGTH_AT + 4;

interface Header {
  key: string;
  words: string[];
  lengths: { charGrams: number; idf: number; weights: number; bias: number };
}

type ArrayKind = Int32ArrayConstructor | Float64ArrayConstructor | Float32ArrayConstructor;

export function encodeTrainedModel(key: string, parameters: SoftmaxRegressionParameters): Buffer {
  const { features, weights, bias } = parameters;
  // The feature options are not stored: they are part of the key, so the caller restoring the model has them.
  const { words, charGrams, idf } = features;
  const header: Header = {
    key,
    words: [...words.keys()],
    lengths: { charGrams: charGrams.size, idf: idf.length, weights: weights.length, bias: bias.length },
  };
  const arrays = [
    Int32Array.from(words.values()),
    Float64Array.from(charGrams.keys()),
    Int32Array.from(charGrams.values()),
    idf,
    weights,
    bias,
  ];
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  let length = alignTo8(HEADER_AT + headerBytes.length);
  const offsets = arrays.map((array) => {
    const at = length;
    length = alignTo8(length + array.byteLength);
    return at;
  });
  const file = Buffer.alloc(length);
  MAGIC.copy(file, 0);
  file.writeUInt32LE(headerBytes.length, HEADER_LENGTH_AT);
  headerBytes.copy(file, HEADER_AT);
  arrays.forEach((array, i) => file.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[i]));
  createHash('sha256').update(file.subarray(HEADER_LENGTH_AT)).digest().copy(file, DIGEST_AT);
  return file;
}

/**
 * The model in `file`, or undefined for anything that is not a whole, intact model file (truncated, corrupt, other).
 * `options` are the feature options the model was trained with (the ones its key was made from).
 */
export function decodeTrainedModel(file: Uint8Array, options: FeatureOptions): { key: string; parameters: SoftmaxRegressionParameters } | undefined {
  if (file.length < HEADER_AT || !MAGIC.equals(file.subarray(0, DIGEST_AT))) return undefined;
  const digest = createHash('sha256').update(file.subarray(HEADER_LENGTH_AT)).digest();
  if (!digest.equals(file.subarray(DIGEST_AT, HEADER_LENGTH_AT))) return undefined;
  try {
    const view = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    const headerLength = view.readUInt32LE(HEADER_LENGTH_AT);
    const header = JSON.parse(view.toString('utf8', HEADER_AT, HEADER_AT + headerLength)) as unknown;
    if (!isHeader(header)) return undefined;
    const { words, lengths } = header;
    let at = alignTo8(HEADER_AT + headerLength);
    const take = <K extends ArrayKind>(Kind: K, count: number): InstanceType<K> => {
      const bytes = count * Kind.BYTES_PER_ELEMENT;
      if (at + bytes > file.length) throw new RangeError('truncated');
      // A copy, not a view: the file's buffer may start anywhere, and typed arrays need aligned starts.
      const array = new Kind(count) as InstanceType<K>;
      new Uint8Array(array.buffer).set(file.subarray(at, at + bytes));
      at = alignTo8(at + bytes);
      return array;
    };
    const wordIndices = take(Int32Array, words.length);
    const charKeys = take(Float64Array, lengths.charGrams);
    const charIndices = take(Int32Array, lengths.charGrams);
    const idf = take(Float64Array, lengths.idf);
    const weights = take(Float32Array, lengths.weights);
    const bias = take(Float64Array, lengths.bias);
    if (at !== file.length || weights.length !== idf.length * bias.length) return undefined;
    return {
      key: header.key,
      parameters: {
        features: {
          options,
          words: new Map(words.map((word, i) => [word, wordIndices[i] as number])),
          charGrams: new Map(Array.from(charKeys, (gram, i) => [gram, charIndices[i] as number])),
          idf,
        },
        weights,
        bias,
      },
    };
  } catch {
    return undefined;
  }
}

// By hand rather than with zod: compiling a schema costs more at start-up than the whole rest of loading a model.
function isHeader(value: unknown): value is Header {
  const header = value as Partial<Header> | null;
  const lengths = header?.lengths;
  const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return (
    typeof header?.key === 'string' &&
    Array.isArray(header.words) &&
    header.words.every((word) => typeof word === 'string') &&
    isCount(lengths?.charGrams) &&
    isCount(lengths?.idf) &&
    isCount(lengths?.weights) &&
    isCount(lengths?.bias)
  );
}

function alignTo8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
