"""Request bodies for bench/serve.sh from credit-g.arff: one JSON body a line.

    python3 make_bodies.py credit-g.arff OUT_DIR

writes OUT_DIR/bodies-1.jsonl (1,000 bodies of one row each, every row of the file) and
OUT_DIR/bodies-100.jsonl (10 bodies of 100 rows: rows 1-100, 101-200, ...). Each row is the
credit-g columns except "class", numbers as JSON numbers, plus "id" (the row's number: the
endpoint's key column)."""
import csv
import json
import os
import sys

arff, out = sys.argv[1], sys.argv[2]
names, numeric, rows = [], set(), []
with open(arff, encoding="utf-8") as f:
    lines = iter(f)
    for line in lines:
        text = line.strip()
        if text.lower().startswith("@attribute"):
            parts = text.split(None, 2)
            names.append(parts[1].strip("'"))
            if parts[2].strip().lower() in ("numeric", "real", "integer"):
                numeric.add(parts[1].strip("'"))
        elif text.lower().startswith("@data"):
            break
    for record in csv.reader((l for l in lines if l.strip() and not l.startswith("%")), quotechar="'",
                             skipinitialspace=True):
        row = {"id": len(rows) + 1}
        for name, value in zip(names, record):
            if name == "class":
                continue
            if value == "?":
                row[name] = None
            elif name in numeric:
                number = float(value)
                row[name] = int(number) if number.is_integer() else number
            else:
                row[name] = value
        rows.append(row)
if len(rows) != 1000:
    raise SystemExit(f"{arff}: expected 1000 rows, read {len(rows)}")
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "bodies-1.jsonl"), "w") as f:
    for row in rows:
        f.write(json.dumps({"rows": [row]}, separators=(",", ":")) + "\n")
with open(os.path.join(out, "bodies-100.jsonl"), "w") as f:
    for start in range(0, len(rows), 100):
        f.write(json.dumps({"rows": rows[start:start + 100]}, separators=(",", ":")) + "\n")
with open(os.path.join(out, "body-all.json"), "w") as f:
    json.dump({"rows": rows}, f, separators=(",", ":"))
