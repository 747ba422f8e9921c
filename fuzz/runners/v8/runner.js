'use strict';
// The V8 runner: the runner protocol (fuzz/runners/README.md) over Node.js's WebAssembly API.
// The main thread reads requests and writes responses; a worker thread runs the guest code, so
// that a call past its deadline can be stopped by terminating the worker (its modules and
// instances are then lost). Start with the flags EngineCatalog.NodeFlags names.
const { Worker } = require('node:worker_threads');
const readline = require('node:readline');
const path = require('node:path');

// Features V8 runs by default in Node 20, plus those its flags turn on.
const DEFAULT_FEATURES = [
  'mutable-globals', 'sign-extension', 'saturating-float-to-int', 'multi-value', 'bulk-memory',
  'reference-types', 'simd', 'legacy-exceptions',
];
const FLAG_FEATURES = {
  '--experimental-wasm-return-call': 'tail-call',
  '--experimental-wasm-extended-const': 'extended-const',
  '--experimental-wasm-relaxed-simd': 'relaxed-simd',
  '--experimental-wasm-memory64': 'memory64',
  '--experimental-wasm-gc': 'gc',
  '--experimental-wasm-typed-funcref': 'function-references',
};

let generation = 0;
let worker = null;
let pending = null; // { id, timer }
const queue = [];

function startWorker() {
  generation++;
  worker = new Worker(path.join(__dirname, 'session.js'), {
    workerData: { generation },
    execArgv: [], // V8 flags are process-wide: the worker has them already
    resourceLimits: { stackSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
  worker.on('message', (line) => finish(line));
  worker.on('error', (e) => {
    // The worker died of an error the session did not catch: answer the request, start afresh.
    const id = pending ? pending.id : 0;
    process.stderr.write(`v8 runner: worker failed: ${e && e.stack || e}\n`);
    restart();
    finish(JSON.stringify({ id, result: 'error', message: `worker failed: ${e && e.message || e}` }));
  });
  worker.unref();
}

function restart() {
  const old = worker;
  worker = null;
  if (old) old.terminate().catch(() => {});
  startWorker();
}

function write(line) {
  process.stdout.write(line + '\n');
}

function finish(line) {
  if (!pending) return;
  if (pending.timer) clearTimeout(pending.timer);
  pending = null;
  write(line);
  pump();
}

function hello(id) {
  const enabled = Object.entries(FLAG_FEATURES)
    .filter(([flag]) => process.execArgv.includes(flag)).map(([, feature]) => feature);
  return JSON.stringify({
    id, result: 'hello', engine: 'v8', version: process.versions.v8,
    features: DEFAULT_FEATURES.concat(enabled),
  });
}

function pump() {
  while (!pending && queue.length > 0) {
    const line = queue.shift();
    let request;
    try {
      request = JSON.parse(line);
    } catch (e) {
      write(JSON.stringify({ id: 0, result: 'error', message: `bad request: ${e.message}` }));
      continue;
    }
    if (request.op === 'hello') {
      write(hello(request.id));
      continue;
    }
    pending = { id: request.id, timer: null };
    if (typeof request.timeout_ms === 'number') {
      pending.timer = setTimeout(() => {
        // Terminating the worker stops the guest; its modules and instances are gone.
        const id = pending.id;
        restart();
        finish(JSON.stringify({ id, result: 'exhausted', resource: 'time', trace: [] }));
      }, Math.max(1, request.timeout_ms));
    }
    worker.postMessage(request);
  }
}

startWorker();
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on('line', (line) => {
  if (line.length === 0) return;
  queue.push(line);
  pump();
});
input.on('close', () => {
  const wait = setInterval(() => {
    if (!pending && queue.length === 0) {
      clearInterval(wait);
      process.exit(0);
    }
  }, 5);
});
