// Makes the fixture of FishKit's Keras import tests (tests/FishKit.Tests/Keras): the write-up's two ConvLSTM classifiers
// built in TensorFlow.js layers (Keras' semantics in JavaScript: ConvLSTM2D with hard_sigmoid = clip(0.2 x + 0.5, 0, 1),
// BatchNormalization without centre/scale, epsilon 1e-3, GlobalMaxPooling2D, Dense(1, sigmoid)) with seeded random
// weights, their outputs on random clips, and their weights written as TensorFlow checkpoints in the TensorBundle format
// (a LevelDB-format table of BundleEntryProto messages + one raw little-endian data shard), named as the write-up's
// SavedModel checkpoints name them. The tests never run node: they read what this script wrote.
//
//   cd tests/FishKit.Tests/Reference/keras && npm ci && node make_keras_fixture.mjs
//
// Writes, beside this script:
//   fixture.json                clip shape, tfjs' hard_sigmoid on sample points, per model: pooled features, logits, probabilities
//   clips.bin                   the clips, uint8, Keras layout (B, T, H, W, C)
//   writeup-best/variables/     the best model's checkpoint (variables.index + variables.data-00000-of-00001)
//   writeup-two-layer/variables/  the two-layer model's checkpoint (no ConvLSTM biases, as the author's and the kit's)
//   writeup-two-layer-bias/variables/  the same architecture with ConvLSTM biases (Keras' default), which the import accepts too
//   variants/                   small checkpoints the import must refuse, and the best model's index with other names
import * as tf from '@tensorflow/tfjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
await tf.setBackend('cpu');

// ---- seeded randomness (mulberry32) ----
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20210607);
const uniform = (n, lo, hi) => Float32Array.from({ length: n }, () => lo + (hi - lo) * random());
const logUniform = (n, lo, hi) => Float32Array.from({ length: n }, () => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * random()));
const count = (shape) => shape.reduce((a, b) => a * b, 1);

// ---- crc32c (Castagnoli), masked as TensorFlow and LevelDB store it ----
const crcTable = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32c(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const masked = (crc) => ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;

// ---- protobuf and LevelDB encodings ----
function varint(value) {
  let v = BigInt(value);
  const out = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return Buffer.from(out);
}
const u32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); return b; };
const fieldVarint = (field, value) => Buffer.concat([varint(field << 3), varint(value)]);
const fieldBytes = (field, bytes) => Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
const fieldFixed32 = (field, value) => Buffer.concat([varint((field << 3) | 5), u32(value)]);

const DT_FLOAT = 1, DT_DOUBLE = 2, DT_STRING = 7, DT_INT64 = 9;

// BundleEntryProto: dtype 1, shape 2 (TensorShapeProto: dim 2 {size 1}), shard_id 3, offset 4, size 5, crc32c 6 (fixed32).
// Like proto3, zero values are left out (TensorFlow writes a scalar's shape as an empty message).
function bundleEntry({ dtype, shape, offset, size, crc }) {
  const dims = Buffer.concat(shape.map((d) => fieldBytes(2, fieldVarint(1, d))));
  return Buffer.concat([fieldVarint(1, dtype), fieldBytes(2, dims), offset ? fieldVarint(4, offset) : Buffer.alloc(0),
    fieldVarint(5, size), fieldFixed32(6, crc)]);
}
// BundleHeaderProto: num_shards 1, endianness 2 (LITTLE = 0, left out), version 3 (VersionDef: producer 1).
const bundleHeader = Buffer.concat([fieldVarint(1, 1), fieldBytes(3, fieldVarint(1, 1))]);

// A LevelDB block: prefix-compressed entries, a restart point every `interval` entries, the restart array and its count.
function block(entries, interval) {
  const parts = [], restarts = [];
  let size = 0, last = Buffer.alloc(0);
  entries.forEach(({ key, value }, i) => {
    let shared = 0;
    if (i % interval === 0) restarts.push(size);
    else while (shared < last.length && shared < key.length && last[shared] === key[shared]) shared++;
    const part = Buffer.concat([varint(shared), varint(key.length - shared), varint(value.length), key.subarray(shared), value]);
    parts.push(part);
    size += part.length;
    last = key;
  });
  if (restarts.length === 0) restarts.push(0);
  return Buffer.concat([...parts, ...restarts.map(u32), u32(restarts.length)]);
}

// LevelDB's bytewise comparator: the shortest key >= start and < limit, and the shortest key >= key.
function separator(start, limit) {
  let i = 0;
  while (i < start.length && i < limit.length && start[i] === limit[i]) i++;
  if (i < start.length && i < limit.length && start[i] < 0xff && start[i] + 1 < limit[i])
    return Buffer.concat([start.subarray(0, i), Buffer.from([start[i] + 1])]);
  return start;
}
function successor(key) {
  for (let i = 0; i < key.length; i++)
    if (key[i] !== 0xff) return Buffer.concat([key.subarray(0, i), Buffer.from([key[i] + 1])]);
  return key;
}

// A LevelDB table (as TensorFlow's table::TableBuilder writes it): data blocks of about `blockSize` bytes, an empty
// metaindex block, an index block of (separator key -> block handle), and the 48-byte footer ending in the magic number.
// Every block is followed by its compression type and the masked crc32c of the block and that type byte.
function table(entries, { blockSize = 1024, compression = 0 } = {}) {
  const out = [];
  let offset = 0;
  const writeBlock = (contents) => {
    const trailer = Buffer.concat([Buffer.from([compression]), u32(masked(crc32c(Buffer.concat([contents, Buffer.from([compression])]))))]);
    const handle = Buffer.concat([varint(offset), varint(contents.length)]);
    out.push(contents, trailer);
    offset += contents.length + trailer.length;
    return handle;
  };
  const index = [];
  let pending = [], pendingSize = 0;
  entries.forEach((entry, i) => {
    pending.push(entry);
    pendingSize += entry.key.length + entry.value.length + 3;
    const next = entries[i + 1];
    if (pendingSize >= blockSize || !next) {
      const handle = writeBlock(block(pending, 16));
      index.push({ key: next ? separator(entry.key, next.key) : successor(entry.key), value: handle });
      pending = [];
      pendingSize = 0;
    }
  });
  const meta = writeBlock(block([], 1));
  const indexHandle = writeBlock(block(index, 1));
  const footer = Buffer.alloc(48);
  Buffer.concat([meta, indexHandle]).copy(footer);
  footer.writeBigUInt64LE(0xdb4775248b80fb57n, 40);
  out.push(footer);
  return Buffer.concat(out);
}

// ---- TensorBundle writer ----
const VALUE = '/.ATTRIBUTES/VARIABLE_VALUE';
class Bundle {
  constructor() { this.tensors = []; }
  float(name, shape, values) { this.add(name, DT_FLOAT, shape, Buffer.from(Float32Array.from(values).buffer)); }
  double(name, shape, values) { this.add(name, DT_DOUBLE, shape, Buffer.from(Float64Array.from(values).buffer)); }
  int64(name, value) { this.add(name, DT_INT64, [], Buffer.from(BigInt64Array.of(BigInt(value)).buffer)); }
  // A scalar string tensor as TensorFlow writes one: varint length, masked crc32c of the length bytes, the bytes.
  string(name, text) {
    const bytes = Buffer.from(text), length = varint(bytes.length);
    this.add(name, DT_STRING, [], Buffer.concat([length, u32(masked(crc32c(length))), bytes]));
  }
  add(name, dtype, shape, bytes) { this.tensors.push({ name, dtype, shape, bytes }); }
  // The index (entries sorted by key, the header under the empty key) and the data shard, tensors in the order added.
  files({ blockSize, compression } = {}) {
    let offset = 0;
    const entries = this.tensors.map(({ name, dtype, shape, bytes }) => {
      const value = bundleEntry({ dtype, shape, offset, size: bytes.length, crc: masked(crc32c(bytes)) });
      offset += bytes.length;
      return { key: Buffer.from(name), value };
    });
    entries.push({ key: Buffer.alloc(0), value: bundleHeader });
    entries.sort((a, b) => Buffer.compare(a.key, b.key));
    return { index: table(entries, { blockSize, compression }), data: Buffer.concat(this.tensors.map((t) => t.bytes)) };
  }
}
function writeCheckpoint(folder, files) {
  const dir = path.join(here, folder, 'variables');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'variables.index'), files.index);
  if (files.data) fs.writeFileSync(path.join(dir, 'variables.data-00000-of-00001'), files.data);
}

// The optimizer's and metrics' variables of a Keras 2.4 checkpoint; iter above 2^32 so all 8 bytes matter.
const ITERATIONS = 5000000123n, LEARNING_RATE = 8e-5;
function optimizerAndMetrics(bundle) {
  bundle.int64(`optimizer/iter${VALUE}`, ITERATIONS);
  bundle.float(`optimizer/learning_rate${VALUE}`, [], [LEARNING_RATE]);
  bundle.float(`optimizer/beta_1${VALUE}`, [], [0.9]);
  bundle.float(`optimizer/beta_2${VALUE}`, [], [0.999]);
  bundle.float(`optimizer/decay${VALUE}`, [], [0]);
  bundle.float(`keras_api/metrics/0/total${VALUE}`, [], [123.5]);
  bundle.float(`keras_api/metrics/0/count${VALUE}`, [], [1000]);
  bundle.string('_CHECKPOINTABLE_OBJECT_GRAPH', 'not parsed by the import');
}
// Adam's slots of a trainable variable (the real checkpoints hold them for every trainable variable).
function slots(bundle, name, shape) {
  for (const slot of ['m', 'v']) bundle.float(`${name}/.OPTIMIZER_SLOT/optimizer/${slot}${VALUE}`, shape, uniform(count(shape), 0, 1e-3));
}

// ---- the models ----
const [B, T, H, W, C] = [2, 6, 20, 24, 4];
const convLstm = (filters, useBias, returnSequences) => tf.layers.convLstm2d({
  filters, kernelSize: 3, padding: 'valid', activation: 'tanh', recurrentActivation: 'hardSigmoid', useBias, returnSequences,
});
const batchNorm = () => tf.layers.batchNormalization({ center: false, scale: false, epsilon: 1e-3 });

// Weights in the ranges of the write-up's trained models: kernels ~0.1, BatchNorm moving means ~5e-3 and variances
// 2e-5..5e-4 (so epsilon 1e-3 matters), dense kernel ~0.3.
function convWeights(inputs, filters, useBias) {
  const w = [tf.tensor(uniform(9 * inputs * 4 * filters, -0.15, 0.15), [3, 3, inputs, 4 * filters]),
    tf.tensor(uniform(9 * filters * 4 * filters, -0.17, 0.17), [3, 3, filters, 4 * filters])];
  if (useBias) w.push(tf.tensor(uniform(4 * filters, -0.1, 0.1)));
  return w;
}
const normWeights = (features) => [tf.tensor(uniform(features, -5e-3, 5e-3)), tf.tensor(logUniform(features, 2e-5, 5e-4))];
const denseWeights = (features) => [tf.tensor(uniform(features, -0.4, 0.4), [features, 1]), tf.tensor(uniform(1, -0.05, 0.05))];

// Builds a model, sets its weights and returns it with its layers' weights in Keras' model.variables order.
function build(architecture, useBias) {
  const input = tf.input({ shape: [T, H, W, C] });
  const layers = [];
  const add = (layer, weights) => { layers.push({ layer, weights }); return layer; };
  let x;
  if (architecture === 'writeup-best') {
    x = add(convLstm(16, false, false), convWeights(C, 16, false)).apply(input);
    x = add(batchNorm(), normWeights(16)).apply(x);
  } else {
    x = add(convLstm(16, useBias, true), convWeights(C, 16, useBias)).apply(input);
    x = tf.layers.timeDistributed({ layer: tf.layers.maxPooling2d({ poolSize: 2 }) }).apply(x);
    x = add(tf.layers.timeDistributed({ layer: batchNorm() }), normWeights(16)).apply(x);
    x = add(convLstm(32, useBias, false), convWeights(16, 32, useBias)).apply(x);
  }
  const pooled = tf.layers.globalMaxPooling2d({}).apply(x);
  const features = pooled.shape[1];
  const dense = add(tf.layers.dense({ units: 1, activation: 'sigmoid' }), denseWeights(features));
  const probability = dense.apply(pooled);
  const model = tf.model({ inputs: input, outputs: [pooled, probability] });
  for (const { layer, weights } of layers) layer.setWeights(weights);
  return { model, layers, features };
}

// The checkpoint of a model, named as the write-up's: the best model's ConvLSTM under trainable_variables/N, its
// BatchNorm and dense under layer_with_weights-N; the two-layer model's variables under variables/N but its dense.
function checkpoint(architecture, layers) {
  const bundle = new Bundle();
  const values = layers.flatMap(({ weights }) => weights);
  const denseKernel = values.at(-2), denseBias = values.at(-1);
  const denseLayer = `layer_with_weights-${layers.length - 1}`;
  if (architecture === 'writeup-best') {
    const [kernel, recurrent, mean, variance] = values;
    bundle.float(`trainable_variables/0${VALUE}`, kernel.shape, kernel.dataSync());
    bundle.float(`trainable_variables/1${VALUE}`, recurrent.shape, recurrent.dataSync());
    bundle.float(`layer_with_weights-1/moving_mean${VALUE}`, mean.shape, mean.dataSync());
    bundle.float(`layer_with_weights-1/moving_variance${VALUE}`, variance.shape, variance.dataSync());
  } else {
    values.slice(0, -2).forEach((v, i) => bundle.float(`variables/${i}${VALUE}`, v.shape, v.dataSync()));
  }
  bundle.float(`${denseLayer}/kernel${VALUE}`, denseKernel.shape, denseKernel.dataSync());
  bundle.float(`${denseLayer}/bias${VALUE}`, denseBias.shape, denseBias.dataSync());
  slots(bundle, `${denseLayer}/kernel`, denseKernel.shape);
  slots(bundle, `${denseLayer}/bias`, denseBias.shape);
  optimizerAndMetrics(bundle);
  return bundle;
}

// The first clip uniform noise, the second like the write-up's frames: dark, with few bright pixels.
const clipSize = T * H * W * C;
const clips = Uint8Array.from({ length: B * clipSize }, (_, i) =>
  i < clipSize || random() < 0.05 ? Math.floor(random() * 256) : Math.floor(random() * 16));
const input = tf.tensor(Float32Array.from(clips, (p) => p / 255), [B, T, H, W, C]);
const fixture = {
  generator: 'make_keras_fixture.mjs, @tensorflow/tfjs 4.22.0 (cpu backend)',
  clips: { file: 'clips.bin', shape: [B, T, H, W, C] },
  hard_sigmoid: (() => {
    const x = [-3, -2.5, -2.4, -1, -0.3, 0, 0.7, 2.4, 2.5, 4];
    return { x, y: Array.from(tf.layers.activation({ activation: 'hardSigmoid' }).apply(tf.tensor(x)).dataSync()) };
  })(),
  optimizer_iterations: ITERATIONS.toString(),
  learning_rate: LEARNING_RATE,
  models: [],
};
let best;
for (const [architecture, useBias, folder] of [['writeup-best', false, 'writeup-best'],
  ['writeup-two-layer', false, 'writeup-two-layer'], ['writeup-two-layer', true, 'writeup-two-layer-bias']]) {
  const { model, layers, features } = build(architecture, useBias);
  const [pooled, probability] = model.predict(input);
  const [kernel, bias] = layers.at(-1).weights;
  const logits = tf.layers.dense({ units: 1, weights: [kernel, bias] }).apply(pooled);
  fixture.models.push({
    architecture, folder, use_bias: useBias, features,
    pooled: Array.from(pooled.dataSync()), logits: Array.from(logits.dataSync()), probabilities: Array.from(probability.dataSync()),
  });
  const bundle = checkpoint(architecture, layers);
  writeCheckpoint(folder, bundle.files({ blockSize: 1024 }));
  if (architecture === 'writeup-best') best = layers.flatMap(({ weights }) => weights);
}

// ---- variants ----
// The best model's weights under the names a checkpoint may also use (layer_with_weights-N/cell/..., variables/N): an
// index for writeup-best's data shard, tensors added in the same order so every offset matches.
{
  const bundle = new Bundle();
  const [kernel, recurrent, mean, variance, denseKernel, denseBias] = best;
  bundle.float(`layer_with_weights-0/cell/kernel${VALUE}`, kernel.shape, kernel.dataSync());
  bundle.float(`layer_with_weights-0/cell/recurrent_kernel${VALUE}`, recurrent.shape, recurrent.dataSync());
  bundle.float(`variables/2${VALUE}`, mean.shape, mean.dataSync());
  bundle.float(`non_trainable_variables/1${VALUE}`, variance.shape, variance.dataSync());
  bundle.float(`trainable_variables/2${VALUE}`, denseKernel.shape, denseKernel.dataSync());
  bundle.float(`layer-4/bias${VALUE}`, denseBias.shape, denseBias.dataSync());
  const { index } = bundle.files({ blockSize: 4096 });
  fs.mkdirSync(path.join(here, 'variants'), { recursive: true });
  fs.writeFileSync(path.join(here, 'variants', 'writeup-best-other-names.index'), index);
}
// A tiny model the import does not know: a 1x1 ConvLSTM with 8 filters, BatchNorm, dense.
{
  const bundle = new Bundle();
  bundle.float(`trainable_variables/0${VALUE}`, [1, 1, 4, 32], uniform(128, -0.1, 0.1));
  bundle.float(`trainable_variables/1${VALUE}`, [1, 1, 8, 32], uniform(256, -0.1, 0.1));
  bundle.float(`layer_with_weights-1/moving_mean${VALUE}`, [8], uniform(8, -0.1, 0.1));
  bundle.float(`layer_with_weights-1/moving_variance${VALUE}`, [8], uniform(8, 0.1, 1));
  bundle.float(`layer_with_weights-2/kernel${VALUE}`, [8, 1], uniform(8, -0.1, 0.1));
  bundle.float(`layer_with_weights-2/bias${VALUE}`, [1], [0]);
  optimizerAndMetrics(bundle);
  writeCheckpoint(path.join('variants', 'unknown-layout'), bundle.files());
}
// The best model's dense kernel stored as float64.
{
  const bundle = new Bundle();
  bundle.double(`layer_with_weights-2/kernel${VALUE}`, [16, 1], best[4].dataSync());
  bundle.float(`layer_with_weights-2/bias${VALUE}`, [1], best[5].dataSync());
  writeCheckpoint(path.join('variants', 'float64'), bundle.files());
}
// A checkpoint whose table blocks say they are snappy-compressed (type 1).
{
  const bundle = new Bundle();
  optimizerAndMetrics(bundle);
  writeCheckpoint(path.join('variants', 'compressed'), bundle.files({ compression: 1 }));
}

fs.writeFileSync(path.join(here, 'clips.bin'), clips);
fs.writeFileSync(path.join(here, 'fixture.json'), JSON.stringify(fixture, null, 1) + '\n');
for (const m of fixture.models)
  console.log(`${m.architecture}: logits ${m.logits.map((v) => v.toFixed(4)).join(', ')}; probabilities ${m.probabilities.map((v) => v.toFixed(4)).join(', ')}`);
