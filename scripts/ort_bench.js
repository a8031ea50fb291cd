// Median latency of ONNX Runtime's CPU provider on a model, for comparison with QuantLens.
// usage: NODE_PATH=build/ort/node_modules node scripts/ort_bench.js MODEL [threads] [repeats] [batch] [image size for dynamic dims] [samples file]
// With a samples file, each timed run's ms is appended to it, one per line (bench_zoo.sh pools rounds).
// (scripts/bench_zoo.sh installs onnxruntime-node into build/ort with --ignore-scripts.)
const ort = require('onnxruntime-node');

async function main() {
  const [model, threads = '2', repeats = '30', batch = '1', imageSize = '224', samplesFile = ''] = process.argv.slice(2);
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: Number(threads), interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential',
  });
  const meta = session.inputNames[0];
  const inputInfo = session.inputMetadata ? session.inputMetadata : null;
  let dims = [Number(batch), 3, Number(imageSize), Number(imageSize)];
  if (inputInfo && inputInfo[0] && inputInfo[0].shape) dims = inputInfo[0].shape.map((d, i) => (typeof d === 'number' && d > 0 ? d : (i === 0 ? Number(batch) : Number(imageSize))));
  const size = dims.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size).map(() => Math.random() * 2 - 1);
  const feeds = { [meta]: new ort.Tensor('float32', data, dims) };
  for (let i = 0; i < 5; ++i) await session.run(feeds);
  const times = [];
  for (let i = 0; i < Number(repeats); ++i) {
    const t0 = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (samplesFile) require('fs').appendFileSync(samplesFile, times.map((t) => t.toFixed(4)).join('\n') + '\n');
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`onnxruntime ${require('onnxruntime-node/package.json').version} ${model} [${dims}] threads ${threads}: median ${median.toFixed(3)} ms (p10 ${times[Math.floor(times.length * 0.1)].toFixed(3)}, p90 ${times[Math.floor(times.length * 0.9)].toFixed(3)})`);
}
main().catch((e) => { console.error(e.message); process.exit(2); });
