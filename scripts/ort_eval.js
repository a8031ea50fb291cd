// Top-1 of an ONNX model in ONNX Runtime's CPU provider on a Fashion-MNIST style IDX split: the
// independent check that a model QuantLens exported (`quantize`) runs elsewhere as measured.
// usage: NODE_PATH=.../node_modules node scripts/ort_eval.js MODEL.onnx DATA_DIR [split=t10k] [limit=0] [mean] [std]
// mean/std default to the model card next to the model (MODEL.json), as QuantLens does.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const ort = require('onnxruntime-node');

function readIdx(file) {
  let bytes = fs.readFileSync(fs.existsSync(file) ? file : file + '.gz');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  const dims = bytes[3];
  const shape = [];
  for (let i = 0; i < dims; ++i) shape.push(bytes.readUInt32BE(4 + 4 * i));
  return { shape, data: bytes.subarray(4 + 4 * dims) };
}

function modelCard(model) {
  for (const f of [model.replace(/\.onnx$/, '.json')]) if (fs.existsSync(f)) return JSON.parse(fs.readFileSync(f, 'utf8'));
  return {};
}

async function main() {
  const [model, dir, split = 't10k', limitText = '0', meanText, stdText] = process.argv.slice(2);
  if (!model || !dir) throw new Error('usage: ort_eval.js MODEL.onnx DATA_DIR [split] [limit] [mean] [std]');
  const card = modelCard(model);
  const mean = meanText !== undefined ? Number(meanText) : (card.mean ?? 0);
  const std = stdText !== undefined ? Number(stdText) : (card.std ?? 1);
  const images = readIdx(path.join(dir, `${split}-images-idx3-ubyte`));
  const labels = readIdx(path.join(dir, `${split}-labels-idx1-ubyte`));
  const [count, h, w] = images.shape;
  const n = Number(limitText) > 0 ? Math.min(Number(limitText), count) : count;
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 2, graphOptimizationLevel: 'all' });
  const input = session.inputNames[0];
  const batch = 100;
  let correct = 0;
  const t0 = process.hrtime.bigint();
  for (let start = 0; start < n; start += batch) {
    const b = Math.min(batch, n - start);
    const x = new Float32Array(b * h * w);
    for (let i = 0; i < b * h * w; ++i) x[i] = (images.data[start * h * w + i] / 255 - mean) / std;
    let out;
    try {
      out = await session.run({ [input]: new ort.Tensor('float32', x, [b, 1, h, w]) });
    } catch (e) {  // a model exported with a fixed batch of 1
      if (start !== 0 || b === 1) throw e;
      return evalOneByOne(session, input, images, labels, n, h, w, mean, std, model);
    }
    const logits = out[session.outputNames[0]].data;
    const classes = logits.length / b;
    for (let i = 0; i < b; ++i) {
      let best = 0;
      for (let k = 1; k < classes; ++k) if (logits[i * classes + k] > logits[i * classes + best]) best = k;
      if (best === labels.data[start + i]) ++correct;
    }
  }
  report(model, n, correct, t0);
}

async function evalOneByOne(session, input, images, labels, n, h, w, mean, std, model) {
  let correct = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; ++i) {
    const x = new Float32Array(h * w);
    for (let j = 0; j < h * w; ++j) x[j] = (images.data[i * h * w + j] / 255 - mean) / std;
    const out = await session.run({ [input]: new ort.Tensor('float32', x, [1, 1, h, w]) });
    const logits = out[session.outputNames[0]].data;
    let best = 0;
    for (let k = 1; k < logits.length; ++k) if (logits[k] > logits[best]) best = k;
    if (best === labels.data[i]) ++correct;
  }
  report(model, n, correct, t0);
}

function report(model, n, correct, t0) {
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`onnxruntime ${require('onnxruntime-node/package.json').version} ${path.basename(model)}: top-1 ${(100 * correct / n).toFixed(2)}% ` +
              `(${correct}/${n}), ${(n / seconds).toFixed(0)} images/s`);
}

main().catch((e) => { console.error(`ort_eval: ${e.message}`); process.exit(2); });
