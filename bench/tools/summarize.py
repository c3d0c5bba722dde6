#!/usr/bin/env python3
"""Markdown summary of bench/issuance/run's CSV: medians per side and the ratio to mod_md.

usage: summarize.py <issuance.csv> [versions.txt]
"""
import csv
import statistics
import sys


def main():
    rows = list(csv.DictReader(open(sys.argv[1])))
    sides = list(dict.fromkeys(r["side"] for r in rows))
    by_side = {s: [r for r in rows if r["side"] == s] for s in sides}

    def median(side, key):
        values = [float(r[key]) for r in by_side.get(side, []) if r[key]]
        return statistics.median(values) if values else None

    base = median("modmd", "wall_s")
    print(f"# Issuance: {rows[0]['mds']} managed domains, start to all certificates staged\n")
    if len(sys.argv) > 2:
        for line in open(sys.argv[2]):
            print(f"- {line.strip()}")
        print()
    print("| side | runs | wall s, median (min–max) | CPU s, median | certificates | mod_md wall / this wall |")
    print("|---|---:|---:|---:|---:|---:|")
    for s in sides:
        walls = [float(r["wall_s"]) for r in by_side[s]]
        certs = "/".join(sorted({r["certificates"] for r in by_side[s]}))
        wall = median(s, "wall_s")
        cpu = median(s, "cpu_s")
        ratio = f"{base / wall:.1f}x" if base else "–"
        print(f"| {s} | {len(walls)} | {wall:.2f} ({min(walls):.2f}–{max(walls):.2f}) | "
              f"{cpu:.2f} | {certs} | {ratio} |")
    start = median("modmd", "start_returned_s")
    if start is not None:
        print(f"\nmod_md: `apache2 -k start` returned after {start:.2f} s (median).")


if __name__ == "__main__":
    main()
