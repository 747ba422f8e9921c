'use strict';
// Values between the runner protocol's encoding (wast2json's) and JavaScript.
// i64 travel as BigInt; f32/f64 as numbers (NaN payloads are as V8 keeps them across the JS boundary).

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
let hosts = new Map();

/** A host object per ref.extern number, so that identity survives round trips. */
function host(n) {
  let h = hosts.get(n);
  if (!h) {
    h = Object.freeze({ externId: n });
    hosts.set(n, h);
  }
  return h;
}

function resetHosts() {
  hosts = new Map();
}

/** A protocol value → the JS value to pass. Throws for values JS cannot carry. */
function decode(v) {
  switch (v.type) {
    case 'i32': return Number(BigInt.asIntN(32, BigInt(v.value)));
    case 'i64': return BigInt.asIntN(64, BigInt(v.value));
    case 'f32': u32[0] = Number(v.value); return f32[0];
    case 'f64': u64[0] = BigInt(v.value); return f64[0];
    case 'v128': throw new Error('v128 values at the JS boundary');
    default:
      if (v.value === 'null') return null;
      if (v.type === 'externref' && /^[0-9]+$/.test(v.value)) return host(Number(v.value));
      throw new Error(`${v.type} ${v.value} at the JS boundary`);
  }
}

/** A JS value of wasm type `type` ('i32', 'externref', …) → the protocol's encoding. */
function encode(type, value) {
  switch (type) {
    case 'i32': return { type, value: String(value >>> 0) };
    case 'i64': return { type, value: BigInt.asUintN(64, BigInt(value)).toString() };
    case 'f32': f32[0] = value; return { type, value: String(u32[0]) };
    case 'f64': f64[0] = value; return { type, value: u64[0].toString() };
    case 'anyfunc':
    case 'funcref': return { type: 'funcref', value: value === null ? 'null' : 'func' };
    case 'externref':
      if (value === null) return { type, value: 'null' };
      if (value && typeof value === 'object' && typeof value.externId === 'number') return { type, value: String(value.externId) };
      return { type, value: 'extern' };
    default: return { type: 'anyref', value: value === null ? 'null' : 'any' };
  }
}

module.exports = { decode, encode, resetHosts };
