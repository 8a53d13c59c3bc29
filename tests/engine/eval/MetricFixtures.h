#pragma once
// Reading tests/engine/eval/fixtures/*.json: predictions and what scikit-learn 1.2 said of them,
// made by bench/make-metric-fixtures.py and checked in. Numbers carry 17 significant digits, so
// the doubles here are the very ones sklearn computed with.
#include <QtTest>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/Error.h"
#include "engine/eval/Predictions.h"
#include "TestPaths.h"

namespace fixtures {

inline nlohmann::json load(const std::string& name) {
  const std::string path = std::string(LATHE_SOURCE_DIR) + "/tests/engine/eval/fixtures/" + name + ".json";
  std::ifstream in(path);
  if (!in) qFatal("missing fixture %s", path.c_str());
  return nlohmann::json::parse(in);
}

inline std::vector<double> doubles(const nlohmann::json& values) { return values.get<std::vector<double>>(); }

// A rows x classes array of arrays, as ClassProbabilities.
inline lathe::ml::ClassProbabilities probabilities(const nlohmann::json& rows) {
  lathe::ml::ClassProbabilities p;
  p.rows = rows.size();
  p.classes = rows.empty() ? 0 : rows[0].size();
  for (const auto& row : rows)
    for (const auto& v : row) p.values.push_back(v.get<double>());
  return p;
}

inline std::vector<double> column(const lathe::ml::ClassProbabilities& p, std::size_t k) {
  std::vector<double> out;
  for (std::size_t row = 0; row < p.rows; ++row) out.push_back(p.at(row, k));
  return out;
}

// A classification or regression fixture (or an edge case of one) as Predictions.
inline lathe::eval::Predictions predictions(const nlohmann::json& f, lathe::ml::Task task) {
  lathe::eval::Predictions p;
  p.task = task;
  p.classCount = f.value("classCount", 0);
  p.yTrue = doubles(f["yTrue"]);
  p.yPred = doubles(f["yPred"]);
  if (f.contains("probabilities")) p.probabilities = probabilities(f["probabilities"]);
  return p;
}

inline lathe::ml::Task taskOf(std::size_t classCount) {
  return classCount == 2 ? lathe::ml::Task::Binary : lathe::ml::Task::Multiclass;
}

// Agreement to 1e-9: absolute near 0, relative for large values (mse of diabetes is ~3000).
inline bool agrees(double actual, double expected, double tolerance = 1e-9) {
  return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

}  // namespace fixtures

#define QVERIFY_AGREES(actual, expected)                                                              \
  do {                                                                                                \
    const double a_ = (actual), e_ = (expected);                                                      \
    QVERIFY2(fixtures::agrees(a_, e_),                                                                \
             qPrintable(QString("%1 = %2, sklearn says %3").arg(#actual).arg(a_, 0, 'g', 17).arg(e_, 0, 'g', 17))); \
  } while (false)

// Same length, and every value agreeing to 1e-9.
#define QVERIFY_ALL_AGREE(actual, expected)                                                           \
  do {                                                                                                \
    const std::vector<double> av_ = (actual), ev_ = (expected);                                       \
    QCOMPARE(av_.size(), ev_.size());                                                                 \
    for (std::size_t i_ = 0; i_ < av_.size(); ++i_)                                                   \
      QVERIFY2(fixtures::agrees(av_[i_], ev_[i_]),                                                    \
               qPrintable(QString("%1[%2] = %3, sklearn says %4")                                     \
                              .arg(#actual).arg(i_).arg(av_[i_], 0, 'g', 17).arg(ev_[i_], 0, 'g', 17))); \
  } while (false)

// The statement throws lathe::Error with this code, and its message contains `part`.
#define QVERIFY_THROWS_ERROR(statement, errorCode, part)                                              \
  do {                                                                                                \
    bool thrown_ = false;                                                                             \
    try {                                                                                             \
      (void)(statement);                                                                              \
    } catch (const lathe::Error& e_) {                                                                \
      thrown_ = true;                                                                                 \
      QCOMPARE(e_.code(), errorCode);                                                                 \
      QVERIFY2(e_.message().find(part) != std::string::npos,                                          \
               qPrintable(QString("message '%1' lacks '%2'").arg(e_.message().c_str(), part)));      \
    }                                                                                                 \
    QVERIFY2(thrown_, "expected lathe::Error from " #statement);                                     \
  } while (false)
