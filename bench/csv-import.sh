#!/usr/bin/env bash
# Lathe's CSV import against pandas.read_csv on 3 million real flights (97 MB), in the same run:
# wall time and peak memory (max RSS of the whole process) for each, RUNS times alternating, and
# that both read the same rows and types. Also Lathe's MB/s on one core and on two.
# Usage: bench/csv-import.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release)
# The data is made once by ../shared/datasets/fetch-flights-3m.sh into $LATHE_BENCH_DATA
# (default: build/bench-data).
set -euo pipefail
default_runs=5
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
lathe=$build/app/lathe
[[ -x $lathe ]] || { echo "build $lathe first (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
mb=$(awk -v b="$(stat -L -c %s "$csv")" 'BEGIN{printf "%.1f", b/1e6}')

pandas_script='
import sys, time, json, resource
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1], parse_dates=["date"])
s = time.perf_counter() - t
kinds = {"datetime64[ns]": "datetime", "int64": "int64", "float64": "float64", "object": "text", "bool": "bool"}
print(json.dumps({"rows": len(df), "types": [kinds.get(str(t), str(t)) for t in df.dtypes], "seconds": s}))
'

lt=(); lm=(); pt=(); pm=(); one=()
for ((i = 1; i <= runs; i++)); do
  out=$( { /usr/bin/time -f "%M" "$lathe" import "$csv" --json; } 2>&1 )
  lt+=("$(grep -o '"seconds":[0-9.]*' <<<"$out" | cut -d: -f2)"); lm+=("$(tail -1 <<<"$out")")
  lathe_json=$(head -1 <<<"$out")
  out=$( { /usr/bin/time -f "%M" /usr/bin/python3 -c "$pandas_script" "$csv"; } 2>&1 )
  pt+=("$(grep -o '"seconds": [0-9.]*' <<<"$out" | cut -d' ' -f2)"); pm+=("$(tail -1 <<<"$out")")
  pandas_json=$(head -1 <<<"$out")
  out=$("$lathe" import "$csv" --json --threads 1)
  one+=("$(grep -o '"seconds":[0-9.]*' <<<"$out" | cut -d: -f2)")
done

# Same rows and types (pandas reads the airport codes as object columns: text of any kind).
lathe_types=$(/usr/bin/python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["rows"], [("text" if c["type"] in ("categorical","text") else c["type"]) for c in d["columns"]])' "$lathe_json")
pandas_types=$(/usr/bin/python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["rows"], d["types"])' "$pandas_json")
[[ $lathe_types == "$pandas_types" ]] || { echo "rows or types differ: lathe $lathe_types, pandas $pandas_types" >&2; exit 1; }

L=$(printf '%s\n' "${lt[@]}" | median); P=$(printf '%s\n' "${pt[@]}" | median)
LM=$(printf '%s\n' "${lm[@]}" | median); PM=$(printf '%s\n' "${pm[@]}" | median)
O=$(printf '%s\n' "${one[@]}" | median)
echo "flights-3m.csv ($mb MB, 3,000,000 rows), $runs runs each, medians; same rows and types: $lathe_types"
echo "| | Lathe | pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)') | ratio |"
echo "|---|---|---|---|"
awk -v l="$L" -v p="$P" 'BEGIN{printf "| import time (s) | %.3f | %.3f | Lathe %.1f× faster |\n", l, p, p/l}'
awk -v l="$LM" -v p="$PM" 'BEGIN{printf "| peak memory (MB, max RSS) | %.0f | %.0f | Lathe uses %.0f%% of pandas |\n", l/1024, p/1024, 100*l/p}'
awk -v o="$O" -v l="$L" -v m="$mb" 'BEGIN{printf "| Lathe throughput | one core: %.0f MB/s | two cores: %.0f MB/s | |\n", m/o, m/l}'
echo "all runs: lathe ${lt[*]} s; pandas ${pt[*]} s; lathe one core ${one[*]} s"
