#!/usr/bin/env python3
"""./run test's smoke pass of the benchmarks: runs hdk-bench --smoke (every
benchmark once), hdk-payload-bench up to 32 MiB and report.py over their output
in a scratch directory, then checks that the report holds each figure the
benchmarks promise (the names docs/performance.md lists). No timing is checked.

  smoke.py HDK_BENCH HDK_PAYLOAD_BENCH REPORT_PY"""
import json
import os
import subprocess
import sys
import tempfile

EXPECTED = {
    "call_warm": {"native", "interp", "aot"},
    "call_fresh": {"native", "interp", "aot"},
    "host_calls": {"native", "interp", "aot"},
    "echo_1KiB": {"native", "interp", "aot", "memcpy"},
    "echo_1MiB": {"native", "interp", "aot", "memcpy"},
    "echo_64MiB": {"native", "interp", "aot", "memcpy"},
    "echo_in_place_1MiB": {"native", "interp", "aot"},
    "compute_100k": {"native", "interp", "aot"},
    "payload_max_one_way": {"aot", "interp"},
    "payload_max_round_trip": {"aot", "interp"},
}


def main(bench, payload_bench, report):
    with tempfile.TemporaryDirectory() as results:
        subprocess.run([bench, "--smoke", "--benchmark_out=" + os.path.join(results, "zome_bench.json"),
                        "--benchmark_out_format=json"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([payload_bench, "--engines", "aot,interp", "--max-bytes", str(32 << 20),
                        os.path.join(results, "payload.json")], check=True)
        subprocess.run([sys.executable, report, results], check=True)
        with open(os.path.join(results, "latest.json")) as f:
            records = json.load(f)
    have = {}
    for r in records:
        have.setdefault(r["name"], set()).add(r["engine"])
    missing = [f"{name} on {engine}" for name, engines in EXPECTED.items()
               for engine in sorted(engines - have.get(name, set()))]
    payloads = [r for r in records if r["name"].startswith("payload_max")]
    short = [r for r in payloads if r["bytes"] != 32 << 20]
    if missing or short:
        print("missing from the report:", ", ".join(missing) or "-")
        print("payloads of 32 MiB that did not pass:", [(r["name"], r["engine"], r["why"]) for r in short])
        return 1
    print(f"{len(records)} records, every expected figure present")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
