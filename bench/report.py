#!/usr/bin/env python3
"""Prints each benchmark's time and its ratio to the native run of the same
work, and writes the table as JSON. Standard library only."""
import json
import math
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
    plot_path = summary_path.rsplit(".", 1)[0] + ".svg"
    write_plot(rows, plot_path)
    print(f"\nwrote {summary_path} and {plot_path}")


def write_plot(rows, path):
    """A bar chart of each benchmark's time as a multiple of native, on a log
    scale (1x to 1000x), as plain SVG so no plotting package is needed."""
    bars = [r for _, r in sorted(rows.items()) if r["ratio_to_native"] and r["runtime"] not in ("native", "native_kernel")]
    left, width, bar, gap = 260, 520, 16, 6
    height = 60 + len(bars) * (bar + gap)
    top_ratio = 1000.0

    def x_of(ratio):
        return left + width * math.log10(max(1.0, min(ratio, top_ratio))) / math.log10(top_ratio)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{height}" '
           'font-family="sans-serif" font-size="12">',
           f'<text x="{left}" y="18" font-weight="bold">time as a multiple of native (log scale)</text>']
    for tick in (1, 10, 100, 1000):
        x = x_of(tick)
        out.append(f'<line x1="{x:.1f}" y1="28" x2="{x:.1f}" y2="{height - 20}" stroke="#ccc"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle">{tick}x</text>')
    colors = {"interp": "#d9822b", "aot": "#2b7bd9", "wasm-c-api": "#2bb673"}
    for i, r in enumerate(bars):
        y = 34 + i * (bar + gap)
        w = x_of(r["ratio_to_native"]) - left
        color = colors.get(r["runtime"], "#888")
        out.append(f'<text x="{left - 8}" y="{y + bar - 4}" text-anchor="end">{r["name"]}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{max(w, 1):.1f}" height="{bar}" fill="{color}"/>')
        out.append(f'<text x="{left + max(w, 1) + 4:.1f}" y="{y + bar - 4}">{r["ratio_to_native"]:.1f}x</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
