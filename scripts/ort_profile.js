// Per-node latency of ONNX Runtime's CPU provider (its own profiler), to put beside
// `quantlens-cli profile` layer by layer: which layers ORT runs faster, and with which kernel.
// usage: NODE_PATH=build/ort/node_modules node scripts/ort_profile.js MODEL [threads=2] [repeats=30] [image size=224] [top=25]
// Prints the whole-model median, then the nodes by median kernel time (µs), with op and provider.
const fs = require('fs');
const os = require('os');
const path = require('path');
const ort = require('onnxruntime-node');

async function main() {
  const [model, threads = '2', repeats = '30', imageSize = '224', top = '25'] = process.argv.slice(2);
  const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ort-profile-')), 'profile');
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: Number(threads), interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential',
    enableProfiling: true, profileFilePrefix: prefix,
  });
  const dims = [1, 3, Number(imageSize), Number(imageSize)];
  const data = new Float32Array(dims.reduce((a, b) => a * b, 1)).map(() => Math.random() * 2 - 1);
  const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', data, dims) };
  for (let i = 0; i < 5; ++i) await session.run(feeds);
  const whole = [];
  for (let i = 0; i < Number(repeats); ++i) {
    const t0 = process.hrtime.bigint();
    await session.run(feeds);
    whole.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  session.endProfiling();
  const file = fs.readdirSync(path.dirname(prefix)).map((f) => path.join(path.dirname(prefix), f)).find((f) => f.endsWith('.json'));
  const events = JSON.parse(fs.readFileSync(file, 'utf8'));
  const perNode = new Map();
  for (const e of events) {
    if (e.cat !== 'Node' || !e.name.endsWith('_kernel_time')) continue;
    const name = e.name.slice(0, -'_kernel_time'.length);
    if (!perNode.has(name)) perNode.set(name, { op: e.args.op_name, provider: e.args.provider, times: [] });
    perNode.get(name).times.push(e.dur);
  }
  const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
  // the last `repeats` calls are the timed ones
  const rows = [...perNode.entries()].map(([name, n]) => ({ name, op: n.op, provider: n.provider, us: median(n.times.slice(-Number(repeats))) }));
  const sum = rows.reduce((a, r) => a + r.us, 0);
  console.log(`onnxruntime ${require('onnxruntime-node/package.json').version} ${model} threads ${threads}: whole-model median ${median(whole).toFixed(3)} ms, ` +
              `sum of node medians ${(sum / 1000).toFixed(3)} ms over ${rows.length} nodes`);
  rows.sort((a, b) => b.us - a.us);
  for (const r of rows.slice(0, Number(top))) console.log(`${r.us.toFixed(1).padStart(9)} us  ${r.op.padEnd(20)} ${r.name}`);
  fs.rmSync(path.dirname(prefix), { recursive: true, force: true });
}
main().catch((e) => { console.error(e.message); process.exit(2); });
