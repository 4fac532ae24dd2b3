// A small trained reader for threats (issue 25, decision 022): a logistic regression over the
// words and word pairs of a sentence, hashed into 2^17 buckets, trained by
// `npx tsx bench/threat-model.ts --train` on labelled letters from writers other than those
// it is measured on. The weights are data (`app/data/threat-model.json`, one signed byte a
// bucket, base64); this file turns a sentence into its features and a score. No dependency,
// and a 5,000-character letter costs about a millisecond.

export const BUCKETS = 1 << 17;
export type ThreatModel = { bias: number; threshold: number; weights: Float32Array };
/** As stored: weights quantised to one signed byte each, times `scale`. */
export type StoredModel = { bias: number; threshold: number; scale: number; weights: string };

/** FNV-1a, 32 bits: a feature's bucket. */
function bucket(f: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < f.length; i++) {
    h ^= f.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/** A sentence's features, as buckets: lower-case words (letters, digits, apostrophes), each word and each pair of neighbours. */
export function features(sentence: string): number[] {
  const words =
    sentence
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .match(/[a-z0-9']+/g) ?? [];
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    out.add(bucket(words[i]!));
    if (i + 1 < words.length) out.add(bucket(`${words[i]} ${words[i + 1]}`));
  }
  return [...out];
}

/** The chance, by the model, that the sentence is a threat or pressure. */
export function threatScore(model: ThreatModel, sentence: string): number {
  let z = model.bias;
  for (const b of features(sentence)) z += model.weights[b]!;
  return 1 / (1 + Math.exp(-z));
}

/** Trains on sentences and their labels: AdaGrad on the log loss, with L2, positives weighted to balance the classes. */
export function train(examples: { text: string; threat: boolean }[], epochs = 12, l2 = 1e-4, rate = 0.3): Omit<ThreatModel, 'threshold'> {
  const w = new Float64Array(BUCKETS);
  const g = new Float64Array(BUCKETS).fill(1e-8);
  let bias = 0;
  let gBias = 1e-8;
  const positives = examples.filter((e) => e.threat).length;
  const posWeight = positives ? (examples.length - positives) / positives : 1;
  const feats = examples.map((e) => features(e.text));
  // A fixed order that mixes the writers, so that a run gives the same weights every time.
  const order = examples.map((_, i) => i).sort((a, b) => ((a * 2654435761) % 4294967296) - ((b * 2654435761) % 4294967296));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of order) {
      const f = feats[i]!;
      let z = bias;
      for (const k of f) z += w[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const y = examples[i]!.threat ? 1 : 0;
      const err = (p - y) * (y ? posWeight : 1);
      gBias += err * err;
      bias -= (rate / Math.sqrt(gBias)) * err;
      for (const k of f) {
        const grad = err + l2 * w[k]!;
        g[k] = g[k]! + grad * grad;
        w[k] = w[k]! - (rate / Math.sqrt(g[k]!)) * grad;
      }
    }
  }
  return { bias, weights: Float32Array.from(w) };
}

export function store(model: ThreatModel): StoredModel {
  let max = 0;
  for (const v of model.weights) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const bytes = Int8Array.from(model.weights, (v) => Math.round(v / scale));
  return { bias: model.bias, threshold: model.threshold, scale, weights: Buffer.from(bytes.buffer).toString('base64') };
}

export function load(stored: StoredModel): ThreatModel {
  const bytes = new Int8Array(Buffer.from(stored.weights, 'base64'));
  return { bias: stored.bias, threshold: stored.threshold, weights: Float32Array.from(bytes, (b) => b * stored.scale) };
}
