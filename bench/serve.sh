#!/usr/bin/env bash
# `lathe serve` under load against the same model behind Flask + scikit-learn (issue 10, item 9).
#
# Makes the German credit demo project, trains it (`lathe run`), registers the XGBoost run as
# credit:1, creates the endpoint "credit" (default sampling: 0.1 of requests logged with their
# inputs and outputs) and exports the same booster, its encoding and recipes for Python
# (bench/serve/flask_server.py: a scikit-learn Pipeline, served by gunicorn with one sync worker
# per core). Then:
#   1. checks that both servers answer the same for all 1,000 credit-g rows (probabilities
#      within 1e-5, same labels and decisions);
#   2. wrk -t2 -c64 --latency for SECONDS against each (after a 5 s warm-up), RUNS times,
#      alternating, with 1-row and 100-row bodies: requests/s, p50, p99, non-2xx and socket
#      errors, and the server's CPU time per request (all its threads or workers);
#   3. a SOAK_SECONDS (60) soak of a fresh lathe server at 64 connections: errors, and its RSS
#      (VmRSS) every 5 s;
#   4. the kill test, twice (kill -9, then SIGTERM): under load the server is stopped at
#      KILL_SECONDS*0.4 and started again on the same port at once, the load carrying on; then
#      PRAGMA quick_check, `lathe endpoint show`, and the 2xx answers the client got from the
#      stopped server against the rows the request log holds for it (none may be missing: what
#      the killed server had not committed is in its journal, written by the restarted one).
# Prints a summary table (exit 1 when a target is missed); everything is kept in WORK_DIR
# (default build/bench-data/serve).
# lathe and Flask get the same cores (nproc); wrk runs on them too.
# Usage: bench/serve.sh [BUILD_DIR] [SECONDS]   (BUILD_DIR default build/release; SECONDS 30)
# Environment: RUNS (3), SOAK_SECONDS (60), KILL_SECONDS (20), CONNECTIONS (64), LATHE_PORT (18461),
# FLASK_PORT (18462), WORK_DIR, NO_BUILD=1 (use BUILD_DIR's lathe as it is), LATHE_SERVE_ENV
# (variables for lathe serve, e.g. "OMP_NUM_THREADS=1").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build/release}" && pwd)
seconds=${2:-30}
soak_seconds=${SOAK_SECONDS:-60}
kill_seconds=${KILL_SECONDS:-20}
connections=${CONNECTIONS:-64}
runs=${RUNS:-3}
lathe_port=${LATHE_PORT:-18461}
flask_port=${FLASK_PORT:-18462}
work=${WORK_DIR:-$root/build/bench-data/serve}
here=$root/bench/serve
python=/usr/bin/python3
cores=$(nproc)

for tool in wrk gunicorn sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "serve.sh: $tool is missing (apt-get install wrk gunicorn sqlite3 curl)" >&2; exit 2; }
done
$python -c 'import flask, sklearn, xgboost, pandas' ||
  { echo "serve.sh: $python needs flask, scikit-learn, xgboost and pandas (Debian python3-*)" >&2; exit 2; }

if [[ -z ${NO_BUILD:-} ]]; then
  (cd "$root" && flock /tmp/lathe-build.lock cmake --build "$build" --target lathe >/tmp/serve-bench-build.$$.log 2>&1) ||
    { cat /tmp/serve-bench-build.$$.log >&2; echo "serve.sh: building lathe in $build failed" >&2; exit 2; }
  rm -f /tmp/serve-bench-build.$$.log
fi
lathe=$build/app/lathe

rm -rf "$work"
mkdir -p "$work"
cd "$work"
project=$work/credit.lathe
url_of() { echo "http://127.0.0.1:$1/v1/endpoints/credit/predict"; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# --- the model -------------------------------------------------------------------------------
"$lathe" project new "$project" --demo >/dev/null
"$lathe" run "$project" >run.log
run=$("$lathe" runs "$project" --json |
  $python -c 'import json,sys; print([r["id"] for r in json.load(sys.stdin)["runs"] if r["algorithm"] == "xgboost"][0])')
"$lathe" model register "$project" "$run" --name credit >/dev/null
"$lathe" endpoint create "$project" credit --variant credit:1=1 --key-column id >/dev/null
token=$("$lathe" endpoint show "$project" credit --json | $python -c 'import json,sys; print(json.load(sys.stdin)["token"])')
threshold=$("$lathe" model list "$project" --json | $python -c 'import json,sys; print(json.load(sys.stdin)["models"][0]["threshold"])')
"$lathe" model export "$project" credit:1 --xgboost-json "$work/m.json" --encoder "$work/enc.json" >/dev/null
# The encoding starts after the version's recipes (the demo pipeline logs credit_amount); the
# export does not carry them, so the peer reads them from the registry.
sqlite3 "$project" "SELECT v.recipes FROM model_version v JOIN model m ON m.id = v.model_id
                    WHERE m.name = 'credit' AND v.version = 1" >"$work/recipes.json"
$python "$here/make_bodies.py" "$root/../shared/datasets/credit-g.arff" "$work"

wait_health() {  # PORT PID: until GET /health answers (10 s at most)
  for _ in $(seq 200); do
    curl -sf "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
start_lathe() {  # LOG: starts the server in the background; sets lathe_pid
  env ${LATHE_SERVE_ENV:-} "$lathe" serve "$project" --endpoint credit --port "$lathe_port" --threads "$cores" >"$1" 2>&1 &
  lathe_pid=$!
  pids+=("$lathe_pid")
  wait_health "$lathe_port" "$lathe_pid" || { cat "$1" >&2; echo "serve.sh: lathe serve did not start" >&2; exit 1; }
}
stop_lathe() {  # SIGNAL
  kill "-$1" "$lathe_pid"
  wait "$lathe_pid" 2>/dev/null || true
}
busy() { ps -eo comm= | grep -cE '^(cc1plus|clang|ld|ctest|tst_)' || true; }  # compilers, linkers, tests
load() {  # NAME BODIES SECONDS PORT [extra env]: wrk, its output in NAME.wrk
  local name=$1 bodies=$2 duration=$3 port=$4
  shift 4
  echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(busy) other builds/tests" >"$name.state"
  env BODIES="$work/$bodies" TOKEN="$token" "$@" \
    wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$here/post.lua" "$(url_of "$port")" >"$name.wrk" 2>&1
}
now() { date +%s.%N; }
cpu_ticks() {  # PID...: user + system clock ticks of the processes (all their threads) so far
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}
log_rows() { sqlite3 "$project" 'SELECT COUNT(*) FROM request_log'; }

# --- both servers, same answers ---------------------------------------------------------------
start_lathe lathe.log
LATHE_XGB_JSON=$work/m.json LATHE_ENCODER=$work/enc.json LATHE_RECIPES=$work/recipes.json LATHE_THRESHOLD=$threshold LATHE_TOKEN=$token \
  gunicorn --workers "$cores" --worker-class sync --bind "127.0.0.1:$flask_port" --chdir "$here" \
  --log-level warning flask_server:app >gunicorn.log 2>&1 &
flask_pid=$!
pids+=("$flask_pid")
wait_health "$flask_port" "$flask_pid" || { cat gunicorn.log >&2; echo "serve.sh: gunicorn did not start" >&2; exit 1; }
$python "$here/check_same.py" "$work/body-all.json" "$token" "$(url_of "$lathe_port")" "$(url_of "$flask_port")" | tee same.txt

# --- throughput and latency -------------------------------------------------------------------
for rows in 1 100; do
  load "warmup-lathe-$rows" "bodies-$rows.jsonl" 5 "$lathe_port"
  load "warmup-flask-$rows" "bodies-$rows.jsonl" 5 "$flask_port"
  for run in $(seq "$runs"); do  # alternating, so both see the same machine
    for server in lathe flask; do
      port=$lathe_port
      server_pids=("$lathe_pid")
      if [[ $server == flask ]]; then
        port=$flask_port
        server_pids=("$flask_pid" $(pgrep -P "$flask_pid"))
      fi
      ticks=$(cpu_ticks "${server_pids[@]}")
      load "$server-$rows-$run" "bodies-$rows.jsonl" "$seconds" "$port"
      echo "$(($(cpu_ticks "${server_pids[@]}") - ticks)) $(getconf CLK_TCK)" >"$server-$rows-$run.cpu"
      echo "$server $rows-row, run $run: $(grep Requests/sec "$server-$rows-$run.wrk")"
    done
  done
done
kill -TERM "$flask_pid"
wait "$flask_pid" 2>/dev/null || true
stop_lathe TERM

# --- soak: 64 connections, errors and memory ------------------------------------------------------
start_lathe soak-lathe.log
grep VmRSS "/proc/$lathe_pid/status" | awk '{print $2}' >soak-rss-idle.txt
(
  for i in $(seq 0 5 "$soak_seconds"); do
    echo "$i $(awk '/VmRSS/ {print $2}' "/proc/$lathe_pid/status")"
    sleep 5
  done
) >soak-rss.txt &
sampler=$!
load soak bodies-1.jsonl "$soak_seconds" "$lathe_port"
wait "$sampler" || true
stop_lathe TERM
echo "soak: $(grep Requests/sec soak.wrk); $(tail -1 soak-lathe.log)"

# --- kill tests: kill -9, then SIGTERM ---------------------------------------------------------------
for signal in KILL TERM; do
  before=$(log_rows)
  last_id=$(sqlite3 "$project" 'SELECT COALESCE(MAX(id), 0) FROM request_log')
  start_lathe "kill-$signal-first.log"
  first_pid=$lathe_pid
  start=$(now)
  load "kill-$signal" bodies-1.jsonl "$kill_seconds" "$lathe_port" COUNTS="$work/kill-$signal.counts" &
  wrk_job=$!
  sleep "$($python -c "print(max(0.0, $start + $kill_seconds * 0.4 - $(now)))")"
  stopped_at=$(now)
  kill "-$signal" "$first_pid"
  wait "$first_pid" 2>/dev/null || true
  exited_at=$(now)
  start_lathe "kill-$signal-second.log"
  restarted_at=$(now)
  wait "$wrk_job"
  stop_lathe TERM
  quick_check=$(sqlite3 "$project" 'PRAGMA quick_check')
  "$lathe" endpoint show "$project" credit >"kill-$signal-show.txt" && opens=yes || opens=no
  first_logged=$(sqlite3 "$project" "SELECT COUNT(*) FROM request_log WHERE id > $last_id AND at < strftime('%Y-%m-%dT%H:%M:%fZ', $exited_at, 'unixepoch')")
  first_last_at=$(sqlite3 "$project" "SELECT MAX(at) FROM request_log WHERE id > $last_id AND at < strftime('%Y-%m-%dT%H:%M:%fZ', $exited_at, 'unixepoch')")
  cat >"kill-$signal.json" <<EOF
{"signal": "$signal", "start": $start, "stopped_at": $stopped_at, "exited_at": $exited_at,
 "restarted_at": $restarted_at, "log_before": $before, "log_after": $(log_rows), "first_logged": $first_logged,
 "first_last_at": "$first_last_at", "quick_check": "$quick_check", "opens": "$opens"}
EOF
  echo "kill test ($signal): quick_check $quick_check, project opens: $opens"
done

$python "$here/report.py" "$work" "$seconds" "$soak_seconds" "$connections" "$cores" "$runs"
