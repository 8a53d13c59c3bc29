#!/usr/bin/env bash
# Random forests, Lathe against scikit-learn in the same run: 100 trees, 2 threads on both sides
# (n_jobs=2), fitted on the first 80% of the rows and scored on the last 20%, RUNS times each
# (loading and encoding not timed), medians and the ratio, and both holdout accuracies.
# Data: breast_cancer, credit-g (one-hot on both sides), digits, and 100k / 1M rows of
# flights-3m (late = delay > 15, from distance, origin as its code, and the hour of departure),
# made once by pandas into $data.
# Usage: bench/ml-trees.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release, RUNS 3)
set -euo pipefail
default_runs=3
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-trees-bench)
datasets=$root/../shared/datasets

for rows in 100000 1000000; do
  out=$data/flights-late-$rows.csv
  [[ -s $out ]] || /usr/bin/python3 - "$csv" "$rows" "$out" <<'PY'
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], parse_dates=["date"]).dropna(subset=["delay", "distance"])
df = df.sample(int(sys.argv[2]), random_state=0)
pd.DataFrame({"distance": df.distance, "origin": df.origin.astype("category").cat.codes,
              "hour": df.date.dt.hour, "late": (df.delay > 15).map({True: "yes", False: "no"})}).to_csv(sys.argv[3], index=False)
PY
done

sklearn_script='
import sys, time, json
import numpy as np, pandas as pd
from scipy.io import arff
from sklearn.ensemble import RandomForestClassifier
import sklearn
path, target, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
if path.endswith(".arff"):
    df = pd.DataFrame(arff.loadarff(path)[0])
    for c in df.columns:
        if df[c].dtype == object: df[c] = df[c].str.decode("utf-8")
else:
    df = pd.read_csv(path)
y = df.pop(target).to_numpy(); X = pd.get_dummies(df).astype(float).to_numpy()
cut = len(y) * 4 // 5
fits, predicts = [], []
for run in range(runs):
    model = RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=run)
    t = time.perf_counter(); model.fit(X[:cut], y[:cut]); fits.append(time.perf_counter() - t)
    t = time.perf_counter(); p = model.predict(X[cut:]); predicts.append(time.perf_counter() - t)
print(json.dumps({"version": sklearn.__version__, "fit": fits, "predict": predicts, "accuracy": float((p == y[cut:]).mean())}))
'

results=()
for spec in "breast_cancer:$datasets/breast_cancer.csv:diagnosis" "credit-g:$datasets/credit-g.arff:class" \
            "digits:$datasets/digits_8x8.csv:digit" "flights 100k:$data/flights-late-100000.csv:late" \
            "flights 1M:$data/flights-late-1000000.csv:late"; do
  IFS=: read -r name file target <<<"$spec"
  lathe_json=$("$bench" "$file" "$target" "$runs")
  sklearn_json=$(/usr/bin/python3 -c "$sklearn_script" "$file" "$target" "$runs")
  results+=("$name" "$lathe_json" "$sklearn_json")
done

/usr/bin/python3 - "$runs" "${results[@]}" <<'PY'
import json, statistics, sys
runs, rest = sys.argv[1], sys.argv[2:]
print(f"Random forest, 100 trees, 2 threads each; fit on 80% of the rows, predict the other 20%; median of {runs} runs")
print("| data | rows x features | Lathe fit | sklearn fit | fit ratio | Lathe predict | sklearn predict | accuracy Lathe / sklearn |")
print("|---|---|---|---|---|---|---|---|")
for i in range(0, len(rest), 3):
    name, lathe, sk = rest[i], json.loads(rest[i + 1]), json.loads(rest[i + 2])
    lf, sf = statistics.median(lathe["fit"]), statistics.median(sk["fit"])
    lp, sp = statistics.median(lathe["predict"]), statistics.median(sk["predict"])
    print(f"| {name} | {lathe['rows']:,} x {lathe['features']} | {lf:.3f} s | {sf:.3f} s | Lathe {sf / lf:.1f}x faster | "
          f"{lp:.3f} s | {sp:.3f} s | {lathe['accuracy']:.4f} / {sk['accuracy']:.4f} |")
PY
