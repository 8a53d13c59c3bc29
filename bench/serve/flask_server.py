"""The Python peer of `lathe serve` for bench/serve.sh: the same model behind Flask, built the way
Python model servers usually are (a scikit-learn Pipeline loaded once per worker, a pandas
DataFrame per request), served by gunicorn with sync workers:

    LATHE_XGB_JSON=m.json LATHE_ENCODER=enc.json LATHE_RECIPES=recipes.json LATHE_THRESHOLD=0.91 \
        gunicorn -w 2 -b 127.0.0.1:PORT --chdir bench/serve flask_server:app

m.json and enc.json come from `lathe model export P credit:1 --xgboost-json m.json --encoder
enc.json`: the booster in XGBoost's JSON and the feature encoding (features in order, each
{column, type, levels}; a categorical feature is its level's index in `levels`, NaN when missing
or unseen; numeric features as they are). The encoding starts after the version's recipes (the
demo pipeline takes the log of credit_amount), which LATHE_RECIPES names: a file holding
`SELECT recipes FROM model_version` (see recipe_transformer). The threshold is the registered version's decision
threshold (`lathe model list P --json`), so the answer has the same fields as Lathe's.

POST /v1/endpoints/credit/predict {"rows": [{column: value, ...}, ...]} with
"Authorization: Bearer TOKEN" (LATHE_TOKEN) answers
{"predictions": [{"label", "probabilities": {class: p}, "decision", "variant"}]}; GET /health.
"""
import hmac
import json
import os
import warnings

import numpy as np
import pandas as pd
import xgboost
from flask import Flask, jsonify, request
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OrdinalEncoder


def recipe_transformer(recipes_json):
    """The version's recipes (`SELECT recipes FROM model_version`: [{definition, state}], oldest
    first) as a FunctionTransformer on the request's DataFrame. Only the steps this model uses are
    known here: "log" (natural log, or log(1 + x) with log1p; a value without a log becomes
    missing, as Lathe's LogTransformStep does). Anything else stops the server: a peer that
    silently skipped a step would not be the same model."""
    steps = []
    for recipe in json.loads(recipes_json) if recipes_json else []:
        for step in recipe["definition"]["steps"]:
            if not step.get("enabled", True):
                continue
            if step["kind"] != "log":
                raise SystemExit(f"recipe step {step['kind']!r} is not implemented in flask_server.py")
            steps.append((step["parameters"]["columns"], bool(step["parameters"].get("log1p", False))))

    def apply(frame):
        if not steps:
            return frame
        frame = frame.copy()
        for columns, log1p in steps:
            for column in columns:
                x = frame[column].to_numpy(dtype=float)
                with np.errstate(divide="ignore", invalid="ignore"):
                    y = np.log1p(x) if log1p else np.log(x)
                y[(x <= -1) if log1p else (x <= 0)] = np.nan
                frame[column] = y
        return frame

    return FunctionTransformer(apply), len(steps)


def build_pipeline(xgb_json, encoder_json, recipes_json, n_jobs):
    """The scikit-learn Pipeline: the version's recipe steps (see recipe_transformer), a
    ColumnTransformer with one OrdinalEncoder over the categorical
    columns (each column's levels as enc.json lists them; NaN when missing or unseen) and the
    numeric columns passed through, a FunctionTransformer putting the features in the booster's
    order, then the XGBClassifier loaded from XGBoost JSON. (One ColumnTransformer entry per
    column, in the booster's order, is the same model but 5x slower per request: 28 ms against
    6 ms for one row.)"""
    with open(encoder_json) as f:
        encoding = json.load(f)
    if encoding.get("categories") != "codes":
        raise SystemExit(f"{encoder_json}: only \"categories\": \"codes\" is supported")
    features = encoding["features"]
    columns = [f["column"] for f in features]
    categorical = [f["column"] for f in features if f["type"] == "categorical"]
    numeric = [f["column"] for f in features if f["type"] != "categorical"]
    encoder = OrdinalEncoder(categories=[np.array(f["levels"], dtype=object) for f in features if f["type"] == "categorical"],
                             handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan)
    transformer = ColumnTransformer([("categorical", encoder, categorical), ("numeric", "passthrough", numeric)],
                                    remainder="drop", sparse_threshold=0.0)
    produced = categorical + numeric
    order = np.array([produced.index(c) for c in columns])
    # Fit on one all-missing row: the encoder's categories are given, so fitting only records
    # the columns; nothing is learned from data.
    blank = pd.DataFrame({c: pd.Series([None], dtype=object if c in categorical else float) for c in columns})
    transformer.fit(blank)
    reorder = FunctionTransformer(lambda X: X[:, order]).fit(transformer.transform(blank))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Loading a native XGBoost model with Scikit-Learn interface"
        model = xgboost.XGBClassifier(n_jobs=n_jobs)
        model.load_model(xgb_json)
    model.n_classes_ = len(encoding["classes"])
    recipe, _ = recipe_transformer(recipes_json)
    recipe.fit(blank)
    return (Pipeline([("recipe", recipe), ("encode", transformer), ("order", reorder), ("model", model)]),
            encoding["classes"], columns, categorical)


# gunicorn runs one worker per core, so each worker's booster predicts on one thread (XGBoost's
# default, every core in every worker, was slower: the workers' OpenMP threads fight).
PIPELINE, CLASSES, COLUMNS, CATEGORICAL = build_pipeline(
    os.environ["LATHE_XGB_JSON"], os.environ["LATHE_ENCODER"],
    open(os.environ["LATHE_RECIPES"]).read() if os.environ.get("LATHE_RECIPES") else "",
    int(os.environ.get("LATHE_XGB_THREADS", "1")))
THRESHOLD = float(os.environ.get("LATHE_THRESHOLD", "0.5"))
TOKEN = os.environ.get("LATHE_TOKEN", "")
VARIANT = os.environ.get("LATHE_VARIANT", "credit:1")
MAX_ROWS = 10000

app = Flask(__name__)


def error(status, message):
    return jsonify({"error": message}), status


@app.get("/health")
def health():
    return jsonify({"status": "ok"})


@app.post("/v1/endpoints/<name>/predict")
def predict(name):
    if name != "credit":
        return error(404, f'no endpoint named "{name}"')
    if TOKEN and not hmac.compare_digest(request.headers.get("Authorization", ""), "Bearer " + TOKEN):
        return error(401, "the token is not this server's")
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get("rows"), list) or not payload["rows"]:
        return error(400, 'the body must be {"rows": [{...}, ...]}')
    if len(payload["rows"]) > MAX_ROWS:
        return error(413, f"more than {MAX_ROWS} rows")
    try:
        frame = pd.DataFrame.from_records(payload["rows"]).reindex(columns=COLUMNS)
        for column in COLUMNS:
            if column not in CATEGORICAL:
                frame[column] = pd.to_numeric(frame[column], errors="raise").astype(float)
        probabilities = PIPELINE.predict_proba(frame)
    except (ValueError, TypeError) as e:
        return error(422, f"cannot score these rows: {e}")
    predictions = []
    for p in probabilities.tolist():
        predictions.append({"label": CLASSES[int(p[1] > 0.5)],  # as XGBClassifier.predict
                            "probabilities": dict(zip(CLASSES, p)),
                            "decision": CLASSES[int(p[1] >= THRESHOLD)],
                            "variant": VARIANT})
    return jsonify({"predictions": predictions})
