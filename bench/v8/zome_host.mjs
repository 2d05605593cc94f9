// The V8 peer: a small host for Node that runs a zome as our host does (the
// same ABI: input placed through __hc__allocate_1 as ExternIO, the packed
// (ptr, len) result read back and freed with __hc__deallocate_1) and times
// the figures bench/zome_bench.cpp measures on our engines. Prints its
// records as JSON on stdout: [{name, engine: "v8", value, unit}, ...].
//   node zome_host.mjs COMPUTE_WASM [--quick]
import { readFileSync } from "node:fs";

// ---- msgpack, the few shapes the envelope needs (written by hand) ----
function encodeUint(n, out) {
  if (typeof n === "number" && n < 0x80) out.push(n);
  else if (n < 0x100) out.push(0xcc, Number(n));
  else if (n < 0x10000) out.push(0xcd, Number(n) >> 8, Number(n) & 0xff);
  else if (n < 0x100000000) {
    const v = Number(n);
    out.push(0xce, (v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  } else {
    const v = BigInt(n);
    out.push(0xcf);
    for (let i = 7; i >= 0; --i) out.push(Number((v >> BigInt(8 * i)) & 0xffn));
  }
}
function encodeStr(s, out) {
  const bytes = Buffer.from(s, "utf8");
  if (bytes.length >= 32) throw new Error("only short keys here");
  out.push(0xa0 | bytes.length, ...bytes);
}
function binHeader(length) {
  if (length < 0x100) return [0xc4, length];
  if (length < 0x10000) return [0xc5, length >> 8, length & 0xff];
  return [0xc6, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff];
}
/** msgpack of a struct of unsigned fields, as a map with named keys (rmp-serde's to_vec_named). */
function encodeStruct(fields) {
  const out = [0x80 | Object.keys(fields).length];
  for (const [key, value] of Object.entries(fields)) {
    encodeStr(key, out);
    encodeUint(value, out);
  }
  return Uint8Array.from(out);
}
/** ExternIO: a bin holding the msgpack of the value. */
function externIO(msgpack) {
  const header = binHeader(msgpack.length);
  const out = new Uint8Array(header.length + msgpack.length);
  out.set(header, 0);
  out.set(msgpack, header.length);
  return out;
}
/** The content of `{"Ok": bin}` (the guest's Ok(ExternIO)), or throws with what came instead. */
function okContent(bytes) {
  const ok = [0x81, 0xa2, 0x4f, 0x6b];
  for (let i = 0; i < 4; ++i) if (bytes[i] !== ok[i]) throw new Error("zome returned an error");
  let at = 4, length;
  if (bytes[at] === 0xc4) { length = bytes[at + 1]; at += 2; }
  else if (bytes[at] === 0xc5) { length = (bytes[at + 1] << 8) | bytes[at + 2]; at += 3; }
  else if (bytes[at] === 0xc6) {
    length = ((bytes[at + 1] << 24) >>> 0) + (bytes[at + 2] << 16) + (bytes[at + 3] << 8) + bytes[at + 4];
    at += 5;
  } else throw new Error("Ok without ExternIO bytes");
  return bytes.subarray(at, at + length);
}
function decodeUint(bytes) {
  const b = bytes[0];
  if (b < 0x80) return BigInt(b);
  const width = { 0xcc: 1, 0xcd: 2, 0xce: 4, 0xcf: 8 }[b];
  if (!width) throw new Error("not an unsigned integer");
  let v = 0n;
  for (let i = 1; i <= width; ++i) v = (v << 8n) | BigInt(bytes[i]);
  return v;
}

// ---- the host ----
class Zome {
  constructor(module) {
    this.module = module;
    // The host functions the zome imports: none of these benchmarks calls
    // one, so each fails the call as an unserved import would.
    const env = {};
    for (const imp of WebAssembly.Module.imports(module)) {
      if (imp.kind !== "function") throw new Error(`import ${imp.module}.${imp.name} is a ${imp.kind}`);
      env[imp.name] = () => { throw new Error(`host function ${imp.name} is not served here`); };
    }
    this.imports = { env };
  }
  instantiate() {
    const instance = new WebAssembly.Instance(this.module, this.imports);
    return instance.exports;
  }
  /** One zome call on `exports`: place the input, call, read and free the output. */
  static call(exports, fn, input) {
    const ptr = exports.__hc__allocate_1(input.length);
    new Uint8Array(exports.memory.buffer, ptr, input.length).set(input);
    const packed = BigInt.asUintN(64, exports[fn](ptr, input.length));
    const outPtr = Number(packed >> 32n), outLen = Number(packed & 0xffffffffn);
    const output = new Uint8Array(exports.memory.buffer, outPtr, outLen).slice();
    exports.__hc__deallocate_1(outPtr, outLen);
    return okContent(output);
  }
}

/** Mean seconds per call of `run`, over at least `minSeconds` after a warm-up. */
function time(run, minSeconds) {
  for (let i = 0; i < 3; ++i) run();
  let iterations = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    run();
    ++iterations;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < minSeconds);
  return elapsed / iterations;
}

function main() {
  const [path, ...flags] = process.argv.slice(2);
  const minSeconds = flags.includes("--quick") ? 0.02 : 0.5;
  const bytes = readFileSync(path);
  const compileStart = process.hrtime.bigint();
  const module = new WebAssembly.Module(bytes);
  const compileSeconds = Number(process.hrtime.bigint() - compileStart) / 1e9;
  const zome = new Zome(module);
  const unit = externIO(Uint8Array.from([0xc0]));  // ()
  const reused = zome.instantiate();

  const records = [];
  const record = (name, value, unit) => records.push({ name, engine: "v8", value, unit });
  record("compile_cold", compileSeconds * 1e3, "ms");
  record("call_warm", time(() => Zome.call(reused, "noop", unit), minSeconds) * 1e6, "us");
  record("call_fresh", time(() => Zome.call(zome.instantiate(), "noop", unit), minSeconds) * 1e6, "us");

  const payload = new Uint8Array(1 << 20).fill(7);
  const echoInput = externIO(Uint8Array.from([...binHeader(payload.length), ...payload]));
  const echoSeconds = time(() => Zome.call(reused, "echo", echoInput), minSeconds);
  record("echo_1MiB", (2 * payload.length) / echoSeconds / 1e9, "GB/s");

  const job = externIO(encodeStruct({ count: 100000, seed: 42 }));
  let hash = 0n;
  const computeSeconds = time(() => { hash = decodeUint(Zome.call(reused, "sort_and_hash", job)); }, minSeconds);
  record("compute_100k", computeSeconds * 1e3, "ms");
  records[records.length - 1].result = hash.toString();  // to compare with our engines' answer
  process.stdout.write(JSON.stringify(records) + "\n");
}

main();
