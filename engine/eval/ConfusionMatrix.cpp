#include "engine/eval/ConfusionMatrix.h"

#include <cmath>
#include <cstdio>

#include "engine/core/Error.h"

namespace lathe::eval {

namespace {

std::string numberText(double value) {
  if (std::isnan(value)) return "NaN";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

}  // namespace

std::size_t classIndexAt(std::span<const double> labels, std::size_t row, std::size_t classCount,
                         std::string_view what) {
  const double value = labels[row];
  // The range check comes first so that the cast below is always defined.
  if (!(value >= 0.0 && value < static_cast<double>(classCount)) || value != std::floor(value)) {
    throw Error(ErrorCode::InvalidArgument,
                std::string(what) + " at row " + std::to_string(row + 1) + " is " + numberText(value) +
                    ", not a class index from 0 to " + std::to_string(classCount == 0 ? 0 : classCount - 1),
                {}, numberText(value));
  }
  return static_cast<std::size_t>(value);
}

std::uint64_t ConfusionMatrix::total() const {
  std::uint64_t sum = 0;
  for (auto c : counts) sum += c;
  return sum;
}

std::uint64_t ConfusionMatrix::trueCount(std::size_t k) const {
  std::uint64_t sum = 0;
  for (std::size_t p = 0; p < classCount; ++p) sum += at(k, p);
  return sum;
}

std::uint64_t ConfusionMatrix::predictedCount(std::size_t k) const {
  std::uint64_t sum = 0;
  for (std::size_t t = 0; t < classCount; ++t) sum += at(t, k);
  return sum;
}

std::vector<double> ConfusionMatrix::normalizedRows() const {
  std::vector<double> out(counts.size(), 0.0);
  for (std::size_t t = 0; t < classCount; ++t) {
    const auto rowTotal = static_cast<double>(trueCount(t));
    if (rowTotal == 0) continue;  // sklearn turns the 0/0 of an absent class into 0
    for (std::size_t p = 0; p < classCount; ++p)
      out[t * classCount + p] = static_cast<double>(at(t, p)) / rowTotal;
  }
  return out;
}

ConfusionMatrix ConfusionMatrix::of(std::span<const double> yTrue, std::span<const double> yPred,
                                    std::size_t classCount, std::vector<std::string> labels) {
  if (yTrue.empty()) throw Error(ErrorCode::InvalidArgument, "No predictions to score: yTrue is empty");
  if (yTrue.size() != yPred.size())
    throw Error(ErrorCode::InvalidArgument, "yTrue has " + std::to_string(yTrue.size()) + " rows but yPred has " +
                                                std::to_string(yPred.size()));
  if (classCount < 2)
    throw Error(ErrorCode::InvalidArgument,
                "A classification needs at least 2 classes, got " + std::to_string(classCount));
  // Bounded memory: the matrix is classCount^2 counts; a class count near the row count is a
  // regression target mistaken for classes.
  constexpr std::size_t kMaxClasses = 10000;
  if (classCount > kMaxClasses)
    throw Error(ErrorCode::InvalidArgument, "Too many classes for a confusion matrix: " + std::to_string(classCount) +
                                                " (at most " + std::to_string(kMaxClasses) + ")");
  if (labels.size() > classCount)
    throw Error(ErrorCode::InvalidArgument, std::to_string(labels.size()) + " class names for " +
                                                std::to_string(classCount) + " classes");
  ConfusionMatrix m;
  m.classCount = classCount;
  m.labels = std::move(labels);
  for (std::size_t k = m.labels.size(); k < classCount; ++k) m.labels.push_back(std::to_string(k));
  m.counts.assign(classCount * classCount, 0);
  for (std::size_t row = 0; row < yTrue.size(); ++row) {
    const std::size_t t = classIndexAt(yTrue, row, classCount, "yTrue");
    const std::size_t p = classIndexAt(yPred, row, classCount, "yPred");
    ++m.counts[t * classCount + p];
  }
  return m;
}

}  // namespace lathe::eval
