#!/usr/bin/env bash
# The Data dock's work on 3 million real flights, Lathe against pandas in the same run (loading
# not timed on either side), RUNS times each, medians and the ratio:
#   filter:      FilterTableJob `delay > 60 and origin == "ATL"`  vs  df[(df.delay > 60) & (df.origin == "ATL")]
#   correlation: CorrelationMatrix of the numeric columns         vs  df.corr(numeric_only=True)
#   scatter:     ScatterSample distance x delay by origin (20,000 points + a 128x128 density grid of
#                every row)                                       vs  df.sample(20000) + np.histogram2d
# and checks both sides kept the same rows and found the same correlation.
# Usage: bench/explore.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release, RUNS 5)
set -euo pipefail
default_runs=5
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-explore-bench)

pandas_script='
import sys, time, json
import numpy as np, pandas as pd
df = pd.read_csv(sys.argv[1], parse_dates=["date"])
runs = int(sys.argv[2])
def timed(work):
    seconds = []
    for _ in range(runs):
        t = time.perf_counter(); result = work(); seconds.append(time.perf_counter() - t)
    return seconds, result
fs, kept = timed(lambda: len(df[(df.delay > 60) & (df.origin == "ATL")]))
cs, corr = timed(lambda: df.corr(numeric_only=True).loc["delay", "distance"])
def scatter():
    both = df[["distance", "delay", "origin"]].dropna()
    sample = both.sample(20000, random_state=42)
    grid, _, _ = np.histogram2d(both.distance.to_numpy(), both.delay.to_numpy(), bins=128)
    return len(sample), int(grid.sum())
ss, (points, total) = timed(scatter)
print(json.dumps({"version": pd.__version__, "filter": {"seconds": fs, "kept": int(kept)},
                  "corr": {"seconds": cs, "delay_distance": float(corr)},
                  "scatter": {"seconds": ss, "points": points, "total": total}}))
'
lathe_json=$("$bench" "$csv" "$runs")
pandas_json=$(/usr/bin/python3 -c "$pandas_script" "$csv" "$runs")

/usr/bin/python3 - "$lathe_json" "$pandas_json" "$runs" <<'PY'
import json, statistics, sys
lathe, pandas, runs = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
print(f"flights-3m.csv, {lathe['rows']:,} rows; {runs} runs each after one import, medians")
print(f"| work | Lathe | pandas {pandas['version']} | ratio | same result |")
print("|---|---|---|---|---|")
checks = {
    "filter": lathe["filter"]["kept"] == pandas["filter"]["kept"],
    "corr": abs(lathe["corr"]["delay_distance"] - pandas["corr"]["delay_distance"]) < 1e-9,
    "scatter": lathe["scatter"]["points"] == pandas["scatter"]["points"] and lathe["scatter"]["total"] == pandas["scatter"]["total"],
}
labels = {"filter": 'filter `delay > 60 and origin == "ATL"`', "corr": "correlation matrix",
          "scatter": "scatter sample + density grid"}
for name in ("filter", "corr", "scatter"):
    l, p = statistics.median(lathe[name]["seconds"]), statistics.median(pandas[name]["seconds"])
    print(f"| {labels[name]} | {l:.3f} s | {p:.3f} s | Lathe {p / l:.1f}x faster | {'yes' if checks[name] else 'NO'} |")
print(f"kept {lathe['filter']['kept']:,} rows; corr(delay, distance) {lathe['corr']['delay_distance']:.6f}; "
      f"scatter {lathe['scatter']['points']:,} of {lathe['scatter']['total']:,} points")
sys.exit(0 if all(checks.values()) else 1)
PY
