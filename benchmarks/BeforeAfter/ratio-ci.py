#!/usr/bin/env python3
"""Ratio After/Before per operation, with a 99% confidence interval, from BenchmarkDotNet's full JSON report.

Usage: ratio-ci.py BenchmarkDotNet.Artifacts/results/*BeforeAfterBenchmarks-report-full.json

The benchmarks run each operation in the order Before, After, After2, Before2 (ABBA), so each build has two blocks
of measured iterations (IterationMode Workload, IterationStage Actual), a few seconds apart. For each operation the
per-operation times are resampled with replacement within each block (a stratified percentile bootstrap, 20,000
resamples, fixed seed so the table is reproducible), each build's two blocks pooled; the interval is the 0.5th to
99.5th percentile of median(After) / median(Before). A report with one block per build (the older Before/After
layout) is read the same way. Medians,
not means: an iteration that another process on the machine slowed is an outlier of one side only, and a mean
would charge it to that build. An operation
counts as slower only when the whole interval lies above 1.05 (issue 12's rule). Prints a Markdown table.
"""
import json
import random
import sys

RESAMPLES = 20_000
THRESHOLD = 1.05


def times(benchmark):
    return [m["Nanoseconds"] / m["Operations"] for m in benchmark["Measurements"]
            if m["IterationMode"] == "Workload" and m["IterationStage"] == "Actual"]


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def resample(blocks, rng):
    """One stratified bootstrap sample: each block resampled with replacement, the blocks pooled."""
    return [rng.choice(block) for block in blocks for _ in block]


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:,.2f} {unit}"
    return f"{ns:,.1f} ns"


def main(path):
    report = json.load(open(path, encoding="utf-8"))
    sides = {}
    order = []
    for b in report["Benchmarks"]:
        operation = b["Parameters"].split("=", 1)[1].strip('"')
        if operation not in sides:
            sides[operation] = {}
            order.append(operation)
        sides[operation].setdefault("before" if b["Method"].startswith("Before") else "after", []).append(times(b))
    rng = random.Random(12)
    print("| Operation | Before (median) | After (median) | Ratio | 99% CI of ratio | Slower? |")
    print("|---|---:|---:|---:|---|---|")
    slower = 0
    for operation in order:
        before, after = sides[operation].get("before"), sides[operation].get("after")
        if not before or not after:
            print(f"| {operation} | missing | | | | |")
            continue
        ratios = sorted(median(resample(after, rng)) / median(resample(before, rng)) for _ in range(RESAMPLES))
        low, high = ratios[int(0.005 * RESAMPLES)], ratios[int(0.995 * RESAMPLES) - 1]
        is_slower = low > THRESHOLD
        slower += is_slower
        all_before, all_after = [t for block in before for t in block], [t for block in after for t in block]
        print(f"| {operation} | {fmt(median(all_before))} | {fmt(median(all_after))} | {median(all_after) / median(all_before):.3f} | "
              f"[{low:.3f}, {high:.3f}] | {'**yes**' if is_slower else 'no'} |")
    print(f"\n{slower} of {len(order)} operations slower (99% CI of the ratio entirely above {THRESHOLD}).")


if __name__ == "__main__":
    main(sys.argv[1])
