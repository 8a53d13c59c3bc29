#!/usr/bin/env bash
# The unsupervised family against scikit-learn in the same run: KMeans (8 clusters, n_init 10),
# PCA (all components), DBSCAN (min_samples 5) and IsolationForest (100 trees), each with
# random_state 0, on the standardised numeric columns of digits (1,797 x 64) and of a 100k-row
# sample of flights-3m (every 30th row: delay, distance, hour). RUNS fits each (and predicts on
# the same rows), medians, the ratio, and the figure that says both found the same thing
# (inertia, first variance ratio, clusters/noise, rows flagged). Lathe uses every core;
# scikit-learn gets n_jobs=-1 where it has it (KMeans is OpenMP-threaded anyway).
# Usage: bench/ml-unsupervised.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release)
set -euo pipefail
default_runs=3
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-unsupervised-bench)

sample=$data/flights-100k-numeric.csv
[[ -s $sample ]] || /usr/bin/python3 - "$csv" "$sample" <<'PY'
import sys, pandas as pd
f = pd.read_csv(sys.argv[1], usecols=["date", "delay", "distance"]).iloc[::30]
pd.DataFrame({"delay": f.delay, "distance": f.distance, "hour": f.date.str.slice(11, 13).astype(int)}).to_csv(sys.argv[2], index=False)
PY
digits=$root/../shared/datasets/digits_8x8.csv

sklearn_script='
import sys, time, json, warnings
import numpy as np, pandas as pd, sklearn
from sklearn.preprocessing import StandardScaler
from sklearn.cluster import KMeans, DBSCAN
from sklearn.decomposition import PCA
from sklearn.ensemble import IsolationForest
warnings.filterwarnings("ignore")
path, runs, drop, eps = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
df = pd.read_csv(path)
X = StandardScaler().fit_transform(df.drop(columns=[c for c in [drop] if c in df]).select_dtypes("number").to_numpy(float))
out = {"version": sklearn.__version__, "rows": X.shape[0]}
def timed(name, make, predict, figure):
    fit, pred = [], []
    for _ in range(runs):
        m = make()
        t = time.perf_counter(); m.fit(X); fit.append(time.perf_counter() - t)
        t = time.perf_counter(); predict(m); pred.append(time.perf_counter() - t)
    out[name] = {"fit": fit, "predict": pred, **figure(m)}
timed("kmeans", lambda: KMeans(n_clusters=8, n_init=10, random_state=0), lambda m: m.predict(X), lambda m: {"inertia": m.inertia_})
timed("pca", lambda: PCA(), lambda m: m.transform(X), lambda m: {"ratio1": float(m.explained_variance_ratio_[0])})
timed("dbscan", lambda: DBSCAN(eps=eps, min_samples=5, n_jobs=-1), lambda m: None,
      lambda m: {"clusters": int(m.labels_.max() + 1), "noise": int((m.labels_ < 0).sum())})
timed("iforest", lambda: IsolationForest(random_state=0, n_jobs=-1), lambda m: m.predict(X),
      lambda m: {"flagged": int((m.predict(X) == -1).sum())})
print(json.dumps(out))
'

report() {
  local label=$1 path=$2 drop=$3 eps=$4
  local lathe_json sklearn_json
  lathe_json=$("$bench" "$path" "$runs" "$drop" "$eps")
  sklearn_json=$(/usr/bin/python3 -c "$sklearn_script" "$path" "$runs" "$drop" "$eps")
  /usr/bin/python3 - "$label" "$lathe_json" "$sklearn_json" "$runs" "$eps" <<'PY'
import json, statistics, sys
label, lathe, sk, runs, eps = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
print(f"\n{label}: {lathe['rows']:,} rows x {lathe['cols']} standardised features; {runs} fits each, medians; scikit-learn {sk['version']}")
print("| algorithm | Lathe fit | sklearn fit | fit ratio | Lathe predict | sklearn predict | result: Lathe / sklearn |")
print("|---|---|---|---|---|---|---|")
def fig(name, m):
    if name == "kmeans": return f"inertia {m['inertia']:.6g}"
    if name == "pca": return f"ratio1 {m['ratio1']:.6f}"
    if name == "dbscan": return f"{m['clusters']} clusters, {m['noise']} noise"
    return f"{m['flagged']} flagged"
for name, title in [("kmeans", "k-means (8, n_init 10)"), ("pca", "PCA (all)"), ("dbscan", f"DBSCAN (eps {eps})"), ("iforest", "isolation forest (100)")]:
    l, s = lathe[name], sk[name]
    lf, sf = statistics.median(l["fit"]), statistics.median(s["fit"])
    lp, sp = statistics.median(l["predict"]), statistics.median(s["predict"])
    ratio = f"Lathe {sf / lf:.1f}x faster" if lf <= sf else f"Lathe {lf / sf:.1f}x slower"
    sp_text = "n/a (no predict)" if name == "dbscan" else f"{sp:.4f} s"
    print(f"| {title} | {lf:.4f} s | {sf:.4f} s | {ratio} | {lp:.4f} s | {sp_text} | {fig(name, l)} / {fig(name, s)} |")
PY
}

report "digits_8x8.csv" "$digits" digit 4.0
report "flights-3m sample (every 30th row)" "$sample" - 0.1
