// The stored form of a TextModel (docs/classification.md, "Model storage").
//
// Version 2 keeps everything a person may want to read — labels, tokeniser settings, terms, idf,
// bias, temperature, how the trainer was chosen — as JSON (`meta`), and the weight matrix (terms ×
// labels: nearly all of the bytes) as a binary block beside it (`weights`): one little-endian 32-bit
// float per weight. Float32 keeps ~7 significant digits, more than the 6 the trainer rounds to, so
// predictions do not move (measured: docs/classification.md, "Storage"); int16 with a scale per term
// was measured too and moved confidences of the demo's complement-NB model by up to 4e-3. Reading a
// model back always gives the very same numbers, so a round trip predicts identically. Version 1 —
// everything as JSON, the weights as a number array — is still read: the first models stored are in it.

import type { TextModel } from "./text-model.ts";

/** Only encoding so far: the weights in their order (feature-major), each a little-endian float32. */
export const WEIGHTS_ENCODING = "float32-le";
const FLOAT32_MAX = 3.4028234663852886e38;

/** Describes the binary block; kept in the JSON so a block can be checked against its model. */
export interface WeightsDescriptor {
  encoding: typeof WEIGHTS_ENCODING;
  terms: number;
  labels: number;
  byteLength: number;
  /** CRC-32 (IEEE) of the block */
  crc32: number;
}

/** The JSON part of a version-2 model: the model without its weights, plus their descriptor. */
export type TextModelMeta = Omit<TextModel, "version" | "weights"> & { version: 2; weights: WeightsDescriptor };

export interface StoredTextModel {
  meta: TextModelMeta;
  weights: Uint8Array;
}

export class TextModelFormatError extends Error {
  constructor(why: string) {
    super(`not a text model: ${why}`);
    this.name = "TextModelFormatError";
  }
}

const fail = (why: string): never => {
  throw new TextModelFormatError(why);
};

let crcTable: Int32Array | null = null;

/** CRC-32 (IEEE 802.3, as zlib and PNG), to catch a damaged or mismatched block. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const table = crcTable;
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = (table[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const blockLength = (terms: number, labels: number) => 4 * terms * labels;

/** Platforms that store a Float32Array little-endian (all current ones) read the block as it is. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function checkShape(m: Partial<TextModel> | Partial<TextModelMeta>): void {
  if (m.kind !== "tfidf-linear") fail(`unknown kind ${String(m.kind)}`);
  const { labels, terms, idf, bias } = m;
  if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === "string")) fail("labels");
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === "string")) fail("terms");
  if (!Array.isArray(idf) || idf.length !== terms?.length || !idf.every(Number.isFinite)) fail("terms/idf");
  if (!Array.isArray(bias) || bias.length !== labels?.length || !bias.every(Number.isFinite)) fail("bias");
  if (typeof m.temperature !== "number" || !(m.temperature > 0)) fail("temperature");
  if (!m.features || typeof m.features.maxNgram !== "number") fail("features");
}

/** The stored form (version 2) of a model, trained (version 1 in memory) or read back (version 2). */
export function encodeTextModel(model: TextModel): StoredTextModel {
  checkShape(model);
  const T = model.terms.length;
  const K = model.labels.length;
  const w = model.weights;
  if (w.length !== T * K) fail("weights");
  const bytes = new Uint8Array(blockLength(T, K));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < w.length; i++) {
    const v = w[i] as number;
    if (!Number.isFinite(v) || Math.abs(v) > FLOAT32_MAX) fail(`weight ${i} is not a finite float32`);
    view.setFloat32(4 * i, v, true);
  }
  const { version: _v, weights: _w, ...rest } = model;
  const weights: WeightsDescriptor = {
    encoding: WEIGHTS_ENCODING,
    terms: T,
    labels: K,
    byteLength: bytes.length,
    crc32: crc32(bytes),
  };
  return { meta: { ...rest, version: 2, weights }, weights: bytes };
}

function decodeWeights(bytes: Uint8Array): Float64Array {
  const out = new Float64Array(bytes.byteLength / 4);
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) {
    // set() converts natively; Float64Array.from() goes through the iterator (10× slower)
    out.set(new Float32Array(bytes.buffer, bytes.byteOffset, out.length));
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail(`invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * A model from its stored form, checked before use: version-1 JSON (weights inside), version-2 JSON
 * with its weight block, or a model already read (its weights a Float64Array, e.g. handed to a worker
 * thread). Throws TextModelFormatError on anything else — a foreign shape, a block that is damaged
 * (CRC) or belongs to another model (sizes).
 */
export function parseTextModel(json: unknown, weights?: Uint8Array | null): TextModel {
  const m = (typeof json === "string" ? parseJson(json) : json) as Partial<TextModel> | Partial<TextModelMeta> | null;
  if (!m || typeof m !== "object") return fail("not an object");
  if (m.version !== 1 && m.version !== 2) return fail(`unsupported version ${String(m.version)}`);
  checkShape(m);
  const T = (m.terms as string[]).length;
  const K = (m.labels as string[]).length;
  if (m.version === 1) {
    if (weights) return fail("a version-1 model keeps its weights in the JSON; no weight block expected");
    if (!Array.isArray(m.weights) || m.weights.length !== T * K) return fail("weights");
    return m as TextModel;
  }
  if (m.weights instanceof Float64Array) {
    if (m.weights.length !== T * K) return fail("weights");
    return m as TextModel;
  }
  const d = m.weights as Partial<WeightsDescriptor> | undefined;
  if (!d || d.encoding !== WEIGHTS_ENCODING) return fail(`unknown weights encoding ${String(d?.encoding)}`);
  if (d.terms !== T || d.labels !== K || d.byteLength !== blockLength(T, K)) return fail("weights descriptor");
  if (!weights) return fail("a version-2 model needs its weight block");
  if (weights.byteLength !== d.byteLength) {
    return fail(`weight block of ${weights.byteLength} bytes, ${d.byteLength} expected`);
  }
  if (crc32(weights) !== d.crc32) return fail("weight block damaged (CRC-32 mismatch)");
  return { ...(m as TextModelMeta), version: 2, weights: decodeWeights(weights) };
}

/**
 * The model as it will be stored and read back. A trained model keeps its weights as doubles in
 * memory; measuring with this one instead means the figures describe exactly the stored model.
 */
export function atStoredPrecision(model: TextModel): TextModel {
  const stored = encodeTextModel(model);
  return parseTextModel(stored.meta, stored.weights);
}
