#!/usr/bin/env bash
# Bayesian search against random search (issue 9, item 5): `lathe tune` on credit-g with
# XGBoost's six-parameter space, 5-fold CV ROC AUC, the same budget and seeds for both. For each
# seed: the best random search found in the budget, and after how many trials each strategy
# first reached it (random: the trial of its best; bayes: the first trial at or above it, or
# "never"). Averaged over the seeds. Pruning is off, so every trial is a full 5-fold score.
# Usage: bench/tuning.sh [BUILD_DIR] [SEEDS] [TRIALS]   (defaults: build/release, 10, 40)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/release}
seeds=${2:-10}
trials=${3:-40}
(cd "$root" && flock /tmp/lathe-build.lock cmake --build "$build" --target lathe >/dev/null)
lathe=$build/app/lathe
data=$root/../shared/datasets/credit-g.arff
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((seed = 0; seed < seeds; ++seed)); do
  for strategy in random bayes; do
    "$lathe" tune "$data" --target class --algo xgboost --trials "$trials" --strategy "$strategy" \
      --seed "$seed" --no-pruning --json >"$out/$strategy-$seed.json"
  done
done
/usr/bin/python3 - "$out" "$seeds" "$trials" <<'PY'
import json, sys
out, seeds, trials = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def curve(path):
    result = json.load(open(path))
    best, curve = float("-inf"), []
    for t in sorted(result["trials"], key=lambda t: t["number"]):
        if t["score"] is not None: best = max(best, t["score"])
        curve.append(best)
    return curve, result["seconds"]
rows, rand_best, bayes_best, rand_at, bayes_at, reached = [], [], [], [], [], 0
for seed in range(seeds):
    r, rs = curve(f"{out}/random-{seed}.json")
    b, bs = curve(f"{out}/bayes-{seed}.json")
    target = r[-1]
    r_at = next(i + 1 for i, v in enumerate(r) if v >= target)
    b_at = next((i + 1 for i, v in enumerate(b) if v >= target), None)
    rand_best.append(r[-1]); bayes_best.append(b[-1]); rand_at.append(r_at)
    if b_at is not None: reached += 1; bayes_at.append(b_at)
    rows.append(f"| {seed} | {r[-1]:.4f} | {r_at} | {b[-1]:.4f} | {b_at if b_at else 'never'} | {rs:.0f} / {bs:.0f} |")
print(f"XGBoost on credit-g, 5-fold ROC AUC, {trials} trials, seeds 0-{seeds - 1}\n")
print("| seed | random: best | random: trials to it | bayes: best | bayes: trials to random's best | seconds (random / bayes) |")
print("|---|---|---|---|---|---|")
print("\n".join(rows))
mean = lambda v: sum(v) / len(v) if v else float("nan")
print(f"\nmean best: random {mean(rand_best):.4f}, bayes {mean(bayes_best):.4f}")
# The seeds' best-so-far curves averaged, trial by trial: where does each mean curve first reach
# random search's mean final best?
curves = {name: [curve(f"{out}/{name}-{s}.json")[0] for s in range(seeds)] for name in ("random", "bayes")}
mean_curve = {name: [mean([c[i] for c in cs]) for i in range(trials)] for name, cs in curves.items()}
goal = mean_curve["random"][-1]
first = {name: next((i + 1 for i, v in enumerate(c) if v >= goal), None) for name, c in mean_curve.items()}
print(f"mean best-so-far curves: random reaches its final {goal:.4f} at trial {first['random']}, "
      f"bayes at trial {first['bayes'] or 'never'}")
for k in (5, 10, 20, 30, trials):
    if k <= trials:
        print(f"  after {k:>2} trials: random {mean_curve['random'][k - 1]:.4f}, bayes {mean_curve['bayes'][k - 1]:.4f}")
print(f"trials to random's best: random {mean(rand_at):.1f}, bayes {mean(bayes_at):.1f} "
      f"(over the {reached} of {seeds} seeds where bayes reached it)")
PY
