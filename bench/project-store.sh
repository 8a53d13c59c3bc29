#!/usr/bin/env bash
# The project store on 3 million real flights: import the CSV, store it in a new project, close,
# reopen (Project::open + list()), read one column, read the whole table; RUNS times, medians.
# Usage: bench/project-store.sh [BUILD_DIR] [RUNS]     (BUILD_DIR default: build/release)
# The data is made once by ../shared/datasets/fetch-flights-3m.sh into $LATHE_BENCH_DATA
# (default: build/bench-data).
set -euo pipefail
default_runs=3
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench=$(build_bench lathe-store-bench)

field() { grep -o "\"$1\":[0-9.]*" <<<"$2" | cut -d: -f2; }
keys=(import_seconds store_seconds close_seconds reopen_seconds read_column_seconds read_table_seconds)
declare -A all
for ((i = 1; i <= runs; i++)); do
  out=$("$bench" "$csv")
  for k in "${keys[@]}"; do all[$k]+="$(field "$k" "$out") "; done
  last=$out
done

csv_mb=$(awk -v b="$(field csv_bytes "$last")" 'BEGIN{printf "%.1f", b/1e6}')
project_mb=$(awk -v b="$(field project_bytes "$last")" 'BEGIN{printf "%.1f", b/1e6}')
echo "flights-3m.csv: $csv_mb MB, $(field rows "$last") rows x $(field columns "$last") columns; project file $project_mb MB; $runs runs"
echo "| step | runs (s) | median (s) |"
echo "|---|---|---|"
for k in "${keys[@]}"; do
  m=$(tr ' ' '\n' <<<"${all[$k]}" | grep . | median)
  printf '| %s | %s | **%s** |\n' "${k%_seconds}" "$(echo ${all[$k]} | sed 's/ /, /g')" "$m"
done
echo "last run: $last"
