#!/usr/bin/python3
"""Scores an exported XGBoost JSON model with Python's xgboost (Debian's python3-xgboost).

Usage: xgboost_predict.py MODEL.json FEATURES.csv OUT.csv

FEATURES.csv: the encoded feature matrix, one row per line, no header, "nan" for a missing
value. OUT.csv: what booster.predict gives, one row per input row (binary: the positive class's
probability; multiclass: every class's probability), written with 17 significant digits.
tst_ModelBundle compares it with Lathe's own probabilities.
"""
import sys

import numpy
import xgboost


def main(model_path, features_path, out_path):
    booster = xgboost.Booster(model_file=model_path)
    x = numpy.loadtxt(features_path, delimiter=",", dtype=numpy.float64, ndmin=2)
    # Lathe names its features "column=level", which xgboost's Python names refuse ('<', '[');
    # the model's own column count still has to match.
    predicted = booster.predict(xgboost.DMatrix(x, missing=numpy.nan), validate_features=False)
    predicted = numpy.asarray(predicted, dtype=numpy.float64)
    if predicted.ndim == 1:
        predicted = predicted.reshape(-1, 1)
    numpy.savetxt(out_path, predicted, delimiter=",", fmt="%.17g")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
