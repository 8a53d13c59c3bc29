#include "engine/tune/EnsembleSelection.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"

namespace lathe::tune {
namespace {

// The pool keeps at most this many rows of each candidate's predictions (every k-th row, the same
// for all): enough to rank blends, and on millions of rows the predictions of 20 candidates
// would take gigabytes and each of the selection's ~400 scorings a second.
constexpr std::size_t kMaxRows = 50000;

eval::Predictions thinned(eval::Predictions p) {
  const std::size_t rows = p.yTrue.size();
  if (rows <= kMaxRows) return p;
  const std::size_t step = (rows + kMaxRows - 1) / kMaxRows;
  const bool shaped = p.probabilities.values.size() == rows * p.probabilities.classes;
  const std::size_t classes = shaped ? p.probabilities.classes : 0;
  eval::Predictions out;
  out.task = p.task;
  out.classCount = p.classCount;
  if (classes) out.probabilities = {0, classes, {}};
  for (std::size_t r = 0; r < rows; r += step) {
    out.yTrue.push_back(p.yTrue[r]);
    if (r < p.yPred.size()) out.yPred.push_back(p.yPred[r]);
    for (std::size_t k = 0; k < classes; ++k) out.probabilities.values.push_back(p.probabilities.at(r, k));
  }
  out.probabilities.rows = classes ? out.yTrue.size() : 0;
  return out;
}

// A candidate's share of the blend: rows x classes probabilities, or one value per row.
std::vector<double> contribution(const eval::Predictions& p) {
  if (!ml::isClassification(p.task)) return p.yPred;
  if (!p.probabilities.values.empty()) return p.probabilities.values;
  const std::size_t classes = p.classCount;
  std::vector<double> out(p.yPred.size() * classes, 0.0);
  for (std::size_t r = 0; r < p.yPred.size(); ++r)
    if (p.yPred[r] >= 0 && p.yPred[r] < static_cast<double>(classes))
      out[r * classes + static_cast<std::size_t>(p.yPred[r])] = 1.0;
  return out;
}

// Predictions from a blend's sums over `picks` picks.
eval::Predictions fromSums(const eval::Predictions& like, const std::vector<double>& sums, double picks) {
  eval::Predictions out;
  out.task = like.task;
  out.classCount = like.classCount;
  out.yTrue = like.yTrue;
  const std::size_t rows = like.yTrue.size();
  if (!ml::isClassification(like.task)) {
    out.yPred.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) out.yPred[r] = sums[r] / picks;
    return out;
  }
  const std::size_t classes = like.classCount;
  out.probabilities = {rows, classes, std::vector<double>(sums.size())};
  for (std::size_t i = 0; i < sums.size(); ++i) out.probabilities.values[i] = sums[i] / picks;
  out.yPred.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < classes; ++k)
      if (out.probabilities.at(r, k) > out.probabilities.at(r, best)) best = k;
    out.yPred[r] = static_cast<double>(best);
  }
  return out;
}

void checkAligned(const std::vector<const eval::Predictions*>& candidates) {
  if (candidates.empty()) return;
  const eval::Predictions& first = *candidates.front();
  for (const auto* c : candidates) {
    const std::size_t rows = c->yTrue.size();
    const bool shaped = c->task == first.task && c->classCount == first.classCount && c->yTrue == first.yTrue &&
                        c->yPred.size() == rows &&
                        (c->probabilities.values.empty() || c->probabilities.values.size() == rows * c->classCount);
    if (!shaped)
      throw Error(ErrorCode::InvalidArgument,
                  "ensemble selection needs every candidate's predictions for the same rows and classes");
  }
}

double scoreOf(const std::string& objective, const eval::Predictions& p) {
  try {
    return eval::Metric::compute(objective, p);
  } catch (const Error&) {
    return std::numeric_limits<double>::quiet_NaN();  // cannot be scored: never picked
  }
}

}  // namespace

EnsembleSelection::EnsembleSelection(std::string objective, bool maximize, std::size_t capacity)
    : objective_(std::move(objective)), maximize_(maximize), capacity_(capacity) {}

void EnsembleSelection::offer(Candidate candidate) {
  if (!std::isfinite(candidate.score) || candidate.outOfFold.yTrue.empty()) return;
  const auto worse = [this](const Candidate& a, const Candidate& b) {
    return maximize_ ? a.score < b.score : a.score > b.score;
  };
  // After the last candidate scoring at least as well: ties keep their order of arrival.
  const auto at = std::find_if(candidates_.begin(), candidates_.end(),
                               [&](const Candidate& c) { return worse(c, candidate); });
  candidate.outOfFold = thinned(std::move(candidate.outOfFold));
  candidates_.insert(at, std::move(candidate));
  // Keep the best `capacity`, and each algorithm's best beyond them: diverse models are what
  // make a blend better than its parts, and the top trials are often variants of one family.
  std::set<std::string> seen;
  std::vector<Candidate> kept;
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    const bool first = seen.insert(candidates_[i].algorithm).second;
    if (i < capacity_ || first) kept.push_back(std::move(candidates_[i]));
  }
  candidates_ = std::move(kept);
}

nlohmann::json EnsembleSelection::members(std::size_t steps) const {
  nlohmann::json out = nlohmann::json::array();
  if (candidates_.empty()) return out;
  std::vector<const eval::Predictions*> predictions;
  for (const auto& c : candidates_) predictions.push_back(&c.outOfFold);
  const Result selection = select(predictions, objective_, maximize_, steps);
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    if (selection.counts[i] == 0) continue;
    const std::string key = candidates_[i].algorithm + " " + candidates_[i].parameters.dump();
    const auto [it, added] = index.emplace(key, out.size());
    if (added)
      out.push_back(
          {{"algorithm", candidates_[i].algorithm}, {"parameters", candidates_[i].parameters}, {"weight", 0}});
    out[it->second]["weight"] = out[it->second]["weight"].get<std::size_t>() + selection.counts[i];
  }
  return out;
}

std::size_t EnsembleSelection::Result::distinct() const {
  std::size_t n = 0;
  for (auto c : counts) n += c > 0;
  return n;
}

EnsembleSelection::Result EnsembleSelection::select(const std::vector<const eval::Predictions*>& candidates,
                                                    const std::string& objective, bool maximize, std::size_t steps) {
  checkAligned(candidates);
  Result result;
  result.counts.assign(candidates.size(), 0);
  if (candidates.empty()) return result;
  std::vector<std::vector<double>> shares;
  for (const auto* c : candidates) shares.push_back(contribution(*c));
  std::vector<double> sums(shares.front().size(), 0.0);
  // Floating-point noise is not an improvement.
  const auto better = [maximize](double a, double b) {
    if (!std::isfinite(a)) return false;
    if (!std::isfinite(b)) return true;
    return maximize ? a > b + 1e-12 : a < b - 1e-12;
  };
  for (std::size_t step = 0; step < steps; ++step) {
    double bestScore = std::numeric_limits<double>::quiet_NaN();
    std::size_t bestIndex = candidates.size();
    std::vector<double> trial(sums.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      for (std::size_t k = 0; k < sums.size(); ++k) trial[k] = sums[k] + shares[i][k];
      const double s = scoreOf(objective, fromSums(*candidates.front(), trial, static_cast<double>(step + 1)));
      if (better(s, bestScore)) {
        bestScore = s;
        bestIndex = i;
      }
    }
    if (bestIndex == candidates.size() || !better(bestScore, result.score)) break;
    for (std::size_t k = 0; k < sums.size(); ++k) sums[k] += shares[bestIndex][k];
    ++result.counts[bestIndex];
    result.score = bestScore;
    result.path.push_back(bestScore);
  }
  return result;
}

eval::Predictions EnsembleSelection::blend(const std::vector<const eval::Predictions*>& candidates,
                                           const std::vector<std::size_t>& counts) {
  checkAligned(candidates);
  if (candidates.empty() || counts.size() != candidates.size())
    throw Error(ErrorCode::InvalidArgument, "ensemble selection: one weight per candidate is needed");
  std::vector<double> sums;
  double picks = 0.0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (counts[i] == 0) continue;
    const auto share = contribution(*candidates[i]);
    if (sums.empty()) sums.assign(share.size(), 0.0);
    const double w = static_cast<double>(counts[i]);
    for (std::size_t k = 0; k < share.size(); ++k) sums[k] += w * share[k];
    picks += w;
  }
  if (picks == 0.0) throw Error(ErrorCode::InvalidArgument, "ensemble selection: the weights are all zero");
  return fromSums(*candidates.front(), sums, picks);
}

}  // namespace lathe::tune
