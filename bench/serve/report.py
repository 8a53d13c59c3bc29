"""The summary of bench/serve.sh: reads the wrk outputs, RSS samples and kill-test records in
WORK_DIR and prints Markdown tables (also written to WORK_DIR/summary.md).

    python3 report.py WORK_DIR SECONDS SOAK_SECONDS CONNECTIONS CORES RUNS

Throughput figures are medians of the RUNS alternating runs (each run's figures listed below
the table). Exits 1 when a target is missed: Lathe under 10x Flask's median requests/s or with a
median p99 not lower, errors anywhere, or a kill test that loses more than it may."""
import json
import os
import re
import statistics
import sys

work, seconds, soak_seconds, connections, cores, runs = sys.argv[1], *map(int, sys.argv[2:7])
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


def read(name):
    with open(os.path.join(work, name)) as f:
        return f.read()


def wrk(name):
    text = read(name + ".wrk")
    out = {"name": name, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for pct in ("50", "99"):
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m|h)\s*$", text, re.M).groups()
        out["p" + pct] = float(value) * UNITS[unit]
    out["requests"] = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["non2xx"] = int(non2xx.group(1)) if non2xx else 0
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["socket"] = dict(zip(("connect", "read", "write", "timeout"), map(int, sock.groups()))) if sock else \
        {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    out["errors"] = out["non2xx"] + sum(out["socket"].values())
    out["state"] = read(name + ".state").strip()
    if os.path.exists(os.path.join(work, name + ".cpu")):
        ticks, per_second = map(int, read(name + ".cpu").split())
        out["cpu_ms"] = ticks / per_second * 1000 / max(out["requests"], 1)
    return out


def ms(value):
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def errors(run):
    s = run["socket"]
    return f"{run['non2xx']} / {s['connect']}+{s['read']}+{s['write']}+{s['timeout']}"


lines, ok = [], True
same = read("same.txt").strip()
ok &= same.endswith("yes")
lines += [f"{same}", "",
          f"wrk -t2 -c{connections} -d{seconds}s --timeout 10s --latency, after a 5 s warm-up, {runs} runs each alternating "
          f"(medians); "
          f"lathe serve --threads {cores}{' with ' + os.environ['LATHE_SERVE_ENV'] if os.environ.get('LATHE_SERVE_ENV') else ''}, "
          f"gunicorn --workers {cores} (sync), on {cores} cores shared with wrk", "",
          "| body | server | requests/s | p50 | p99 | server CPU per request | errors: non-2xx / socket (connect+read+write+timeout) per run | machine per run |",
          "|---|---|---|---|---|---|---|---|"]
ratios, every = [], []
for rows in (1, 100):
    body = f"{rows} row{'s' if rows > 1 else ''}"
    median = {}
    for label, server in (("Lathe", "lathe"), ("Flask + scikit-learn", "flask")):
        each = [wrk(f"{server}-{rows}-{run}") for run in range(1, runs + 1)]
        m = {key: statistics.median(r[key] for r in each) for key in ("rps", "p50", "p99", "cpu_ms")}
        m["errors"] = sum(r["errors"] for r in each)
        median[server] = m
        states = "; ".join(r["state"] for r in each)
        lines.append(f"| {body} | {label} | {m['rps']:,.0f} | {ms(m['p50'])} | {ms(m['p99'])} | {m['cpu_ms']:.2f} ms | "
                     f"{m['errors']} in all; " + ", ".join(errors(r) for r in each) + f" | {states} |")
        every.append(f"{body}, {label}: requests/s " + ", ".join(f"{r['rps']:,.0f}" for r in each)
                     + "; p50 " + ", ".join(ms(r["p50"]) for r in each) + "; p99 " + ", ".join(ms(r["p99"]) for r in each)
                     + "; CPU per request " + ", ".join(f"{r['cpu_ms']:.2f}" for r in each) + " ms")
    lathe, flask = median["lathe"], median["flask"]
    ratio = lathe["rps"] / flask["rps"]
    met = ratio >= 10 and lathe["p99"] < flask["p99"] and lathe["errors"] == 0
    ok &= met
    ratios.append(f"{body}: Lathe {ratio:.1f}x the requests/s ({lathe['rps'] * rows:,.0f} against "
                  f"{flask['rps'] * rows:,.0f} rows/s), p99 {ms(lathe['p99'])} against {ms(flask['p99'])} "
                  f"({flask['p99'] / lathe['p99']:.1f}x lower), {flask['cpu_ms'] / lathe['cpu_ms']:.1f}x less CPU per "
                  f"request: {'met' if met else 'NOT met'}")
lines += [""] + [f"- {r}" for r in ratios] + [""] + [f"- {e}" for e in every]

soak = wrk("soak")
rss = [tuple(map(int, line.split())) for line in read("soak-rss.txt").split("\n") if len(line.split()) == 2]
idle = int(read("soak-rss-idle.txt").strip())
stopped = read("soak-lathe.log").strip().splitlines()[-1]
after10 = [kb for t, kb in rss if t >= 10]
growth = (after10[-1] - after10[0]) / after10[0] if len(after10) > 1 else float("nan")
flat = abs(growth) < 0.05
ok &= soak["errors"] == 0 and flat
lines += ["", f"Soak: {soak_seconds} s, {connections} connections, 1-row bodies, a fresh server ({soak['state']}): "
              f"{soak['requests']:,} requests, {soak['rps']:,.0f}/s, p50 {ms(soak['p50'])}, p99 {ms(soak['p99'])}, "
              f"errors (non-2xx / socket) {errors(soak)}; the server: \"{stopped}\"",
          f"RSS idle before the load {idle / 1024:.1f} MB; under load every 5 s (MB): "
          + ", ".join(f"{kb / 1024:.1f}" for _, kb in rss)
          + f"; from 10 s to the end {growth * 100:+.1f}%: {'flat' if flat else 'NOT flat'}"]

lines += ["", "| kill test | 2xx answers received | from the stopped server | its rows in request_log | "
              "missing from the log | down (stop → answering again) | socket errors | log rows added / 2xx received "
              "| quick_check | project opens |",
          "|---|---|---|---|---|---|---|---|---|---|"]
notes = []
for signal in ("KILL", "TERM"):
    record = json.loads(read(f"kill-{signal}.json"))
    run = wrk(f"kill-{signal}")
    counts = [tuple(map(int, line.split())) for line in read(f"kill-{signal}.counts").split("\n") if line.strip()]
    received = sum(n for _, n in counts)
    first = sum(n for t, n in counts if t < record["exited_at"] * 1000)
    missing = first - record["first_logged"]
    added = record["log_after"] - record["log_before"]
    first_log = read(f"kill-{signal}-first.log").strip().splitlines()
    second_log = read(f"kill-{signal}-second.log").strip().splitlines()
    lines.append(f"| {'kill -9' if signal == 'KILL' else 'SIGTERM'} | {received:,} | {first:,} | "
                 f"{record['first_logged']:,} | {missing:,} | {(record['restarted_at'] - record['stopped_at']) * 1000:.0f} ms | "
                 f"{errors(run)} | {added:,} / {received:,} | {record['quick_check']} | {record['opens']} |")
    # The last logged answer of the stopped server against the moment it was stopped.
    notes.append(f"{signal}: stopped at {record['stopped_at']:.3f}, last logged answer of the stopped server at "
                 f"{record['first_last_at']}; its last line: \"{first_log[-1]}\"; the restarted one: \"{second_log[-1]}\"")
    ok &= record["quick_check"] == "ok" and record["opens"] == "yes" and run["non2xx"] == 0
    # Every answer the client got is in the log: the killed server's uncommitted records are in
    # its journal, which the restarted server writes first (deploy::RequestJournal).
    ok &= missing <= 0
lines += [""] + [f"- {n}" for n in notes]

text = "\n".join(lines)
print(text)
with open(os.path.join(work, "summary.md"), "w") as f:
    f.write(text + "\n")
sys.exit(0 if ok else 1)
