#!/usr/bin/env bash
# Accuracy on real data (issue 6, item 6): `lathe train --cv 5` on each dataset of
# ../shared/datasets against scikit-learn's equivalent under 5-fold CV in the same run, side by
# side, with the difference. scikit-learn as ../shared/datasets/README.md ran it: stratified
# 5-fold (shuffled, seed 0), median / most-frequent imputation, one-hot for nominal columns,
# default parameters except 300 trees for forests and 200 rounds for XGBoost. Lathe runs with its
# defaults and the same tree counts; its folds are its own (seeded), so scores differ by fold
# luck as well as by algorithm. On these small datasets fold luck alone moves a score by 0.05
# (cpu.arff, ridge: 0.68 to 0.82 over ten seeds on either side; three seeds still left it 0.05
# apart, ten bring it within 0.01), so both sides run 5-fold CV under ten seeds (0 to 9) and the
# table compares the means. A mean more than 0.02 below scikit-learn's is
# marked LOW. The algorithms that refuse NaN run with impute=median, as scikit-learn's pipeline.
# Usage: bench/accuracy.sh [BUILD_DIR]      (BUILD_DIR default: build/release)
set -euo pipefail
default_runs=1
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
lathe_cli=$build/app/lathe
(cd "$root" && flock /tmp/lathe-build.lock cmake --build "$build" --target lathe >/dev/null)
datasets=$root/../shared/datasets

# dataset, target, metric, algorithms
cases=(
  "credit-g.arff|class|roc_auc|logistic tree forest xgboost knn naive_bayes mlp"
  "diabetes.arff|class|roc_auc|logistic tree forest xgboost knn naive_bayes mlp"
  "breast_cancer.csv|diagnosis|roc_auc|logistic tree forest xgboost knn naive_bayes mlp"
  "penguins.csv|Species|accuracy|logistic tree forest xgboost knn naive_bayes mlp"
  "wine.csv|cultivar|accuracy|logistic tree forest xgboost knn naive_bayes mlp"
  "diabetes_progression.csv|progression|r2|linear forest xgboost knn mlp"
  "cpu.arff|class|r2|linear forest xgboost knn mlp"
)
params() {
  case $1 in
    forest) echo "--param n_estimators=300" ;;
    xgboost) echo "--param n_estimators=200" ;;
    tree) echo "" ;;
    linear) echo "--param penalty=l2 --param impute=median" ;;  # scikit-learn runs Ridge()
    *) echo "--param impute=median" ;;
  esac
}

sklearn=$(mktemp --suffix=.py)
trap 'rm -f "$sklearn"' EXIT
cat >"$sklearn" <<'PY'
import sys, warnings
import numpy as np, pandas as pd
from scipy.io import arff
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedKFold, KFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.tree import DecisionTreeClassifier
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.naive_bayes import GaussianNB
from sklearn.neural_network import MLPClassifier, MLPRegressor
from xgboost import XGBClassifier, XGBRegressor
warnings.filterwarnings("ignore")
path, target, metric, algo = sys.argv[1:5]
seeds = [int(s) for s in sys.argv[5:]]
if path.endswith(".arff"):
    data, _ = arff.loadarff(path)
    df = pd.DataFrame(data)
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].str.decode("utf-8")
else:
    df = pd.read_csv(path)
y = df.pop(target)
if metric != "r2":
    y = y.astype("category").cat.codes
prep = ColumnTransformer([
    ("num", SimpleImputer(strategy="median"), make_column_selector(dtype_include=np.number)),
    ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")),
     make_column_selector(dtype_exclude=np.number))])
models = {
    "logistic": LogisticRegression(max_iter=5000), "tree": DecisionTreeClassifier(random_state=0),
    "forest": RandomForestClassifier(300, random_state=0) if metric != "r2" else RandomForestRegressor(300, random_state=0),
    "xgboost": XGBClassifier(n_estimators=200) if metric != "r2" else XGBRegressor(n_estimators=200),
    "knn": KNeighborsClassifier() if metric != "r2" else KNeighborsRegressor(),
    "naive_bayes": GaussianNB(), "linear": Ridge(),
    "mlp": MLPClassifier(max_iter=500, random_state=0) if metric != "r2" else MLPRegressor(max_iter=500, random_state=0),
}
model = models[algo]
if algo == "naive_bayes":
    prep.sparse_threshold = 0
scoring = {"roc_auc": "roc_auc", "accuracy": "accuracy", "r2": "r2"}[metric]
scores = []
for seed in seeds:
    folds = StratifiedKFold(5, shuffle=True, random_state=seed) if metric != "r2" else KFold(5, shuffle=True, random_state=seed)
    scores.append(cross_val_score(make_pipeline(prep, model), df, y, cv=folds, scoring=scoring).mean())
print("%.4f" % np.mean(scores))
PY

seeds=(0 1 2 3 4 5 6 7 8 9)
echo "| dataset | metric | algorithm | Lathe | scikit-learn | difference |"
echo "|---|---|---|---|---|---|"
low=0
for case in "${cases[@]}"; do
  IFS='|' read -r file target metric algos <<<"$case"
  for algo in $algos; do
    runs=()
    for seed in "${seeds[@]}"; do
      # shellcheck disable=SC2046
      runs+=("$("$lathe_cli" train "$datasets/$file" --target "$target" --algo "$algo" --cv 5 --seed "$seed" $(params "$algo") --json 2>/dev/null || echo "{}")")
    done
    ours=$(/usr/bin/python3 -c 'import json,sys
m = [json.loads(r).get("metrics", {}).get(sys.argv[1]) for r in sys.argv[2:]]
print("error" if None in m else "%.4f" % (sum(m) / len(m)))' "$metric" "${runs[@]}")
    theirs=$(/usr/bin/python3 "$sklearn" "$datasets/$file" "$target" "$metric" "$algo" "${seeds[@]}" 2>/dev/null || echo "error")
    verdict=$(/usr/bin/python3 -c 'import sys
a, b = sys.argv[1], sys.argv[2]
if "error" in (a, b): print("n/a")
else:
    d = float(a) - float(b); print("%+.4f%s" % (d, " LOW" if d < -0.02 else ""))' "$ours" "$theirs")
    [[ $verdict == *LOW* || $ours == error ]] && low=$((low + 1))
    echo "| $file | $metric | $algo | $ours | $theirs | $verdict |"
  done
done
echo
echo "$low results below scikit-learn by more than 0.02 (or failed)"
