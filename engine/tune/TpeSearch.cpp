#include "engine/tune/TpeSearch.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "engine/tune/RandomSearch.h"

namespace lathe::tune {
namespace {

using nlohmann::json;

// A mixture of Gaussians on [0, 1], each truncated to it, plus a wide prior component.
struct Parzen {
  std::vector<double> mu;
  std::vector<double> sigma;
  std::vector<double> weight;

  static Parzen fit(std::vector<double> points) {
    Parzen p;
    std::sort(points.begin(), points.end());
    const std::size_t n = points.size();
    // Bandwidth: the larger gap to a neighbour (the prior at 0.5 counts as one), clipped so no
    // kernel is a spike nor wider than the range (hyperopt's rule).
    std::vector<double> all = points;
    all.push_back(0.5);
    std::sort(all.begin(), all.end());
    const double minSigma = 1.0 / std::min(100.0, static_cast<double>(n) + 1.0);
    for (double x : points) {
      const auto it = std::lower_bound(all.begin(), all.end(), x);
      const double left = it == all.begin() ? x : x - *std::prev(it);
      const auto next = std::upper_bound(all.begin(), all.end(), x);
      const double right = next == all.end() ? 1.0 - x : *next - x;
      p.mu.push_back(x);
      p.sigma.push_back(std::clamp(std::max(left, right), minSigma, 1.0));
      p.weight.push_back(1.0);
    }
    p.mu.push_back(0.5);
    p.sigma.push_back(1.0);
    p.weight.push_back(1.0);
    const double total = static_cast<double>(p.weight.size());
    for (double& w : p.weight) w /= total;
    return p;
  }

  static double cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

  double density(double x) const {
    double sum = 0.0;
    for (std::size_t i = 0; i < mu.size(); ++i) {
      const double z = (x - mu[i]) / sigma[i];
      const double mass = cdf((1.0 - mu[i]) / sigma[i]) - cdf(-mu[i] / sigma[i]);
      sum += weight[i] * std::exp(-0.5 * z * z) / (sigma[i] * std::sqrt(2.0 * std::numbers::pi) * std::max(mass, 1e-12));
    }
    return sum;
  }

  double draw(std::mt19937_64& random) const {
    std::discrete_distribution<std::size_t> pick(weight.begin(), weight.end());
    const std::size_t i = pick(random);
    std::normal_distribution<double> normal(mu[i], sigma[i]);
    for (int attempt = 0; attempt < 20; ++attempt)
      if (const double x = normal(random); x >= 0.0 && x <= 1.0) return x;
    return std::clamp(mu[i], 0.0, 1.0);
  }
};

// Smoothed counts of each choice.
std::vector<double> choiceWeights(const ParameterRange& p, const std::vector<const Trial*>& trials) {
  std::vector<double> w(p.choices.size(), 1.0);
  for (const Trial* t : trials) {
    const auto it = t->parameters.find(p.name);
    if (it == t->parameters.end()) continue;
    const auto c = std::find(p.choices.begin(), p.choices.end(), *it);
    if (c != p.choices.end()) w[static_cast<std::size_t>(std::distance(p.choices.begin(), c))] += 1.0;
  }
  double total = 0.0;
  for (double v : w) total += v;
  for (double& v : w) v /= total;
  return w;
}

std::vector<double> positions(const ParameterRange& p, const std::vector<const Trial*>& trials) {
  std::vector<double> out;
  for (const Trial* t : trials) {
    const auto it = t->parameters.find(p.name);
    if (it == t->parameters.end()) continue;
    if (const auto u = p.positionOf(*it)) out.push_back(*u);
  }
  return out;
}

}  // namespace

TpeSearch::TpeSearch(SearchSpace space, std::uint64_t seed, std::size_t startup)
    : space_(std::move(space)), seed_(seed), startup_(std::max<std::size_t>(1, startup)) {}

std::optional<json> TpeSearch::suggest(int number, const std::vector<Trial>& finished, bool maximize) {
  auto random = RandomSearch::streamFor(seed_, number);
  std::vector<const Trial*> scored;
  for (const auto& t : finished)
    if (t.scored()) scored.push_back(&t);
  if (scored.size() < startup_) return space_.sample(random);

  // Best first; ties by trial number, so the split does not depend on the order they finished.
  std::sort(scored.begin(), scored.end(), [maximize](const Trial* a, const Trial* b) {
    const double sa = maximize ? a->score : -a->score, sb = maximize ? b->score : -b->score;
    return sa != sb ? sa > sb : a->number < b->number;
  });
  const std::size_t good = std::clamp<std::size_t>(
      static_cast<std::size_t>(std::ceil(0.25 * static_cast<double>(scored.size()))), 1, 25);
  const std::vector<const Trial*> below(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(good));
  const std::vector<const Trial*> above(scored.begin() + static_cast<std::ptrdiff_t>(good), scored.end());

  json out = space_.fixed.is_object() ? space_.fixed : json::object();
  for (const auto& p : space_.parameters) {
    if (p.kind == ParameterRange::Kind::Choice) {
      // Drawn in proportion to good/bad rather than its maximum: a choice that is behind keeps
      // a share of trials (tried with the good values of the other parameters), so early luck
      // cannot lock it out.
      const auto l = choiceWeights(p, below), g = choiceWeights(p, above);
      std::vector<double> ratio(l.size());
      for (std::size_t i = 0; i < l.size(); ++i) ratio[i] = l[i] / g[i];
      std::discrete_distribution<std::size_t> pick(ratio.begin(), ratio.end());
      const std::size_t best = pick(random);
      if (p.appliesTo(out)) out[p.name] = p.choices[best];
      continue;
    }
    const Parzen l = Parzen::fit(positions(p, below)), g = Parzen::fit(positions(p, above));
    double best = 0.5, bestScore = -std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < kCandidates; ++c) {
      const double x = l.draw(random);
      if (const double score = std::log(l.density(x)) - std::log(g.density(x)); score > bestScore) {
        bestScore = score;
        best = x;
      }
    }
    if (p.appliesTo(out)) out[p.name] = p.valueAt(best);
  }
  return out;
}

}  // namespace lathe::tune
