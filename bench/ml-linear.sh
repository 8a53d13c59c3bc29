#!/usr/bin/env bash
# Linear models: Lathe's "logistic" and "linear" against scikit-learn's LogisticRegression and
# LinearRegression/Ridge on the same files in the same run: fit and predict times (medians of
# RUNS), the ratio, and the training-set score of each (accuracy / R^2) to show both learned the
# same model. Data: breast_cancer, credit-g (one-hot), digits (multinomial, 10 classes),
# diabetes_progression (ridge), and 100,000 flights sampled (seed 0) from flights-3m: late
# (delay > 15) from distance, origin (one-hot) and hour, and delay itself by OLS.
# sklearn runs LogisticRegression(max_iter=1000) on unscaled data as a user would call it (its
# default 100 iterations stop early there); both one-hot the categories.
# Usage: bench/ml-linear.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release)
set -euo pipefail
default_runs=3
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-linear-bench)
datasets=$root/../shared/datasets

sample=$data/flights-linear-100k.csv
[[ -s $sample ]] || /usr/bin/python3 - "$csv" "$sample" <<'PY'
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], usecols=["date", "delay", "distance", "origin"]).sample(100_000, random_state=0)
out = pd.DataFrame({"distance": df.distance, "origin": df.origin,
                    "hour": pd.to_datetime(df.date).dt.hour, "late": (df.delay > 15).astype(int),
                    "delay": df.delay})
out.to_csv(sys.argv[2], index=False)
PY
# A copy without the delay column for the classifier (every column but the target is a feature).
late=$data/flights-linear-100k-late.csv
[[ -s $late ]] || /usr/bin/python3 -c "import pandas as pd,sys; pd.read_csv(sys.argv[1]).drop(columns='delay').to_csv(sys.argv[2], index=False)" "$sample" "$late"
delay=$data/flights-linear-100k-delay.csv
[[ -s $delay ]] || /usr/bin/python3 -c "import pandas as pd,sys; pd.read_csv(sys.argv[1]).drop(columns='late').to_csv(sys.argv[2], index=False)" "$sample" "$delay"

# name|file|target|lathe algorithm|lathe parameters|sklearn estimator
cases=(
  "breast_cancer logistic|$datasets/breast_cancer.csv|diagnosis|logistic|{}|LogisticRegression(max_iter=1000)"
  "credit-g logistic|$datasets/credit-g.arff|class|logistic|{}|LogisticRegression(max_iter=1000)"
  "digits logistic (10 classes)|$datasets/digits_8x8.csv|digit|logistic|{}|LogisticRegression(max_iter=1000)"
  "diabetes ridge|$datasets/diabetes_progression.csv|progression|linear|{\"penalty\":\"l2\"}|Ridge(alpha=1.0)"
  "flights 100k late, logistic|$late|late|logistic|{}|LogisticRegression(max_iter=1000)"
  "flights 100k delay, OLS|$delay|delay|linear|{}|LinearRegression()"
)

sklearn_script='
import sys, time, json, warnings
import numpy as np, pandas as pd
from scipy.io import arff
from sklearn.linear_model import LogisticRegression, LinearRegression, Ridge
from sklearn.preprocessing import LabelEncoder
import sklearn
warnings.filterwarnings("ignore")
path, target, estimator, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
if path.endswith(".arff"):
    df = pd.DataFrame(arff.loadarff(path)[0])
    for c in df.columns:
        if df[c].dtype == object: df[c] = df[c].str.decode("utf-8")
else:
    df = pd.read_csv(path)
y = df.pop(target)
X = pd.get_dummies(df).to_numpy(dtype=float)
classify = estimator.startswith("Logistic")
if classify: y = LabelEncoder().fit_transform(y.astype(str) if y.dtype == object else y)
fit, predict = [], []
for _ in range(runs):
    m = eval(estimator)
    t = time.perf_counter(); m.fit(X, y); fit.append(time.perf_counter() - t)
    t = time.perf_counter(); p = m.predict(X); predict.append(time.perf_counter() - t)
score = float((p == y).mean()) if classify else float(m.score(X, y))
print(json.dumps({"version": sklearn.__version__, "fit": fit, "predict": predict, "score": score, "features": X.shape[1]}))
'

results=()
for entry in "${cases[@]}"; do
  IFS='|' read -r name file target algo params peer <<<"$entry"
  lathe_json=$("$bench" "$file" "$target" "$algo" "$params" "$runs")
  peer_json=$(/usr/bin/python3 -c "$sklearn_script" "$file" "$target" "$peer" "$runs")
  results+=("$name|$lathe_json|$peer_json")
done

/usr/bin/python3 - "$runs" "${results[@]}" <<'PY'
import json, statistics, sys
runs = sys.argv[1]
rows = [r.split("|") for r in sys.argv[2:]]
version = json.loads(rows[0][2])["version"]
print(f"Linear models, {runs} runs each, medians; score = training accuracy (classes) or R^2 (numbers)")
print(f"| data | rows x features | Lathe fit | sklearn {version} fit | fit ratio | Lathe predict | sklearn predict | score Lathe / sklearn |")
print("|---|---|---|---|---|---|---|---|")
for name, l, p in rows:
    l, p = json.loads(l), json.loads(p)
    lf, pf = statistics.median(l["fit"]), statistics.median(p["fit"])
    lp, pp = statistics.median(l["predict"]), statistics.median(p["predict"])
    ratio = f"Lathe {pf / lf:.1f}x faster" if lf < pf else f"Lathe {lf / pf:.1f}x slower"
    print(f"| {name} | {l['rows']:,} x {l['features']} | {lf * 1000:.1f} ms | {pf * 1000:.1f} ms | {ratio} | "
          f"{lp * 1000:.2f} ms | {pp * 1000:.2f} ms | {l['score']:.4f} / {p['score']:.4f} |")
PY
