#!/usr/bin/env python3
"""hdk-pack against rmp-serde: packs the test bundles and checks that each
file is the gzip of the msgpack the vector generator's mirror of Holochain
0.7's bundle types writes (rmp_serde_vectors.json, "bundles"), that the DNA
hash it prints is the vector's, that `hc dna hash`'s own fixture hashes as hc
prints it, that unpacking and packing again gives the same bundle, and that
bad input is refused with a clear message.

  bundle_check.py HDK_PACK VECTORS_JSON BUNDLE_DIR WORK_DIR
"""
import base64
import gzip
import json
import pathlib
import shutil
import subprocess
import sys

hdk_pack, vectors_json, bundles, work = sys.argv[1:5]
bundles = pathlib.Path(bundles)
work = pathlib.Path(work)
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
vectors = {v["name"]: v for v in json.load(open(vectors_json))["bundles"]}
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def pack(*args, expect_ok=True):
    run = subprocess.run([hdk_pack, *args], capture_output=True, text=True)
    if expect_ok and run.returncode != 0:
        sys.exit(f"hdk-pack {' '.join(args)} failed: {run.stderr}")
    return run


def holo_b64(hex_hash):
    return "u" + base64.urlsafe_b64encode(bytes.fromhex(hex_hash)).decode().rstrip("=")


# The forum DNA: every manifest field, properties of every YAML scalar type.
out = work / "out"
out.mkdir()
run = pack("dna", str(bundles / "forum"), "-o", str(out))
dna_file = out / "forum.dna"
msgpack = gzip.decompress(dna_file.read_bytes())
check(msgpack.hex() == vectors["forum_dna"]["msgpack"], "forum.dna is the gzip of rmp-serde's bundle")
want_hash = holo_b64(vectors["forum_dna"]["dna_hash"])
check(want_hash in run.stdout, f"hdk-pack dna prints the DNA hash {want_hash}")
check(pack("hash", str(dna_file)).stdout.strip() == want_hash, "hdk-pack hash prints it too")

# The hApp: roles of every provisioning, modifiers, an installed hash.
pack("happ", str(bundles / "forum_app"), "-o", str(out))
happ_file = out / "forum-app.happ"
check(gzip.decompress(happ_file.read_bytes()).hex() == vectors["forum_happ"]["msgpack"],
      "forum-app.happ is the gzip of rmp-serde's bundle")

# Holochain's own fixture (hc_bundle's test_cli.rs, hash_dna_function): hc prints this hash.
pack("dna", str(bundles / "hc_dna"), "-o", str(out))
hc_hash = "uhC0kMpN6EzEhjaPP-MWeJi1cH2Zyw7OYEDEekSnjWE85WgCnIvEG"
check(pack("hash", str(out / "a dna.dna")).stdout.strip() == hc_hash,
      "hc's own test DNA hashes as `hc dna hash` prints it")

# Unpack, pack again: the same bundle, byte for byte before gzip.
for name, kind, manifest in [("forum.dna", "dna", "dna.yaml"), ("forum-app.happ", "happ", "happ.yaml")]:
    unpacked = work / ("un-" + kind)
    pack("unpack", str(out / name), str(unpacked))
    check((unpacked / manifest).is_file(), f"unpack writes {manifest}")
    again = work / ("again-" + kind)
    again.mkdir()
    pack(kind, str(unpacked), "-o", str(again))
    check(gzip.decompress((again / name).read_bytes()) == gzip.decompress((out / name).read_bytes()),
          f"{name}: unpacked and packed again, the same bundle")
refused = pack("unpack", str(out / "forum.dna"), str(work / "un-dna"), expect_ok=False)
check(refused.returncode != 0 and "--force" in refused.stderr,
      "unpack refuses to overwrite a directory without --force")

# Bad input: a clear message, a failing exit, no bundle written.
bad = work / "bad"
shutil.copytree(bundles / "forum", bad)
(bad / "zomes" / "posts.wasm").unlink()
run = pack("dna", str(bad), "-o", str(work / "bad.dna"), expect_ok=False)
check(run.returncode != 0 and "posts" in run.stderr and not (work / "bad.dna").exists(),
      "a manifest naming a missing file is refused: " + run.stderr.strip())
shutil.copy(bundles / "forum" / "zomes" / "posts.wasm", bad / "zomes" / "posts.wasm")
(bad / "profiles.wasm").write_bytes(b"changed\n")
run = pack("dna", str(bad), "-o", str(work / "bad.dna"), expect_ok=False)
check(run.returncode != 0 and "profiles" in run.stderr,
      "a zome whose wasm does not have its manifest's hash is refused: " + run.stderr.strip())
(work / "garbage.dna").write_bytes(gzip.compress(b"\xc1 not msgpack"))
run = pack("unpack", str(work / "garbage.dna"), str(work / "garbage"), expect_ok=False)
check(run.returncode != 0 and run.stderr.strip() != "" and "terminate" not in run.stderr,
      "gzip of bytes that are no bundle is refused: " + run.stderr.strip())
(work / "short.dna").write_bytes(dna_file.read_bytes()[:-9])
run = pack("hash", str(work / "short.dna"), expect_ok=False)
check(run.returncode != 0 and run.stderr.strip() != "", "a truncated bundle is refused: " + run.stderr.strip())

if failures:
    sys.exit(f"{len(failures)} checks failed")
print("bundle_check: all checks passed")
