"""Checks that two servers answer the same: POSTs one body (all 1,000 credit-g rows) to both
and compares every row's class probabilities (within 1e-5), label and decision.

    python3 check_same.py BODY.json TOKEN LATHE_URL FLASK_URL

Prints one line: rows compared, the largest probability difference, mismatches; exits 1 when
they differ."""
import json
import sys
import urllib.request

body_path, token, urls = sys.argv[1], sys.argv[2], sys.argv[3:5]
with open(body_path, "rb") as f:
    body = f.read()


def ask(url):
    req = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=60) as answer:
        return json.load(answer)["predictions"]


lathe, flask = ask(urls[0]), ask(urls[1])
rows = len(json.loads(body)["rows"])
assert len(lathe) == len(flask) == rows, (len(lathe), len(flask), rows)
largest, mismatches = 0.0, 0
for a, b in zip(lathe, flask):
    assert a["probabilities"].keys() == b["probabilities"].keys()
    for cls, p in a["probabilities"].items():
        largest = max(largest, abs(p - b["probabilities"][cls]))
    mismatches += a["label"] != b["label"] or a.get("decision") != b.get("decision")
same = largest <= 1e-5 and mismatches == 0
print(f"same model: {rows} rows, largest probability difference {largest:.3g}, "
      f"{mismatches} label/decision mismatches: {'yes' if same else 'NO'}")
sys.exit(0 if same else 1)
