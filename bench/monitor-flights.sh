#!/usr/bin/env bash
# Issue 11, item 6: monitoring on real data. flights-3m (../shared/datasets/fetch-flights-3m.sh)
# split by month; a "late" classifier (delay > 15 minutes) trained on January (XGBoost, one tuning
# trial, stored in a project) and registered; a baseline made from January with the model; then
# every later month compared with it: drift per feature, prediction drift, and the model's quality
# month by month (each month's own labels). Controls: a random sample of January (no drift
# expected) and that sample with `distance` shifted by +30% (distance only expected).
# Usage: bench/monitor-flights.sh [BUILD_DIR] [FLIGHTS_3M_CSV]   (prints a Markdown table)
set -euo pipefail
build=${1:-build/release}
src=${2:-/work/data/flights-3m.csv}
lathe=$build/app/lathe
[[ -x $lathe ]] || { echo "no $lathe: build it first" >&2; exit 2; }
[[ -s $src ]] || { echo "no $src: run ../shared/datasets/fetch-flights-3m.sh $src" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$src" "$work" <<'PY'
import sys
import numpy as np
import pandas as pd
src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src, parse_dates=["date"])
df["hour"] = df.date.dt.hour
df["weekday"] = df.date.dt.day_name().str[:3]
df["late"] = np.where(df.delay > 15, "yes", "no")
cols = ["hour", "weekday", "distance", "origin", "destination", "late"]
for month, part in df.groupby(df.date.dt.month):
    if len(part) >= 1000:
        part[cols].to_csv(f"{out}/month-{month:02d}.csv", index=False)
jan = df[df.date.dt.month == 1][cols]
sample = jan.sample(n=100_000, random_state=0)
sample.to_csv(f"{out}/control-sample.csv", index=False)
shifted = sample.copy()
shifted["distance"] = (shifted.distance * 1.3).round().astype(int)
shifted.to_csv(f"{out}/control-distance.csv", index=False)
PY

project=$work/flights.lathe
"$lathe" project new "$project" --name "Flights" --kpi roc_auc >/dev/null
"$lathe" project add-data "$project" "$work/month-01.csv" --name january >/dev/null
tune=$("$lathe" tune "$work/month-01.csv" --target late --algo xgboost --trials 1 --cv 3 --project "$project" --json)
run=$(/usr/bin/python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["best"]["run"] if "best" in d and "run" in d["best"] else d["trials"][0]["run"])' "$tune")
"$lathe" model register "$project" "$run" --name late >/dev/null
start=$(date +%s.%N)
"$lathe" monitor baseline "$project" january --dataset january --model late:1 >/dev/null
echo "baseline (January, 508,239 rows, with the model): $(echo "$(date +%s.%N) - $start" | bc) s" >&2

echo "| batch | rows | drifted features | PSI distance | PSI origin | PSI hour | prediction PSI | ROC AUC | accuracy | seconds |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for batch in control-sample control-distance month-02 month-03 month-04 month-05 month-06; do
  start=$(date +%s.%N)
  json=$("$lathe" monitor "$project" --baseline january --current "$work/$batch.csv" --json)
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  /usr/bin/python3 - "$batch" "$seconds" "$json" <<'PY'
import json, sys
batch, seconds, report = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
psi = {f["name"]: f["psi"] for f in report["features"]}
drifted = ", ".join(f["name"] for f in report["features"] if f["drift"]) or "none"
pred = report.get("prediction") or {}
q = (report.get("quality") or {}).get("metrics", {})
f = lambda v: "-" if v is None else f"{v:.3f}"
print(f"| {batch} | {report['rows']:,} | {drifted} | {f(psi.get('distance'))} | {f(psi.get('origin'))} | {f(psi.get('hour'))} "
      f"| {f(pred.get('psi'))} | {f(q.get('roc_auc'))} | {f(q.get('accuracy'))} | {seconds:.1f} |")
PY
done
