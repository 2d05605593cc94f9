#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpus (tests/fuzz/corpus/<target>/) from
real encodings: the rmp-serde vectors (tests/vectors/rmp_serde_vectors.json)
and the hand-written test modules (tests/modules/*.wat, through wat2wasm).

    python3 tests/fuzz/make_corpus.py    # from the source tree; needs wat2wasm

Each seed starts with the selector bytes its target reads (see the target's
source), so each part of a target starts from something it accepts."""
import hashlib
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VECTORS = json.loads((ROOT / "tests/vectors/rmp_serde_vectors.json").read_text())


def def_names(path, macro):
    """The first argument of each `macro(` line of an X-macro list, in order."""
    text = path.read_text()
    return re.findall(r"^" + macro + r"\((\w+),\s*(\w+)?", text, re.M)


def bin_wrap(payload):
    """`payload` as a msgpack bin: the ExternIO a zome call carries."""
    n = len(payload)
    if n < 256:
        head = bytes([0xC4, n])
    elif n < 65536:
        head = bytes([0xC5]) + n.to_bytes(2, "big")
    else:
        head = bytes([0xC6]) + n.to_bytes(4, "big")
    return head + payload


def longest_prefix(name, names):
    best = None
    for candidate in names:
        if name == candidate or name.startswith(candidate + "_"):
            if best is None or len(candidate) > len(best):
                best = candidate
    return best


def write(target, seeds):
    out = HERE / "corpus" / target
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for label, data in seeds:
        digest = hashlib.sha1(data).hexdigest()[:12]
        (out / f"{label}-{digest}").write_bytes(data)
    print(f"{target}: {len(list(out.iterdir()))} seeds")


def vectors():
    """(short name, bytes) of every vector: world values and the generic ones."""
    for section in ("world", "encode", "decode"):
        for v in VECTORS[section]:
            name = v["name"]
            if len(v["hex"]) > 2 * 4096:
                continue  # a small corpus: the fuzzer makes long inputs itself
            if name.startswith("holochain/"):
                name = name.split("/")[1]
            yield name.replace("/", "_"), bytes.fromhex(v["hex"])


def wire_types():
    types = [n for n, _ in def_names(HERE / "wire_types.def", "HDK_FUZZ_WIRE_TYPE")]
    seeds = []
    generic = 0
    for name, data in vectors():
        match = longest_prefix(name, types)
        if match is None:
            # Generic values (ints, strings, malformed input) go to the types in turn.
            if not name.startswith("decode_") and generic % 4:
                generic += 1
                continue
            match = types[generic % len(types)]
            generic += 1
        seeds.append((match, bytes([types.index(match)]) + bin_wrap(data)))
    write("wire_types", seeds)


def host_decoding():
    fns = [f"{n}_{v}" for n, v in def_names(ROOT / "hdk/include/hdk/host_fns.def", "HDK_HOST_FN")]
    bare = [f.rsplit("_", 1)[0] for f in fns]
    seeds = []
    for name, data in vectors():
        if name in ("result", "wasm_error", "extern_io"):
            seeds.append(("guest_result", bytes([0, 0]) + data))
            continue
        stem = name[: -len("_input")] if name.endswith("_input") else name
        match = longest_prefix(stem, bare)
        if match is not None:
            index = bare.index(match)
            # 0x80: with a world, from a zome call (callback 0).
            seeds.append((fns[index], bytes([1 + index, 0x80]) + data))
    unit = bytes([0xC0])
    for index, fn in enumerate(fns):
        seeds.append((fn + "-unit", bytes([1 + index, 0x80]) + unit))
    write("host_decoding", seeds)


def module_loading():
    seeds = []
    with tempfile.TemporaryDirectory() as tmp:
        for wat in sorted((ROOT / "tests/modules").glob("*.wat")):
            wasm = pathlib.Path(tmp) / (wat.stem + ".wasm")
            subprocess.run(["wat2wasm", str(wat), "-o", str(wasm)], check=True)
            seeds.append((wat.stem, wasm.read_bytes()))
    write("module_loading", seeds)


def zome_call():
    # The function index is taken modulo the zomes' function count at run
    # time, so the first bytes 0..31 reach every function of the example zomes.
    picks = [d for n, d in vectors() if n.startswith(("op_", "entry_", "record", "action_"))]
    unit = bytes([0xC0])
    seeds = []
    for fn in range(32):
        seeds.append((f"fn{fn}-unit", bytes([fn, 0]) + unit))
        seeds.append((f"fn{fn}", bytes([fn, 0]) + picks[fn % len(picks)]))
    seeds.append(("raw-not-extern-io", bytes([0, 1, 0xC1])))
    write("zome_call", seeds)


def tool_inputs():
    import gzip

    seeds = []
    for i, (name, data) in enumerate(vectors()):
        if i % 6 == 0:
            seeds.append((f"out-{name}", bytes([0]) + data))
    texts = [
        '{"title":"Hello","body":"first post"}',
        '"uhCkk1kcR2GEO5LThM4Sq63JprxnyBnFpKpmFtxEAmXWEkMK3dWoL"',
        '{"post":"uhCkk1kcR2GEO5LThM4Sq63JprxnyBnFpKpmFtxEAmXWEkMK3dWoL","text":"hi"}',
        '{"blob":{"$bytes":"AAEC/w=="},"n":[1,-2,1.5,null,true]}',
        '{"$map":[[1,"one"],[{"$bytes":""},[]]]}',
        '{"$ext":[5,"AQID"]}',
        '[[[[[[[[[[]]]]]]]]]]',
    ]
    for i, text in enumerate(texts):
        seeds.append((f"json{i}", bytes([1]) + text.encode()))
    for v in VECTORS["bundles"]:
        seeds.append((f"bundle-{v['name']}", bytes([2]) + gzip.compress(bytes.fromhex(v["msgpack"]), mtime=0)))
    write("tool_inputs", seeds)


if __name__ == "__main__":
    wire_types()
    host_decoding()
    module_loading()
    zome_call()
    tool_inputs()
