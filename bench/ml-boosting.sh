#!/usr/bin/env bash
# Gradient-boosted trees and naive Bayes: Lathe's xgboost (libxgboost's C API) against
# python3-xgboost (the same library through Python) and its naive_bayes against scikit-learn's
# GaussianNB / MultinomialNB, fitting and predicting on the same numeric CSVs in the same run.
# Data: breast_cancer, credit-g (categories one-hot), digits (8x8 pixel counts), and a seeded
# 100,000-row sample of the 3 million flights (late = delay > 15 from distance, origin as its
# level code, hour). The CSVs are written once by pandas into $data/boosting, so both sides read
# identical numbers. RUNS timed fits and predicts each after one load; medians and the ratio;
# the training accuracy of both sides is shown as a check that they learned the same thing.
# Usage: bench/ml-boosting.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release)
set -euo pipefail
default_runs=3
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-boosting-bench)
sets=$data/boosting
mkdir -p "$sets"

/usr/bin/python3 - "$root/../shared/datasets" "$csv" "$sets" <<'PY'
import os, sys
import numpy as np, pandas as pd
from scipy.io import arff
src, flights, out = sys.argv[1:4]
def write(name, frame, target):
    path = f"{out}/{name}.csv"
    if os.path.exists(path): return
    y = frame.pop(target)
    classes = sorted(y.unique())
    frame["target"] = y.map({c: i for i, c in enumerate(classes)}).astype(int)
    frame.to_csv(path + ".tmp", index=False)
    os.replace(path + ".tmp", path)
write("breast_cancer", pd.read_csv(f"{src}/breast_cancer.csv"), "diagnosis")
credit = pd.DataFrame(arff.loadarff(f"{src}/credit-g.arff")[0])
for c in credit.columns[credit.dtypes == object]:
    credit[c] = credit[c].str.decode("utf-8")
target = credit.pop("class")
credit = pd.get_dummies(credit, dtype=float)
credit["class"] = target
write("credit-g", credit, "class")
write("digits", pd.read_csv(f"{src}/digits_8x8.csv").astype({"digit": int}), "digit")
if not os.path.exists(f"{out}/flights-100k.csv"):
    f = pd.read_csv(flights, usecols=["date", "delay", "distance", "origin"]).sample(100_000, random_state=0)
    frame = pd.DataFrame({"distance": f["distance"].astype(float),
                          "origin": f["origin"].astype("category").cat.codes.astype(float),
                          "hour": pd.to_datetime(f["date"]).dt.hour.astype(float),
                          "late": (f["delay"] > 15).astype(int)})
    write("flights-100k", frame, "late")
PY

peer_script='
import json, sys, time
import numpy as np, pandas as pd, sklearn, xgboost as xgb
from sklearn.naive_bayes import GaussianNB, MultinomialNB
path, algorithm, parameters, runs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), int(sys.argv[4])
frame = pd.read_csv(path)
y = frame.pop("target").to_numpy()
X = frame.to_numpy(float)
classes = len(np.unique(y))
fit, predict = [], []
for _ in range(runs):
    t = time.perf_counter()
    if algorithm == "xgboost":
        p = {"tree_method": "hist", "verbosity": 0}
        p.update({"objective": "binary:logistic"} if classes == 2 else {"objective": "multi:softprob", "num_class": classes})
        model = xgb.train(p, xgb.DMatrix(X, label=y), parameters.get("n_estimators", 100))
    else:
        model = (MultinomialNB() if parameters.get("variant") == "multinomial" else GaussianNB()).fit(X, y)
    fit.append(time.perf_counter() - t)
for _ in range(runs):
    t = time.perf_counter()
    if algorithm == "xgboost":
        proba = model.predict(xgb.DMatrix(X))
        predicted = (proba > 0.5).astype(int) if proba.ndim == 1 else proba.argmax(axis=1)
    else:
        predicted = model.predict(X)
    predict.append(time.perf_counter() - t)
version = xgb.__version__ if algorithm == "xgboost" else sklearn.__version__
print(json.dumps({"fit": fit, "predict": predict, "accuracy": float((predicted == y).mean()), "version": version}))
'

results=()
run_case() {  # NAME ALGORITHM PARAMETERS
  local file=$sets/$1.csv lathe peer
  lathe=$("$bench" "$file" target "$2" "$3" "$runs")
  peer=$(/usr/bin/python3 -c "$peer_script" "$file" "$2" "$3" "$runs")
  results+=("{\"data\":\"$1\",\"algorithm\":\"$2\",\"parameters\":$3,\"lathe\":$lathe,\"peer\":$peer}")
}
for name in breast_cancer credit-g digits flights-100k; do
  run_case "$name" xgboost '{"n_estimators":100}'
done
run_case breast_cancer naive_bayes '{"variant":"gaussian"}'
run_case credit-g naive_bayes '{"variant":"gaussian"}'
run_case digits naive_bayes '{"variant":"multinomial"}'
run_case flights-100k naive_bayes '{"variant":"gaussian"}'

/usr/bin/python3 - "$runs" "${results[@]}" <<'PY'
import json, statistics, sys
runs, cases = sys.argv[1], [json.loads(c) for c in sys.argv[2:]]
print(f"{runs} timed fits and predicts each, medians; xgboost: 100 rounds, depth 6, hist, all cores")
print("| data | rows x features | algorithm | fit Lathe | fit peer | fit ratio | predict Lathe | predict peer | predict ratio | train accuracy Lathe / peer |")
print("|---|---|---|---|---|---|---|---|---|---|")
ok = True
for c in cases:
    l, p = c["lathe"], c["peer"]
    lf, pf = statistics.median(l["fit"]), statistics.median(p["fit"])
    lp, pp = statistics.median(l["predict"]), statistics.median(p["predict"])
    peer = ("xgboost " if c["algorithm"] == "xgboost" else "sklearn ") + p["version"]
    algorithm = " ".join(filter(None, [c["algorithm"], c["parameters"].get("variant")]))
    ok &= abs(l["accuracy"] - p["accuracy"]) < 0.02
    ratio = lambda a, b: f"Lathe {b / a:.1f}x faster" if a <= b else f"Lathe {a / b:.1f}x slower"
    print(f"| {c['data']} | {l['rows']:,} x {l['features']} | {algorithm} vs {peer} | {lf:.4f} s | {pf:.4f} s | "
          f"{ratio(lf, pf)} | {lp:.4f} s | {pp:.4f} s | {ratio(lp, pp)} | {l['accuracy']:.4f} / {p['accuracy']:.4f} |")
sys.exit(0 if ok else 1)
PY
