#pragma once
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace lathe::widgets {

// What the tuning form asks, as plain values: one algorithm tuned by a strategy within a number
// of trials (and optionally seconds), or AutoML over every family within seconds.
struct TuningSettings {
  bool automl = false;
  QString target;
  QString algorithm = QStringLiteral("xgboost");
  QString strategy = QStringLiteral("bayes");
  QString objective;  // empty: the task's headline metric
  int trials = 20;
  int budgetSeconds = 0;  // tuning: 0 is no time limit; AutoML needs one
  int folds = 5;
  quint64 seed = 0;
  int parallel = 2;
  bool pruning = true;
  bool ensemble = true;
  QString name;

  bool operator==(const TuningSettings&) const = default;
};

}  // namespace lathe::widgets
