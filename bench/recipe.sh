#!/usr/bin/env bash
# A one-hot plus scaling recipe on 3 million real flights (issue 5 item 9), Lathe against pandas
# in the same run, alternating, RUNS times; medians and the ratio.
#   Lathe:  Recipe::fit of one_hot(origin, destination) + scale(delay, distance, standard)
#           (fits both steps and returns the transformed table);
#   pandas: pd.get_dummies(df, columns=[origin, destination]), then (x - mean) / std (ddof 0,
#           like StandardScaler) for delay and distance.
# Loading the CSV is not timed on either side.
# Usage: bench/recipe.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release, RUNS 5)
# The data is made once by ../shared/datasets/fetch-flights-3m.sh into $LATHE_BENCH_DATA
# (default: build/bench-data).
set -euo pipefail
default_runs=5
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-recipe-bench)

peer=$(mktemp --suffix=.py)
trap 'rm -f "$peer"' EXIT
cat >"$peer" <<'PY'
import sys, time
import pandas as pd
df = pd.read_csv(sys.argv[1])
start = time.perf_counter()
out = pd.get_dummies(df, columns=["origin", "destination"])
for c in ["delay", "distance"]:
    x = out[c].astype("float64")
    out[c] = (x - x.mean()) / x.std(ddof=0)
seconds = time.perf_counter() - start
print('{"rows":%d,"columns_out":%d,"recipe_seconds":%.3f}' % (out.shape[0], out.shape[1], seconds))
PY

field() { grep -o "\"$1\":[0-9.]*" <<<"$2" | cut -d: -f2; }
lathe_all="" pandas_all=""
for ((i = 1; i <= runs; i++)); do
  l=$("$bench" "$csv")
  p=$(/usr/bin/python3 "$peer" "$csv")
  lathe_all+="$(field recipe_seconds "$l") "
  pandas_all+="$(field recipe_seconds "$p") "
done
lm=$(tr ' ' '\n' <<<"$lathe_all" | grep . | median)
pm=$(tr ' ' '\n' <<<"$pandas_all" | grep . | median)
pv=$(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)')
echo "flights-3m.csv: $(field rows "$l") rows; output columns: Lathe $(field columns_out "$l"), pandas $(field columns_out "$p"); $runs runs"
echo "| | runs (s) | median (s) |"
echo "|---|---|---|"
echo "| Lathe (Recipe::fit) | $(echo $lathe_all | sed 's/ /, /g') | **$lm** |"
echo "| pandas $pv | $(echo $pandas_all | sed 's/ /, /g') | **$pm** |"
awk -v l="$lm" -v p="$pm" 'BEGIN{printf "ratio: Lathe %.1fx faster than pandas\n", p/l}'
