import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { seededRandom } from "./random.ts";
import { predictTopK, type TextModel } from "./text-model.ts";
import {
  atStoredPrecision,
  crc32,
  encodeTextModel,
  parseTextModel,
  TextModelFormatError,
} from "./text-model-format.ts";

// A hand-made model (no training: the format must not depend on how a model was fitted) with
// random weights of very different sizes per term, an all-zero term and an odd number of terms.
const LABELS = ["城乡建设", "劳动和社会保障", "环境保护", "other"];
const TERMS = ["路", "灯", "路灯", "工资", "拖欠", "噪音", "扰民", "w:noise", "w:wages", "施工", "夜间"];
function model(seed = 7): TextModel {
  const rnd = seededRandom(seed);
  const K = LABELS.length;
  const weights = TERMS.flatMap((_, j) =>
    LABELS.map(() => (j === 9 ? 0 : Number(((rnd() - 0.5) * 10 ** ((j % 5) - 2)).toPrecision(6)))),
  );
  // the topic of each label gets a clear lift
  for (const [j, c] of [
    [2, 0],
    [3, 1],
    [4, 1],
    [5, 2],
    [6, 2],
    [7, 2],
    [8, 1],
  ] as const) {
    weights[j * K + c] = 3.5;
  }
  return {
    version: 1,
    kind: "tfidf-linear",
    trainer: "softmax",
    labels: LABELS,
    features: { minNgram: 1, maxNgram: 2, segmenterWords: false },
    terms: TERMS,
    idf: TERMS.map((_, j) => 1 + j / 10),
    weights,
    bias: [0.1, -0.2, 0.05, -1],
    temperature: 0.9,
    hyperParameter: 0.001,
    trainedOn: 12,
    selection: [{ trainer: "softmax", hyperParameter: 0.001, macroF1: 0.9, accuracy: 0.92 }],
  };
}
/** Every weight read back as its nearest float32: within 2^-24 of itself. */
function expectFloat32Close(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(b.length).toBe(a.length);
  for (let i = 0; i < a.length; i++) {
    const w = a[i] as number;
    expect(b[i]).toBe(Math.fround(w));
    expect(Math.abs((b[i] as number) - w)).toBeLessThanOrEqual(Math.abs(w) / 2 ** 24);
  }
}
const TEXTS = ["路灯不亮", "拖欠工资", "夜间施工噪音扰民", "noise and wages", "？？？", "路灯 噪音 工资"];

describe("text model stored form (version 2)", () => {
  const original = model();
  const stored = encodeTextModel(original);
  const read = parseTextModel(JSON.parse(JSON.stringify(stored.meta)), stored.weights);

  it("keeps the readable part as JSON and the weights as a block of 4 bytes each", () => {
    expect(stored.meta.version).toBe(2);
    expect(stored.meta.labels).toEqual(LABELS);
    expect(stored.meta.terms).toEqual(TERMS);
    expect(stored.meta.weights).toMatchObject({ encoding: "float32-le", terms: 11, labels: 4 });
    expect(stored.weights.byteLength).toBe(11 * 4 * 4);
    expect(new DataView(stored.weights.buffer).getFloat32(4 * 8, true)).toBe(Math.fround(3.5));
    expect(stored.meta.weights.crc32).toBe(zlibCrc32(stored.weights));
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("reads back each weight as its float32 (7 significant digits; the trainer keeps 6)", () => {
    expect(read.version).toBe(2);
    expect(read.weights).toBeInstanceOf(Float64Array);
    const K = LABELS.length;
    expectFloat32Close(original.weights, read.weights);
    // the all-zero term stays exactly zero, everything else is as stored
    expect([...read.weights.slice(9 * K, 10 * K)]).toEqual([0, 0, 0, 0]);
    expect(read.bias).toEqual(original.bias);
    expect(read.idf).toEqual(original.idf);
  });

  it("round trips exactly once stored: same bytes again, identical predictions", () => {
    const again = encodeTextModel(read);
    expect(Buffer.from(again.weights).equals(Buffer.from(stored.weights))).toBe(true);
    expect(again.meta).toEqual(stored.meta);
    const reread = parseTextModel(JSON.stringify(again.meta), again.weights);
    for (const text of TEXTS) expect(predictTopK(reread, text, 4)).toEqual(predictTopK(read, text, 4));
    expect(predictTopK(atStoredPrecision(original), "路灯不亮", 4)).toEqual(predictTopK(read, "路灯不亮", 4));
  });

  it("predicts what the trained model predicts: same ranking, confidences within 1e-6", () => {
    for (const text of TEXTS) {
      const a = predictTopK(original, text, 4);
      const b = predictTopK(read, text, 4);
      expect(b.map((p) => p.label)).toEqual(a.map((p) => p.label));
      for (let i = 0; i < b.length; i++) {
        expect(Math.abs((b[i]?.confidence ?? 0) - (a[i]?.confidence ?? 0))).toBeLessThan(1e-6);
      }
    }
  });

  it("accepts a model already read (e.g. handed to a worker thread) with a Float64Array of the right size", () => {
    expect(parseTextModel(structuredClone(read)).weights).toBeInstanceOf(Float64Array);
    expect(() => parseTextModel({ ...read, weights: new Float64Array(3) })).toThrow(/weights/);
  });

  it("still reads version 1 (all JSON), the form of the first stored models", () => {
    const v1 = parseTextModel(JSON.stringify(original));
    expect(v1.version).toBe(1);
    expect(predictTopK(v1, "拖欠工资", 2)).toEqual(predictTopK(original, "拖欠工资", 2));
    expect(() => parseTextModel(original, stored.weights)).toThrow(/version-1/);
    expect(() => parseTextModel({ ...original, weights: [1, 2] })).toThrow(/weights/);
  });

  it("rejects damaged or mismatched input with a clear error", () => {
    const reject = (json: unknown, bytes: Uint8Array | null, why: RegExp) => {
      expect(() => parseTextModel(json, bytes)).toThrow(TextModelFormatError);
      expect(() => parseTextModel(json, bytes)).toThrow(why);
    };
    const flipped = stored.weights.slice();
    flipped[40] = (flipped[40] as number) ^ 0x10;
    reject(stored.meta, flipped, /CRC-32/);
    reject(stored.meta, stored.weights.subarray(0, 99), /99 bytes, 176 expected/);
    reject(stored.meta, null, /needs its weight block/);
    // a block that belongs to another model (other terms)
    const other = encodeTextModel({
      ...model(),
      terms: [...TERMS, "x"],
      idf: [...original.idf, 1],
      weights: [...original.weights, 0, 0, 0, 0],
    });
    reject(stored.meta, other.weights, /bytes/);
    reject(other.meta, encodeTextModel(model(8)).weights, /bytes/);
    // same shape, other numbers: only the checksum tells
    reject(stored.meta, encodeTextModel(model(8)).weights, /CRC-32/);
    reject({ ...stored.meta, weights: { ...stored.meta.weights, encoding: "int8" } }, stored.weights, /encoding/);
    reject({ ...stored.meta, weights: { ...stored.meta.weights, terms: 3 } }, stored.weights, /descriptor/);
    reject({ ...stored.meta, version: 3 }, stored.weights, /unsupported version 3/);
    reject({ ...stored.meta, idf: [1] }, stored.weights, /idf/);
    reject({ ...stored.meta, bias: [0, 0, 0, "x"] }, stored.weights, /bias/);
    reject('{"version": 2, "kind": "tfidf', stored.weights, /invalid JSON/);
    reject("null", null, /not an object/);
    expect(() =>
      encodeTextModel({ ...original, weights: original.weights.map((w, i) => (i === 5 ? Number.NaN : w)) }),
    ).toThrow(/not a finite float32/);
  });

  it("keeps tiny and huge weights; refuses what a float32 cannot hold", () => {
    const m = model();
    const K = LABELS.length;
    m.weights = m.weights.map((w, i) => (i < K ? w * 1e-30 : i < 2 * K ? w * 1e20 : w));
    expectFloat32Close(m.weights, atStoredPrecision(m).weights);
    expect(() => encodeTextModel({ ...m, weights: m.weights.map((w, i) => (i === 3 ? 1e39 : w)) })).toThrow(
      /weight 3 is not a finite float32/,
    );
  });
});
