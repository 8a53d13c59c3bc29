#pragma once
#include <QString>

namespace lathe::widgets {

// One variant of an endpoint as the Deploy panel shows it: its share and what it has served
// (from the running server, else from the project's request log).
struct VariantTraffic {
  QString name;
  bool canary = false;
  double weight = 0.0;
  qint64 requests = 0;
  qint64 rows = 0;
  qint64 errors = 0;
  double p50Ms = 0.0;
  double p99Ms = 0.0;
  QString predictions;  // the distribution of its answers, short ("good 71% · bad 29%")
};

}  // namespace lathe::widgets
