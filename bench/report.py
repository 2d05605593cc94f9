#!/usr/bin/env python3
"""Prints each benchmark's time and its ratio to the native run of the same
work, and writes the table as JSON. Standard library only."""
import json
import sys


def main(raw_path, summary_path):
    with open(raw_path) as f:
        raw = json.load(f)
    rows = {}
    for b in raw["benchmarks"]:
        if b.get("run_type") == "aggregate" or b.get("error_occurred"):
            continue
        name = b["name"]                      # e.g. compute/interp/100000
        parts = name.split("/")
        group, runtime, arg = parts[0], parts[1], "/".join(parts[2:])
        unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        rows[(group, runtime, arg)] = {
            "name": name, "group": group, "runtime": runtime, "arg": arg,
            "seconds": b["real_time"] * unit,
            "bytes_per_second": b.get("bytes_per_second"),
        }
    for row in rows.values():
        native = rows.get((row["group"], "native", row["arg"]))
        if row["group"] == "compute" and row["runtime"] != "native_kernel":
            native = rows.get(("compute", "native_kernel", row["arg"]))
        row["ratio_to_native"] = (row["seconds"] / native["seconds"]) if native and native["seconds"] else None
    print(f"{'benchmark':<36} {'time':>12} {'x native':>10} {'MiB/s':>10}")
    for key in sorted(rows):
        r = rows[key]
        t = r["seconds"]
        shown = f"{t * 1e9:.0f} ns" if t < 1e-6 else f"{t * 1e6:.1f} us" if t < 1e-3 else f"{t * 1e3:.2f} ms"
        ratio = f"{r['ratio_to_native']:.1f}" if r["ratio_to_native"] else "-"
        mibs = f"{r['bytes_per_second'] / 2**20:.0f}" if r["bytes_per_second"] else "-"
        print(f"{r['name']:<36} {shown:>12} {ratio:>10} {mibs:>10}")
    with open(summary_path, "w") as f:
        json.dump({"context": raw.get("context", {}), "results": list(rows.values())}, f, indent=2)
    print(f"\nwrote {summary_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
