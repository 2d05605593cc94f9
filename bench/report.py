#!/usr/bin/env python3
"""The benchmark report: reads what ./run bench measured, writes
bench/results/latest.json (a list of records {name, engine, metric, value,
unit, ratio_to, ratio, ...}), prints one table (a row per figure, a column
per engine), marks figures more than 20% worse than the previous run's
latest.json, and draws bench/results/latest.png with matplotlib.

  report.py RESULTS_DIR   (reads zome_bench.json, cold_start*.json, cli.json, payload.json,
                           v8.json there)"""
import json
import math
import os
import sys

ENGINES = ["native", "interp", "tcc", "aot", "tiered", "wasm-c-api", "v8", "memcpy"]
REGRESSION = 1.20
# Figures where more is better (throughput); for the others less is better.
HIGHER_IS_BETTER = {"GB/s", "GiB"}


def load(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return json.load(f)


def google_benchmark_records(raw):
    """hdk-bench's Google Benchmark JSON as records with the shared names."""
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    names = {("compute", "100000"): "compute_100k", ("compute", "1000"): "compute_1k",
             ("noop_fresh", ""): "call_fresh", ("noop_reused", ""): "call_warm",
             ("host_calls", ""): "host_calls",
             # the file read and hashed as well (cold_start's load_memory_cache_* takes bytes)
             ("load_memory_cache", ""): "load_file_memory_cache_compute"}
    # echo and the host's memcpy of the same bytes share a name per size
    for size, label in ((1 << 10, "1KiB"), (64 << 10, "64KiB"), (1 << 20, "1MiB"),
                        (64 << 20, "64MiB"), (1 << 30, "1GiB")):
        names[("echo", str(size))] = names[("memcpy", str(size))] = "echo_" + label
        names[("echo_in_place", str(size))] = "echo_in_place_" + label
    out = []
    for b in raw.get("benchmarks", []):
        if b.get("run_type") == "aggregate" or b.get("error_occurred"):
            continue
        parts = b["name"].split("/")
        group, engine = parts[0], parts[1]
        arg = parts[2] if len(parts) > 2 and parts[2].isdigit() else ""
        if engine == "native_kernel":
            engine = "native"
        name = names.get((group, arg))
        if not name:
            continue
        # CPU time: every benchmark runs on one thread, and on a machine shared with other
        # work the wall time measures that work too. (The wall time is kept beside it.)
        seconds = b["cpu_time"] * scale[b["time_unit"]]
        wall = b["real_time"] * scale[b["time_unit"]]
        if name.startswith("echo"):
            value, unit = 2 * int(arg) / seconds / 1e9, "GB/s"  # in and out
        elif name.startswith("compute") or name.startswith("load"):
            value, unit = seconds * 1e3, "ms"
        else:
            value, unit = seconds * 1e6, "us"
        out.append({"name": name, "engine": engine, "metric": name, "value": value, "unit": unit,
                    "wall_s": wall, "cpu_s": seconds})
    return out


def add_ratios(records):
    by_key = {(r["name"], r["engine"]): r for r in records}
    for r in records:
        r.setdefault("ratio_to", None)
        r.setdefault("ratio", None)
        if r["engine"] in ("native", "memcpy") or not isinstance(r["value"], (int, float)):
            continue
        reference = "memcpy" if r["unit"] == "GB/s" else "native"
        # an echo read in place is held to the memcpy of the same bytes
        ref_name = r["name"].replace("echo_in_place_", "echo_")
        ref = by_key.get((ref_name, reference))
        if ref and ref["value"]:
            r["ratio_to"] = reference
            # How many times slower than the reference (1.0 = as fast).
            r["ratio"] = (ref["value"] / r["value"]) if r["unit"] in HIGHER_IS_BETTER else (r["value"] / ref["value"])
        elif r["engine"] == "v8":
            ours = by_key.get((r["name"], "aot"))
            if ours and ours["value"]:
                r["ratio_to"] = "aot"
                r["ratio"] = (ours["value"] / r["value"]) if r["unit"] in HIGHER_IS_BETTER else (r["value"] / ours["value"])


def mark_regressions(records, previous):
    before = {(r["name"], r["engine"]): r for r in previous or [] if isinstance(r.get("value"), (int, float))}
    found = []
    for r in records:
        old = before.get((r["name"], r["engine"]))
        if not old or not isinstance(r["value"], (int, float)) or not old["value"] or not r["value"]:
            continue
        worse = (old["value"] / r["value"]) if r["unit"] in HIGHER_IS_BETTER else (r["value"] / old["value"])
        r["previous"] = old["value"]
        if worse > REGRESSION:
            r["regression"] = round(worse, 2)
            found.append(r)
    return found


def shown(value, unit):
    if not isinstance(value, (int, float)):
        return str(value)
    if unit == "ms" and value < 1:
        return f"{value * 1e3:.0f} us"
    if unit == "us" and value >= 1000:
        return f"{value / 1e3:.2f} ms"
    if unit == "ms" and value >= 1000:
        return f"{value / 1e3:.2f} s"
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:.{digits}f} {unit}"


def print_table(records):
    engines = [e for e in ENGINES if any(r["engine"] == e for r in records)]
    engines += sorted({r["engine"] for r in records} - set(engines) - {"-"})
    rows = []
    for r in records:
        if r["name"] not in rows:
            rows.append(r["name"])
    cell = {(r["name"], r["engine"]): r for r in records}
    width = 13
    print(f"{'figure':<30}" + "".join(f"{e:>{width}}" for e in engines))
    for name in rows:
        if (name, "-") in cell:  # a figure of the zome, not of an engine (its size)
            r = cell[(name, "-")]
            print(f"{name:<30}{shown(r['value'], r['unit']):>{width}}")
            continue
        line = f"{name:<30}"
        for e in engines:
            r = cell.get((name, e))
            text = shown(r["value"], r["unit"]) + ("!" if r.get("regression") else "") if r else "-"
            line += f"{text:>{width}}"
        print(line)
    print("(! : over 20% worse than the previous run; V8's ratio is to aot, others' to native or memcpy)")


def draw(records, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("no PNG chart: matplotlib not found (Debian: python3-matplotlib)")
        return False
    colors = {"native": "#444444", "interp": "#d9822b", "tcc": "#9b59b6", "aot": "#2b7bd9",
              "tiered": "#16a085", "wasm-c-api": "#2bb673", "v8": "#c0392b", "memcpy": "#7f8c8d",
              "aot-O1": "#5dade2"}
    steady = ["call_warm", "call_fresh", "echo_1MiB", "compute_100k"]
    cold = [n for n in ("first_call_hello", "first_call_compute", "first_call_forum", "first_call_large")
            if any(r["name"] == n for r in records)]
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5.5))

    def bars(ax, names, engines, value_of, title, xlabel):
        height = 0.8 / max(1, len(engines))
        for i, engine in enumerate(engines):
            ys, xs = [], []
            for j, name in enumerate(names):
                v = value_of(name, engine)
                if v:
                    ys.append(j + i * height)
                    xs.append(v)
            ax.barh(ys, xs, height=height, label=engine, color=colors.get(engine, "#888888"))
        ax.set_yticks([j + 0.4 - height / 2 for j in range(len(names))])
        ax.set_yticklabels(names)
        ax.invert_yaxis()
        ax.set_xscale("log")
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.grid(axis="x", which="both", alpha=0.3)
        ax.legend(fontsize=8)

    cell = {(r["name"], r["engine"]): r for r in records}

    def ratio(name, engine):
        r = cell.get((name, engine))
        if not r:
            return None
        if engine in ("native", "memcpy"):
            return 1.0
        if r.get("ratio_to") in ("native", "memcpy"):
            return r["ratio"]
        if engine == "v8" and r.get("ratio"):
            aot = cell.get((name, "aot"))
            return r["ratio"] * aot["ratio"] if aot and aot.get("ratio") else None
        return None

    steady_engines = [e for e in ENGINES if any(ratio(n, e) for n in steady) and e not in ("native", "memcpy")]
    bars(left, steady, steady_engines, ratio, "steady state: × native (echo: × memcpy)", "times slower (log)")
    cold_engines = [e for e in ["interp", "tcc", "aot-O1", "aot", "tiered"] if any(cell.get((n, e)) for n in cold)]
    bars(right, cold, cold_engines, lambda n, e: (cell.get((n, e)) or {}).get("value"),
         "first call, nothing cached", "ms (log)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return True


def main(results):
    records = []
    records += google_benchmark_records(load(os.path.join(results, "zome_bench.json"), {}))
    records += load(os.path.join(results, "cold_start.json"), [])
    records += load(os.path.join(results, "cold_start_large.json"), [])
    records += load(os.path.join(results, "cli.json"), [])
    records += load(os.path.join(results, "payload.json"), [])
    v8 = load(os.path.join(results, "v8.json"))
    if v8 is None:
        print("V8 peer: not measured (node not found)")
    records += v8 or []
    add_ratios(records)
    latest = os.path.join(results, "latest.json")
    previous = load(latest)
    regressions = mark_regressions(records, previous)
    print_table(records)
    if previous is None:
        print("no previous latest.json: nothing to compare with")
    elif regressions:
        print(f"{len(regressions)} regression(s) over 20% against the previous run:")
        for r in regressions:
            print(f"  {r['name']} on {r['engine']}: {shown(r['previous'], r['unit'])} -> {shown(r['value'], r['unit'])}")
    else:
        print("no regression over 20% against the previous run")
    if previous is not None:
        with open(os.path.join(results, "previous.json"), "w") as f:
            json.dump(previous, f, indent=1)
    with open(latest, "w") as f:
        json.dump(records, f, indent=1)
    png = os.path.join(results, "latest.png")
    if draw(records, png):
        print(f"wrote {latest} and {png}")
    else:
        print(f"wrote {latest}")


if __name__ == "__main__":
    main(sys.argv[1])
