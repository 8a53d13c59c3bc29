#!/usr/bin/env bash
# mlp and knn against scikit-learn in the same run: digits (pixels straight in), breast_cancer
# and credit-g (fit on rows r % 5 != 0, predict r % 5 == 0), and knn on a 100k-row sample of
# flights-3m (late = delay > 15 from distance, origin, hour; predict a separate 10k sample).
# Lathe: mlp (inputs standardised internally), knn (defaults). sklearn 1.2:
# make_pipeline(StandardScaler(), MLPClassifier(random_state=0)), KNeighborsClassifier();
# categories one-hot on both sides. RUNS timed runs each; medians, the ratio and the accuracy.
# Usage: bench/ml-neural.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release)
set -euo pipefail
default_runs=3
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-neural-bench)
datasets=$root/../shared/datasets
train=$data/flights-late-100k.csv
test=$data/flights-late-10k.csv

# The flights sample, made once: 110k random rows (seed 0), the first 100k to fit, the rest to predict.
if [[ ! -s $train || ! -s $test ]]; then
  /usr/bin/python3 - "$csv" "$train" "$test" <<'PY'
import sys, pandas as pd
df = pd.read_csv(sys.argv[1]).sample(n=110_000, random_state=0)
out = pd.DataFrame({"distance": df["distance"], "origin": df["origin"],
                    "hour": pd.to_datetime(df["date"]).dt.hour, "late": (df["delay"] > 15).astype(int)})
out.iloc[:100_000].to_csv(sys.argv[2], index=False)
out.iloc[100_000:].to_csv(sys.argv[3], index=False)
PY
fi

sklearn_script='
import sys, time, json, warnings
import numpy as np, pandas as pd, sklearn
from scipy.io import arff
from sklearn.neural_network import MLPClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
warnings.filterwarnings("ignore")
datasets, train_csv, test_csv, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def load(file, target):
    if file.endswith(".arff"):
        df = pd.DataFrame(arff.loadarff(f"{datasets}/{file}")[0])
        for c in df.columns:
            if df[c].dtype == object: df[c] = df[c].str.decode("utf-8")
    else:
        df = pd.read_csv(f"{datasets}/{file}" if "/" not in file else file)
    return df.drop(columns=[target]), df[target].astype(str)
def encode(x, columns=None):
    x = pd.get_dummies(x, dtype=float)
    return x if columns is None else x.reindex(columns=columns, fill_value=0.0)
def timed(make, xtr, ytr, xte, yte):
    out = {"fit": [], "predict": []}
    for _ in range(runs):
        m = make(); t = time.perf_counter(); m.fit(xtr, ytr); out["fit"].append(time.perf_counter() - t)
        t = time.perf_counter(); p = m.predict(xte); out["predict"].append(time.perf_counter() - t)
        out["accuracy"] = float((p == yte).mean())
    return out
result = {"version": sklearn.__version__}
mlp = lambda: make_pipeline(StandardScaler(), MLPClassifier(random_state=0))
for file, target in [("digits_8x8.csv", "digit"), ("breast_cancer.csv", "diagnosis"), ("credit-g.arff", "class")]:
    x, y = load(file, target)
    x = encode(x).to_numpy(float); y = y.to_numpy(); test = np.arange(len(y)) % 5 == 0
    result["mlp " + file] = timed(mlp, x[~test], y[~test], x[test], y[test])
    result["knn " + file] = timed(KNeighborsClassifier, x[~test], y[~test], x[test], y[test])
xtr, ytr = load(train_csv, "late"); xte, yte = load(test_csv, "late")
xtr = encode(xtr); xte = encode(xte, xtr.columns)
result["knn flights"] = timed(KNeighborsClassifier, xtr.to_numpy(float), ytr.to_numpy(), xte.to_numpy(float), yte.to_numpy())
print(json.dumps(result))
'
lathe_json=$("$bench" "$datasets" "$train" "$test" "$runs")
sklearn_json=$(/usr/bin/python3 -c "$sklearn_script" "$datasets" "$train" "$test" "$runs")

/usr/bin/python3 - "$lathe_json" "$sklearn_json" "$runs" <<'PY'
import json, statistics, sys
lathe, peer, runs = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
print(f"mlp and knn against scikit-learn {peer['version']}; {runs} runs each, medians")
print("| workload | rows x features | fit Lathe | fit sklearn | fit ratio | predict Lathe | predict sklearn | predict ratio | accuracy Lathe / sklearn |")
print("|---|---|---|---|---|---|---|---|---|")
for name, l in lathe.items():
    p = peer[name]
    lf, pf = statistics.median(l["fit"]), statistics.median(p["fit"])
    lp, pp = statistics.median(l["predict"]), statistics.median(p["predict"])
    ratio = lambda a, b: f"Lathe {b / a:.1f}x faster" if a <= b else f"Lathe {a / b:.1f}x slower"
    print(f"| {name} | {l['rows']:,} x {l['features']} | {lf:.3f} s | {pf:.3f} s | {ratio(lf, pf)} | "
          f"{lp:.4f} s | {pp:.4f} s | {ratio(lp, pp)} | {l['accuracy']:.4f} / {p['accuracy']:.4f} |")
PY
