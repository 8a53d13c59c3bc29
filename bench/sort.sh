#!/usr/bin/env bash
# Sorting 3 million real flights by a numeric column (delay) and by a categorical one (origin):
# Lathe's TableSort against pandas sort_values(kind="stable", na_position="last") in the same run,
# RUNS timed sorts each after one import (import time not counted), medians and the ratio, and a
# check that both give the same row order (checksum of position * row).
# pandas reads origin as strings (object), as read_csv gives it; its sort of the same column as a
# category dtype is shown too, for a like-for-like figure.
# Usage: bench/sort.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release)
set -euo pipefail
default_runs=5
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-sort-bench)

pandas_script='
import sys, time, json
import numpy as np, pandas as pd
df = pd.read_csv(sys.argv[1], parse_dates=["date"])
runs = int(sys.argv[2])
out = {"version": pd.__version__}
def timed(name, frame, column):
    seconds = []
    for _ in range(runs):
        t = time.perf_counter()
        s = frame.sort_values(column, kind="stable", na_position="last")
        seconds.append(time.perf_counter() - t)
    idx = s.index.to_numpy().astype(np.uint64)
    out[name] = {"seconds": seconds, "checksum": int((np.arange(len(idx), dtype=np.uint64) * idx).sum())}
timed("delay", df, "delay")
timed("origin", df, "origin")
timed("origin_category", df.assign(origin=df["origin"].astype("category")), "origin")
print(json.dumps(out))
'
lathe_json=$("$bench" "$csv" "$runs" delay origin)
pandas_json=$(/usr/bin/python3 -c "$pandas_script" "$csv" "$runs")

/usr/bin/python3 - "$lathe_json" "$pandas_json" "$runs" <<'PY'
import json, statistics, sys
lathe, pandas, runs = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
print(f"flights-3m.csv, {lathe['rows']:,} rows; {runs} sorts each after one import, medians")
print(f"| sort by | Lathe | pandas {pandas['version']} | ratio | same order |")
print("|---|---|---|---|---|")
ok = True
for name, label, peer in [("delay", "delay (int64)", "delay"), ("origin", "origin (categorical; pandas object)", "origin"),
                          ("origin", "origin (pandas category dtype)", "origin_category")]:
    l, p = statistics.median(lathe[name]["seconds"]), statistics.median(pandas[peer]["seconds"])
    same = lathe[name]["checksum"] == pandas[peer]["checksum"]
    ok &= same
    print(f"| {label} | {l:.3f} s | {p:.3f} s | Lathe {p / l:.1f}x faster | {'yes' if same else 'NO'} |")
for name in ("delay", "origin"):
    print(f"all runs {name}: lathe {' '.join(f'{s:.3f}' for s in lathe[name]['seconds'])} s; "
          f"pandas {' '.join(f'{s:.3f}' for s in pandas[name]['seconds'])} s")
sys.exit(0 if ok else 1)
PY
