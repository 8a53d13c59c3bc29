#include "engine/store/ProjectInfoRepository.h"

#include <cmath>

#include "engine/core/Error.h"
#include "engine/store/Database.h"
#include "engine/store/Timestamp.h"
#include "engine/store/Transaction.h"

namespace lathe::store {
namespace {

void validate(const ProjectInfo& info) {
  if (info.name.empty()) throw Error(ErrorCode::InvalidArgument, "a project needs a name");
  const auto finite = [](const std::optional<double>& value) { return !value || std::isfinite(*value); };
  if (!finite(info.kpi.target)) throw Error(ErrorCode::InvalidArgument, "the KPI target must be a finite number");
  const CostMatrix& c = info.costs;
  if (!finite(c.truePositive) || !finite(c.falsePositive) || !finite(c.falseNegative) || !finite(c.trueNegative))
    throw Error(ErrorCode::InvalidArgument, "the values of the cost matrix must be finite numbers");
}

// Binds every user field as ?1..?11 in the order the statements below list them.
void bindFields(Statement& statement, const ProjectInfo& info) {
  statement.bind(1, info.name)
      .bind(2, info.description)
      .bind(3, info.goal)
      .bind(4, info.kpi.metric)
      .bind(5, info.kpi.higherIsBetter ? "maximize" : "minimize")
      .bind(6, info.kpi.target)
      .bind(7, info.costs.truePositive)
      .bind(8, info.costs.falsePositive)
      .bind(9, info.costs.falseNegative)
      .bind(10, info.costs.trueNegative)
      .bind(11, timestampNow());
}

}  // namespace

ProjectInfo ProjectInfoRepository::load() {
  Statement statement = db_.prepare(
      "SELECT name, description, goal, kpi_metric, kpi_direction, kpi_target, value_tp, value_fp, value_fn, "
      "value_tn, created_at, modified_at FROM project WHERE id = 1");
  if (!statement.step()) throw Error(ErrorCode::Corrupt, "the project has no description row", {db_.path()});
  ProjectInfo info;
  info.name = statement.text(0);
  info.description = statement.text(1);
  info.goal = statement.text(2);
  info.kpi.metric = statement.text(3);
  info.kpi.higherIsBetter = statement.text(4) != "minimize";
  info.kpi.target = statement.optionalReal(5);
  info.costs.truePositive = statement.optionalReal(6);
  info.costs.falsePositive = statement.optionalReal(7);
  info.costs.falseNegative = statement.optionalReal(8);
  info.costs.trueNegative = statement.optionalReal(9);
  info.createdAt = statement.text(10);
  info.modifiedAt = statement.text(11);
  return info;
}

void ProjectInfoRepository::save(const ProjectInfo& info) {
  validate(info);
  Transaction transaction(db_);
  Statement statement = db_.prepare(
      "UPDATE project SET name = ?1, description = ?2, goal = ?3, kpi_metric = ?4, kpi_direction = ?5, "
      "kpi_target = ?6, value_tp = ?7, value_fp = ?8, value_fn = ?9, value_tn = ?10, modified_at = ?11 "
      "WHERE id = 1");
  bindFields(statement, info);
  statement.run();
  transaction.commit();
}

void ProjectInfoRepository::insert(const ProjectInfo& info) {
  validate(info);
  Statement statement = db_.prepare(
      "INSERT INTO project (id, name, description, goal, kpi_metric, kpi_direction, kpi_target, value_tp, "
      "value_fp, value_fn, value_tn, modified_at, created_at) "
      "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)");
  bindFields(statement, info);
  statement.run();
}

}  // namespace lathe::store
