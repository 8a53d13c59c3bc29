#!/usr/bin/python3
"""Makes tests/engine/eval/fixtures/*.json: realistic predictions and what scikit-learn says of them.

Run once with Debian's python3-sklearn (/usr/bin/python3 bench/make-metric-fixtures.py); the
output is checked in, and tst_ClassificationMetrics, tst_RegressionMetrics, tst_Curves,
tst_Silhouette and tst_Metric require Lathe to agree with every number to 1e-9.

Numbers are written with 17 significant digits, so the C++ side reads back the very doubles
scikit-learn saw and computed. Predictions come from 5-fold cross_val_predict (every row is
predicted by a model that did not see it), as `lathe train --cv 5` would make them.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics
from sklearn.cluster import KMeans
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler, label_binarize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASETS = os.path.join(ROOT, "..", "shared", "datasets")
OUT = os.path.join(ROOT, "tests", "engine", "eval", "fixtures")


def exact(value):
    """Nested lists/dicts of numbers as JSON text, floats with 17 significant digits."""
    if isinstance(value, dict):
        return "{" + ", ".join(json.dumps(str(k)) + ": " + exact(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple, np.ndarray)):
        return "[" + ", ".join(exact(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    value = float(value)
    if not np.isfinite(value):
        raise ValueError("not finite: %r" % value)
    return "%.17g" % value


def write(name, payload):
    payload = dict(payload)
    payload["generator"] = "bench/make-metric-fixtures.py, scikit-learn %s, numpy %s" % (
        sklearn.__version__, np.__version__)
    path = os.path.join(OUT, name + ".json")
    with open(path, "w") as f:
        f.write(exact(payload))
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


def classification_metrics(y_true, y_pred, proba, class_count):
    """Every metric Lathe names, as sklearn computes it with its default arguments."""
    binary = class_count == 2
    labels = list(range(class_count))
    m = {
        "accuracy": metrics.accuracy_score(y_true, y_pred),
        "balanced_accuracy": metrics.balanced_accuracy_score(y_true, y_pred),
        "precision_macro": metrics.precision_score(y_true, y_pred, average="macro", zero_division=0),
        "recall_macro": metrics.recall_score(y_true, y_pred, average="macro", zero_division=0),
        "f1_macro": metrics.f1_score(y_true, y_pred, average="macro", zero_division=0),
        "precision_weighted": metrics.precision_score(y_true, y_pred, average="weighted", zero_division=0),
        "recall_weighted": metrics.recall_score(y_true, y_pred, average="weighted", zero_division=0),
        "f1_weighted": metrics.f1_score(y_true, y_pred, average="weighted", zero_division=0),
    }
    if binary:
        for name, fn in (("precision", metrics.precision_score), ("recall", metrics.recall_score),
                         ("f1", metrics.f1_score)):
            m[name] = fn(y_true, y_pred, average="binary", pos_label=1, zero_division=0)
    else:
        for name in ("precision", "recall", "f1"):
            m[name] = m[name + "_macro"]
    if proba is not None:
        m["log_loss"] = metrics.log_loss(y_true, proba, labels=labels)
        # sklearn refuses roc_auc with one class in y_true, and multiclass scores not summing to 1.
        if len(np.unique(y_true)) == class_count and np.allclose(proba.sum(axis=1), 1):
            if binary:
                m["roc_auc"] = metrics.roc_auc_score(y_true, proba[:, 1])
                m["pr_auc"] = metrics.average_precision_score(y_true, proba[:, 1])
            else:
                m["roc_auc"] = metrics.roc_auc_score(y_true, proba, multi_class="ovr", average="macro")
                # sklearn 1.2 refuses multiclass y here; one-vs-rest macro as sklearn >= 1.3 does it.
                m["pr_auc"] = metrics.average_precision_score(
                    label_binarize(y_true, classes=labels), proba, average="macro")
    return m


def curves(y_true01, scores):
    fpr, tpr, roc_thr = metrics.roc_curve(y_true01, scores, drop_intermediate=True)
    precision, recall, pr_thr = metrics.precision_recall_curve(y_true01, scores)
    return {
        "roc": {"fpr": fpr, "tpr": tpr, "thresholds": roc_thr},
        "pr": {"precision": precision, "recall": recall, "thresholds": pr_thr},
        "roc_auc": metrics.roc_auc_score(y_true01, scores),
        "average_precision": metrics.average_precision_score(y_true01, scores),
    }


def classification_fixture(name, description, y_true, y_pred, proba, class_names):
    k = len(class_names)
    payload = {
        "description": description,
        "task": "binary" if k == 2 else "multiclass",
        "classCount": k,
        "classNames": class_names,
        "yTrue": y_true, "yPred": y_pred,
        "probabilities": proba,
        "metrics": classification_metrics(y_true, y_pred, proba, k),
        "confusionMatrix": {
            "counts": metrics.confusion_matrix(y_true, y_pred, labels=list(range(k))),
            "normalizedRows": metrics.confusion_matrix(y_true, y_pred, labels=list(range(k)),
                                                       normalize="true"),
        },
        # One curve per class, one-vs-rest (for a binary task, class 1 is the positive one).
        "curves": [curves((y_true == c).astype(int), proba[:, c]) for c in range(k)],
    }
    write(name, payload)


def breast_cancer():
    df = pd.read_csv(os.path.join(DATASETS, "breast_cancer.csv"))
    x = df.drop(columns="diagnosis").to_numpy()
    # class 1 = malignant (the positive class, as Lathe codes the minority/"interesting" one here)
    y = (df["diagnosis"] == "malignant").astype(int).to_numpy()
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    proba = cross_val_predict(model, x, y, cv=folds, method="predict_proba")
    y_pred = proba.argmax(axis=1)
    classification_fixture(
        "binary_breast_cancer",
        "breast_cancer.csv, StandardScaler + LogisticRegression, 5-fold cross_val_predict (seed 0); "
        "class 1 = malignant",
        y, y_pred, proba, ["benign", "malignant"])
    # Scores with many ties, and probabilities of exactly 0 and 1 (log loss clips them).
    tied = np.round(proba[:, 1], 1)
    tied_proba = np.column_stack([1 - tied, tied])
    classification_fixture(
        "binary_ties",
        "binary_breast_cancer's probabilities rounded to one decimal: many tied scores, "
        "exact 0 and 1 probabilities; yPred from the unrounded model",
        y, y_pred, tied_proba, ["benign", "malignant"])


def wine():
    df = pd.read_csv(os.path.join(DATASETS, "wine.csv"))
    x = df.drop(columns="cultivar").to_numpy()
    classes = sorted(df["cultivar"].unique())
    y = df["cultivar"].map({c: i for i, c in enumerate(classes)}).to_numpy()
    # A weak model (two features, strong regularisation) so that mistakes and ties occur.
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=5000))
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    proba = cross_val_predict(model, x[:, [0, 1]], y, cv=folds, method="predict_proba")
    classification_fixture(
        "multiclass_wine",
        "wine.csv, alcohol and malic_acid only, StandardScaler + LogisticRegression(C=0.05), "
        "5-fold cross_val_predict (seed 0)",
        y, proba.argmax(axis=1), proba, classes)


def diabetes():
    df = pd.read_csv(os.path.join(DATASETS, "diabetes_progression.csv"))
    x = df.drop(columns="progression").to_numpy()
    y = df["progression"].to_numpy()
    y_pred = cross_val_predict(LinearRegression(), x, y, cv=KFold(5, shuffle=True, random_state=0))
    write("regression_diabetes", {
        "description": "diabetes_progression.csv, LinearRegression, 5-fold cross_val_predict (seed 0)",
        "task": "regression",
        "yTrue": y, "yPred": y_pred,
        "metrics": {
            "mse": metrics.mean_squared_error(y, y_pred),
            "rmse": metrics.mean_squared_error(y, y_pred, squared=False),
            "mae": metrics.mean_absolute_error(y, y_pred),
            "r2": metrics.r2_score(y, y_pred),
        },
        "residuals": y - y_pred,
    })


def edge_cases():
    """Small hand-made cases where sklearn's conventions matter (zero_division=0, absent classes)."""
    cases = []

    def add(name, y_true, y_pred, proba, k):
        y_true, y_pred = np.array(y_true), np.array(y_pred)
        proba = None if proba is None else np.array(proba, dtype=float)
        case = {"name": name, "classCount": k, "yTrue": y_true, "yPred": y_pred,
                "metrics": classification_metrics(y_true, y_pred, proba, k)}
        if proba is not None:
            case["probabilities"] = proba
        cases.append(case)

    add("all predictions class 0", [0, 1, 1, 0, 1], [0, 0, 0, 0, 0],
        [[0.9, 0.1], [0.6, 0.4], [0.7, 0.3], [1.0, 0.0], [0.55, 0.45]], 2)
    add("all predictions class 1", [0, 1, 1, 0, 1], [1, 1, 1, 1, 1], None, 2)
    add("one class only in yTrue", [1, 1, 1], [1, 0, 1], [[0.2, 0.8], [0.6, 0.4], [0.0, 1.0]], 2)
    add("class 2 never predicted", [0, 1, 2, 2, 1, 0], [0, 1, 1, 0, 1, 0], None, 3)
    add("class 2 absent from yTrue", [0, 1, 1, 0, 1, 0], [0, 1, 2, 0, 2, 0], None, 3)
    add("class 2 absent everywhere", [0, 1, 1, 0], [0, 1, 0, 0],
        [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.5, 0.3, 0.2], [0.6, 0.4, 0.0]], 3)
    add("probabilities of exactly 0 and 1, wrong", [0, 1, 0, 1], [1, 0, 0, 1],
        [[0.0, 1.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]], 2)
    add("unnormalised probabilities", [0, 1, 2], [0, 1, 2],
        [[2.0, 1.0, 1.0], [0.1, 0.3, 0.1], [0.2, 0.2, 0.2]], 3)
    write("classification_edge_cases", {"cases": cases})

    fpr, tpr, thr = metrics.roc_curve([0, 0, 1, 1], [0.5, 0.5, 0.5, 0.5])
    p, r, pthr = metrics.precision_recall_curve([0, 0, 1, 1], [0.5, 0.5, 0.5, 0.5])
    fpr2, tpr2, thr2 = metrics.roc_curve([0, 1, 0, 1, 1, 0, 1, 0], [0.1, 0.9, 0.3, 0.3, 0.8, 0.7, 0.7, 0.2])
    p2, r2, pthr2 = metrics.precision_recall_curve([0, 1, 0, 1, 1, 0, 1, 0], [0.1, 0.9, 0.3, 0.3, 0.8, 0.7, 0.7, 0.2])
    write("curve_edge_cases", {"cases": [
        {"name": "all scores tied", "yTrue": [0, 0, 1, 1], "scores": [0.5, 0.5, 0.5, 0.5],
         "roc": {"fpr": fpr, "tpr": tpr, "thresholds": thr},
         "pr": {"precision": p, "recall": r, "thresholds": pthr}},
        {"name": "pairs of ties", "yTrue": [0, 1, 0, 1, 1, 0, 1, 0],
         "scores": [0.1, 0.9, 0.3, 0.3, 0.8, 0.7, 0.7, 0.2],
         "roc": {"fpr": fpr2, "tpr": tpr2, "thresholds": thr2},
         "pr": {"precision": p2, "recall": r2, "thresholds": pthr2}},
    ]})


def read_iris():
    rows = []
    with open(os.path.join(DATASETS, "iris.arff")) as f:
        data = False
        for line in f:
            line = line.strip()
            if not line or line.startswith("%"):
                continue
            if line.lower().startswith("@data"):
                data = True
            elif data:
                rows.append([float(v) for v in line.split(",")[:4]])
    return np.array(rows)


def silhouette():
    cases = []
    iris = read_iris()
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(iris)
    cases.append({"name": "iris, KMeans(3, n_init=10, random_state=0)", "x": iris, "labels": km.labels_})
    df = pd.read_csv(os.path.join(DATASETS, "wine.csv"))
    wine_x = StandardScaler().fit_transform(df.drop(columns="cultivar").to_numpy())
    wine_y = df["cultivar"].map({c: i for i, c in enumerate(sorted(df["cultivar"].unique()))}).to_numpy()
    cases.append({"name": "wine standardised, true cultivars", "x": wine_x, "labels": wine_y})
    cases.append({"name": "a singleton cluster and non-consecutive labels",
                  "x": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [5.0, 5.0], [5.0, 6.0], [20.0, 20.0]],
                  "labels": [7, 7, 7, 3, 3, -1]})
    for case in cases:
        case["score"] = metrics.silhouette_score(case["x"], case["labels"])
        case["samples"] = metrics.silhouette_samples(case["x"], case["labels"])
    write("silhouette", {
        "description": "sklearn.metrics.silhouette_score / silhouette_samples, euclidean",
        "cases": cases})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    np.seterr(all="ignore")
    breast_cancer()
    wine()
    diabetes()
    edge_cases()
    silhouette()
    sys.exit(0)
