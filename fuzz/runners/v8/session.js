'use strict';
// The V8 runner's worker: one session of modules, instances and registrations (see runner.js).
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const values = require('./values.js');

const prefix = `w${workerData.generation}.`;
let next = 0;
let modules = new Map();
let instances = new Map();
let imports = null;
let trace = [];

/** Thrown by env.exit: ends the call with an exit code. */
class ExitSignal extends Error {
  constructor(code) {
    super(`exit with code ${code}`);
    this.code = code;
  }
}

function reset() {
  modules = new Map();
  instances = new Map();
  values.resetHosts();
  trace = [];
  imports = { spectest: spectest(), env: env() };
}

function spectest() {
  const print = () => {};
  return {
    print, print_i32: print, print_i64: print, print_f32: print, print_f64: print,
    print_i32_f32: print, print_f64_f64: print,
    global_i32: new WebAssembly.Global({ value: 'i32' }, 666),
    global_i64: new WebAssembly.Global({ value: 'i64' }, 666n),
    global_f32: new WebAssembly.Global({ value: 'f32' }, 666.6),
    global_f64: new WebAssembly.Global({ value: 'f64' }, 666.6),
    table: new WebAssembly.Table({ element: 'anyfunc', initial: 10, maximum: 20 }),
    memory: new WebAssembly.Memory({ initial: 1, maximum: 2 }),
    shared_memory: new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true }),
  };
}

function env() {
  return {
    exit: (code) => { throw new ExitSignal(code | 0); },
    log_i32: (v) => { trace.push(values.encode('i32', v)); },
    log_i64: (v) => { trace.push(values.encode('i64', v)); },
    log_f32: (v) => { trace.push(values.encode('f32', v)); },
    log_f64: (v) => { trace.push(values.encode('f64', v)); },
  };
}

class RequestError extends Error {}

function lookup(table, id, what) {
  const value = table.get(id);
  if (value === undefined) {
    const lost = typeof id === 'string' && !id.startsWith(prefix);
    throw new RequestError(lost ? `unknown ${what} "${id}" (lost when the worker was stopped at a deadline)` : `unknown ${what} "${id}"`);
  }
  return value;
}

function takeTrace() {
  const taken = trace;
  trace = [];
  return taken;
}

/** The response of a call that threw: exit, trap, exhaustion, uncaught exception. */
function failure(e) {
  if (e instanceof ExitSignal) return { result: 'exit', code: e.code };
  if (e instanceof WebAssembly.RuntimeError) return { result: 'trap', code: 'RuntimeError', message: e.message };
  if (e instanceof RangeError && /call stack/i.test(e.message)) return { result: 'exhausted', resource: 'stack' };
  if (typeof WebAssembly.Exception === 'function' && e instanceof WebAssembly.Exception) {
    return { result: 'exception', message: 'uncaught WebAssembly exception' };
  }
  if (e instanceof TypeError && /type incompatibility/.test(e.message)) {
    return { result: 'unsupported', feature: `values of this type at the JS boundary (${e.message})` };
  }
  return { result: 'trap', code: e && e.constructor ? e.constructor.name : 'Error', message: String(e && e.message || e) };
}

const handlers = {
  reset() {
    reset();
    return { result: 'ok' };
  },
  compile(r) {
    const bytes = Buffer.from(r.wasm, 'base64');
    try {
      const module = new WebAssembly.Module(bytes);
      const id = `${prefix}m${++next}`;
      modules.set(id, module);
      return { result: 'compiled', module: id };
    } catch (e) {
      if (e instanceof WebAssembly.CompileError) return { result: 'invalid', message: e.message };
      throw e;
    }
  },
  instantiate(r) {
    const module = lookup(modules, r.module, 'module');
    try {
      const instance = new WebAssembly.Instance(module, imports);
      const id = `${prefix}i${++next}`;
      instances.set(id, { instance, types: exportTypes(module) });
      return { result: 'instance', instance: id, trace: takeTrace() };
    } catch (e) {
      // LinkError, or TypeError for an import object that is missing or not of the right kind.
      if (e instanceof WebAssembly.LinkError || e instanceof TypeError) return { result: 'unlinkable', message: e.message, trace: takeTrace() };
      return Object.assign(failure(e), { trace: takeTrace() });
    }
  },
  register(r) {
    const { instance } = lookup(instances, r.instance, 'instance');
    imports[r.as] = instance.exports;
    return { result: 'ok' };
  },
  invoke(r) {
    const { instance, types } = lookup(instances, r.instance, 'instance');
    const fn = instance.exports[r.export];
    const type = types.get(r.export);
    if (typeof fn !== 'function' || !type) throw new RequestError(`no exported function "${r.export}"`);
    let args;
    try {
      args = (r.args || []).map(values.decode);
    } catch (e) {
      return { result: 'unsupported', feature: e.message, trace: [] };
    }
    try {
      const result = fn(...args);
      const results = type.results.length === 1 ? [result] : type.results.length === 0 ? [] : Array.from(result);
      return { result: 'values', values: results.map((v, i) => values.encode(type.results[i], v)), trace: takeTrace() };
    } catch (e) {
      return Object.assign(failure(e), { trace: takeTrace() });
    }
  },
  get(r) {
    const { instance } = lookup(instances, r.instance, 'instance');
    const global = instance.exports[r.export];
    if (!(global instanceof WebAssembly.Global)) throw new RequestError(`no exported global "${r.export}"`);
    return { result: 'values', values: [values.encode(global.type().value, global.value)] };
  },
  state(r) {
    const { instance } = lookup(instances, r.instance, 'instance');
    const globals = {};
    const memories = {};
    const tables = {};
    for (const [name, value] of Object.entries(instance.exports)) {
      if (value instanceof WebAssembly.Global) {
        const type = value.type().value;
        // JavaScript cannot read a v128 global (a TypeError): such globals are left out of the state.
        if (type === 'v128') continue;
        globals[name] = values.encode(type, value.value);
      } else if (value instanceof WebAssembly.Memory) {
        const bytes = new Uint8Array(value.buffer);
        const memory = { size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
        if (r.memory_bytes) memory.bytes = Buffer.from(bytes).toString('base64');
        memories[name] = memory;
      } else if (value instanceof WebAssembly.Table) {
        // Size, and which elements are non-null ('1') or null ('0'). Node 20 has no type reflection,
        // so this is every table's pattern; the oracle compares it for funcref tables only.
        let pattern = '';
        for (let i = 0; i < value.length; i++) pattern += value.get(i) === null ? '0' : '1';
        tables[name] = { size: value.length, nonnull: pattern };
      }
    }
    return { result: 'state', globals, memories, tables };
  },
};

/** Export name → function type, from the type reflection of the module's exports. */
function exportTypes(module) {
  const types = new Map();
  for (const e of WebAssembly.Module.exports(module)) {
    if (e.kind === 'function' && e.type) types.set(e.name, e.type);
  }
  return types;
}

reset();
parentPort.on('message', (request) => {
  let response;
  try {
    const handler = handlers[request.op];
    if (!handler) throw new RequestError(`unknown op "${request.op}"`);
    response = handler(request);
  } catch (e) {
    response = { result: 'error', message: String(e && e.message || e) };
  }
  response.id = request.id;
  parentPort.postMessage(JSON.stringify(response));
});
