# Sourced by the bench/ scripts: the arguments every script takes, the flights data, building a
# bench program through the build lock, and the median. Sets root, build, runs, csv.
# Usage (in a script): default_runs=N; source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/release}
runs=${2:-${default_runs:-5}}

# 3 million real flights, made once by ../shared/datasets/fetch-flights-3m.sh into
# $LATHE_BENCH_DATA (default: build/bench-data).
data=${LATHE_BENCH_DATA:-$root/build/bench-data}
csv=$data/flights-3m.csv
mkdir -p "$data"
[[ -s $csv ]] || bash "$root/../shared/datasets/fetch-flights-3m.sh" "$csv" >/dev/null

# Builds a bench program and prints its path. Builds are shared on this machine: every build
# goes through the lock.
build_bench() {
  local log
  log=$(mktemp)
  (cd "$root" && flock /tmp/lathe-build.lock cmake --build "$build" --target "$1" >"$log" 2>&1) ||
    { cat "$log" >&2; rm -f "$log"; exit 2; }
  rm -f "$log"
  echo "$build/bench/$1"
}

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
