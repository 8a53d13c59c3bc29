#include "engine/ml/VotingEnsemble.h"

#include <cmath>
#include <cstdint>
#include <optional>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

using nlohmann::json;
// A class count above this in a model file is damage, not a model (the encoder's targets are far smaller).
constexpr std::uint64_t kMaxClasses = std::uint64_t{1} << 20;

[[noreturn]] void invalid(const std::string& message, const std::string& value = {}) {
  throw Error(ErrorCode::InvalidArgument, "ensemble: " + message, {}, value);
}

std::string memberName(std::size_t index, const std::string& algorithm) {
  return "member " + std::to_string(index + 1) + " (" + algorithm + ")";
}

// Stable codes for the model file, independent of the enum's order.
std::uint32_t taskCode(Task task) {
  switch (task) {
    case Task::Binary: return 1;
    case Task::Multiclass: return 2;
    case Task::Regression: return 3;
    case Task::Clustering: break;
  }
  return 0;
}

// One member from its JSON: {"algorithm": NAME, "parameters": {...}, "weight": W}.
VotingEnsemble::Member memberFrom(const json& item, std::size_t index) {
  const std::string where = "member " + std::to_string(index + 1);
  if (!item.is_object()) invalid(where + " must be an object with an algorithm, got " + item.dump(), item.dump());
  for (const auto& field : item.items())
    if (field.key() != "algorithm" && field.key() != "parameters" && field.key() != "weight")
      invalid(where + " has an unknown field '" + field.key() + "' (algorithm, parameters, weight)", field.key());
  const auto algorithm = item.find("algorithm");
  if (algorithm == item.end() || !algorithm->is_string()) invalid(where + " needs an \"algorithm\" name");
  const std::string name = algorithm->get<std::string>();
  if (name == VotingEnsemble::kAlgorithm)
    invalid(memberName(index, name) + ": an ensemble cannot hold an ensemble", name);
  double weight = 1.0;
  if (const auto w = item.find("weight"); w != item.end()) {
    weight = w->is_number() ? w->get<double>() : -1.0;
    if (!std::isfinite(weight) || weight <= 0)
      invalid(memberName(index, name) + ": weight must be a positive number, got " + w->dump(), w->dump());
  }
  json parameters = json::object();
  if (const auto p = item.find("parameters"); p != item.end() && !p->is_null()) parameters = *p;
  try {
    return {EstimatorRegistry::create(name, parameters), weight};
  } catch (const Error& e) {
    invalid(memberName(index, name) + ": " + e.message(), e.value());
  }
}

}  // namespace

VotingEnsemble::VotingEnsemble(std::vector<Member> members) : members_(std::move(members)) {}

std::unique_ptr<Estimator> VotingEnsemble::create(const json& p) {
  if (!p.is_null() && !p.is_object()) invalid("parameters must be a JSON object, got " + p.dump());
  const json parameters = p.is_null() ? json::object() : p;
  for (const auto& item : parameters.items())
    if (item.key() != "members") invalid("unknown parameter '" + item.key() + "' (members)", item.key());
  const auto list = parameters.find("members");
  if (list == parameters.end() || !list->is_array() || list->empty())
    invalid("parameter 'members' must list at least one model: [{\"algorithm\": \"logistic\", \"weight\": 1}, ...]");
  if (list->size() > kMaxMembers)
    invalid("at most " + std::to_string(kMaxMembers) + " members, got " + std::to_string(list->size()));
  std::vector<Member> members;
  for (std::size_t i = 0; i < list->size(); ++i) members.push_back(memberFrom((*list)[i], i));
  return std::make_unique<VotingEnsemble>(std::move(members));
}

json VotingEnsemble::parameters() const {
  json list = json::array();
  for (const auto& m : members_) {
    // Whole weights (AutoML's vote counts) are written as integers.
    const bool whole = m.weight == std::floor(m.weight) && m.weight < 9.0e15;
    list.push_back({{"algorithm", m.estimator->algorithm()},
                    {"parameters", m.estimator->parameters()},
                    {"weight", whole ? json(static_cast<std::int64_t>(m.weight)) : json(m.weight)}});
  }
  return {{"members", list}};
}

bool VotingEnsemble::supports(Task task) const {
  if (task == Task::Clustering || members_.empty()) return false;
  for (const auto& m : members_)
    if (!m.estimator->supports(task)) return false;
  return true;
}

double VotingEnsemble::totalWeight() const {
  double total = 0.0;
  for (const auto& m : members_) total += m.weight;
  return total;
}

void VotingEnsemble::requireFitted() const {
  if (!fitted_) invalid("the model has not been fitted");
}

bool VotingEnsemble::wantsCodes(std::size_t member) const {
  return !codes_.identity() && EstimatorRegistry::categoriesFor(members_[member].estimator->algorithm()) ==
                                   FeatureEncoder::Categories::Codes;
}

void VotingEnsemble::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (!supports(data.task)) {
    for (std::size_t i = 0; i < members_.size(); ++i)
      if (!members_[i].estimator->supports(data.task))
        invalid(memberName(i, members_[i].estimator->algorithm()) + " cannot learn a " +
                std::string(taskName(data.task)) + " task");
    invalid("cannot learn a " + std::string(taskName(data.task)) + " task");
  }
  const auto isTree = [](const Estimator& e) {
    return EstimatorRegistry::categoriesFor(e.algorithm()) == FeatureEncoder::Categories::Codes;
  };
  bool trees = false;
  for (const auto& m : members_) trees = trees || isTree(*m.estimator);
  IndicatorCodes layout = trees ? IndicatorCodes::fromOrigins(data.x, data.origins) : IndicatorCodes{};
  std::optional<TrainingData> coded;
  if (!layout.identity()) coded = layout.codes(data);
  // Fresh members, kept only when all of them are fitted: a failure leaves the ensemble as it was.
  std::vector<Member> fitted;
  const double n = static_cast<double>(members_.size());
  for (std::size_t i = 0; i < members_.size(); ++i) {
    context.throwIfStopped();
    const std::string name = memberName(i, members_[i].estimator->algorithm());
    const double from = static_cast<double>(i) / n;
    context.progress(from, "Fitting " + name + " of " + std::to_string(members_.size()));
    auto member = members_[i].estimator->clone();
    try {
      member->fit(coded && isTree(*member) ? *coded : data, context.subRange(from, static_cast<double>(i + 1) / n));
    } catch (const Error& e) {
      throw Error(e.code(), "ensemble: " + name + ": " + e.message(), e.where(), e.value());
    }
    fitted.push_back({std::move(member), members_[i].weight});
  }
  context.throwIfStopped();
  members_ = std::move(fitted);
  codes_ = std::move(layout);
  task_ = data.task;
  classes_ = data.classCount();
  fitted_ = true;
  context.progress(1.0, "Ensemble fitted");
}

ClassProbabilities VotingEnsemble::predictProba(const FeatureMatrix& x) const {
  requireFitted();
  if (!isClassification(task_)) return Estimator::predictProba(x);  // throws Unsupported
  ClassProbabilities out{x.rows(), classes_, std::vector<double>(x.rows() * classes_, 0.0)};
  const double total = totalWeight();
  std::optional<FeatureMatrix> coded;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const Estimator& member = *members_[i].estimator;
    const double share = members_[i].weight / total;
    if (wantsCodes(i) && !coded) coded = codes_.codes(x);
    const FeatureMatrix& input = wantsCodes(i) ? *coded : x;
    ClassProbabilities p;
    try {
      p = member.predictProba(input);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::Unsupported) throw;
      // A member without probabilities votes for the class it predicts.
      const auto labels = member.predict(input);
      p = {x.rows(), classes_, std::vector<double>(x.rows() * classes_, 0.0)};
      for (std::size_t r = 0; r < labels.size() && r < x.rows(); ++r)
        if (labels[r] >= 0 && labels[r] < static_cast<double>(classes_))
          p.values[r * classes_ + static_cast<std::size_t>(labels[r])] = 1.0;
    }
    if (p.rows != x.rows() || p.classes != classes_ || p.values.size() != out.values.size())
      invalid(memberName(i, member.algorithm()) + " gives probabilities for " + std::to_string(p.classes) +
              " classes and " + std::to_string(p.rows) + " rows; the ensemble has " + std::to_string(classes_) +
              " classes and " + std::to_string(x.rows()) + " rows");
    for (std::size_t k = 0; k < out.values.size(); ++k) out.values[k] += share * p.values[k];
  }
  return out;
}

std::vector<double> VotingEnsemble::predict(const FeatureMatrix& x) const {
  requireFitted();
  std::vector<double> out(x.rows(), 0.0);
  if (isClassification(task_)) {
    const auto p = predictProba(x);
    for (std::size_t r = 0; r < p.rows; ++r) {
      std::size_t best = 0;
      for (std::size_t k = 1; k < p.classes; ++k)
        if (p.at(r, k) > p.at(r, best)) best = k;
      out[r] = static_cast<double>(best);
    }
    return out;
  }
  const double total = totalWeight();
  std::optional<FeatureMatrix> coded;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    if (wantsCodes(i) && !coded) coded = codes_.codes(x);
    const auto values = members_[i].estimator->predict(wantsCodes(i) ? *coded : x);
    if (values.size() != out.size())
      invalid(memberName(i, members_[i].estimator->algorithm()) + " predicted " + std::to_string(values.size()) +
              " values for " + std::to_string(out.size()) + " rows");
    for (std::size_t r = 0; r < out.size(); ++r) out[r] += members_[i].weight / total * values[r];
  }
  return out;
}

std::vector<double> VotingEnsemble::featureImportances() const {
  std::vector<double> out;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const Member& m = members_[i];
    // A tree member's importances are per code column: spread back over the one-hot columns.
    const auto own =
        wantsCodes(i) ? codes_.spread(m.estimator->featureImportances()) : m.estimator->featureImportances();
    if (own.empty() || (!out.empty() && own.size() != out.size())) continue;
    if (out.empty()) out.assign(own.size(), 0.0);
    for (std::size_t f = 0; f < own.size(); ++f) out[f] += m.weight * (std::isfinite(own[f]) ? own[f] : 0.0);
  }
  double sum = 0.0;
  for (double v : out) sum += v;
  if (!(sum > 0)) return {};
  for (double& v : out) v /= sum;
  return out;
}

void VotingEnsemble::save(ModelWriter& out) const {
  requireFitted();
  out.u32(taskCode(task_));
  out.u64(classes_);
  codes_.save(out);
  out.u64(members_.size());
  for (const auto& m : members_) {
    out.text(m.estimator->algorithm());
    out.json(m.estimator->parameters());
    out.f64(m.weight);
    m.estimator->save(out);
  }
}

void VotingEnsemble::load(ModelReader& in) {
  const auto start = static_cast<std::int64_t>(in.offset());
  const auto corrupt = [&](const std::string& what) {
    throw Error(ErrorCode::Parse, "ensemble model: " + what, ErrorLocation{{}, -1, -1, start});
  };
  const std::uint32_t code = in.u32();
  const std::uint64_t classes = in.u64();
  Task task = Task::Regression;
  if (code == taskCode(Task::Binary)) task = Task::Binary;
  else if (code == taskCode(Task::Multiclass)) task = Task::Multiclass;
  else if (code != taskCode(Task::Regression)) corrupt("unknown task code " + std::to_string(code));
  // As FeatureEncoder frames them: binary is two classes, multiclass three or more.
  const bool counted = task == Task::Binary       ? classes == 2
                       : task == Task::Multiclass ? classes >= 3 && classes <= kMaxClasses
                                                  : classes == 0;
  if (!counted)
    corrupt("a class count of " + std::to_string(classes) + " for a " + std::string(taskName(task)) + " task");
  IndicatorCodes codes;
  codes.load(in);
  // Each member takes at least its algorithm's and parameters' lengths and its weight: 24 bytes.
  const std::uint64_t count = in.count(kMaxMembers, 24);
  if (count != members_.size())
    corrupt("it holds " + std::to_string(count) + " members where its parameters name " +
            std::to_string(members_.size()));
  // Each member's record must agree with the parameters the ensemble was created from (those
  // were validated by the registry); its state is loaded into a fresh copy.
  std::vector<Member> loaded;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const Member& expected = members_[i];
    const std::string name = memberName(i, expected.estimator->algorithm());
    if (in.text() != expected.estimator->algorithm()) corrupt(name + ": the algorithm differs from the parameters'");
    if (in.json() != expected.estimator->parameters()) corrupt(name + ": the parameters differ from the ensemble's");
    if (in.f64() != expected.weight) corrupt(name + ": the weight differs from the parameters'");
    auto member = expected.estimator->clone();
    member->load(in);
    loaded.push_back({std::move(member), expected.weight});
  }
  members_ = std::move(loaded);
  codes_ = std::move(codes);
  task_ = task;
  classes_ = static_cast<std::size_t>(classes);
  fitted_ = true;
}

std::unique_ptr<Estimator> VotingEnsemble::clone() const {
  std::vector<Member> copies;
  for (const auto& m : members_) copies.push_back({m.estimator->clone(), m.weight});
  return std::make_unique<VotingEnsemble>(std::move(copies));
}

}  // namespace lathe::ml
