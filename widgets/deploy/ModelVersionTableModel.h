#pragma once
#include <QAbstractItemModel>
#include <QHash>
#include <QString>
#include <string>
#include <vector>

#include "engine/deploy/ModelVersionInfo.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::widgets {

// The registry as a two-level tree: each model name, then its versions newest first, with the
// alias, the run it came from, algorithm, task, the project's KPI metric on the version's
// headline split, the decision threshold and when it was registered. It formats what it is
// given and computes nothing else.
class ModelVersionTableModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column {
    NameColumn,
    AliasColumn,
    RunColumn,
    AlgorithmColumn,
    TaskColumn,
    KpiColumn,
    ThresholdColumn,
    RegisteredColumn,
    ColumnCount
  };
  // The version id of a version row (qint64); 0 on a model row.
  static constexpr int VersionIdRole = Qt::UserRole + 1;
  // The alias as stored ("", "candidate", "production", "archived"), for the badge.
  static constexpr int AliasRole = Qt::UserRole + 2;

  explicit ModelVersionTableModel(QObject* parent = nullptr);

  // `runNames` names the runs still in the project; a version whose run is gone shows its id.
  void setVersions(std::vector<deploy::ModelVersionInfo> versions, store::Kpi kpi, QHash<qint64, QString> runNames = {});
  const std::vector<deploy::ModelVersionInfo>& versions() const { return versions_; }
  // The version a row shows; null for a model row or an invalid index.
  const deploy::ModelVersionInfo* versionAt(const QModelIndex& index) const;
  const deploy::ModelVersionInfo* version(qint64 id) const;
  // The model's version in production, or null.
  const deploy::ModelVersionInfo* production(const std::string& model) const;
  QModelIndex indexOfVersion(qint64 id) const;
  QModelIndex indexOfModel(const std::string& model) const;
  // The metric the KPI column shows for a version of `task`: the project's KPI, else the task's
  // headline metric (roc_auc, accuracy, r2).
  std::string kpiMetricFor(const std::string& task) const;

  // The split a version is judged on: test, else validation, else cross-validation (as
  // `lathe runs` does: a registered model is judged on rows it never learned from). "" if none.
  static std::string headlineSplit(const nlohmann::json& metrics);
  // An alias in the user's language ("" reads "none").
  static QString aliasText(const std::string& alias);

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // The texts follow the UI language.
  void retranslate();

 private:
  struct Group {
    std::string name;
    std::vector<std::size_t> rows;  // into versions_, newest version first
  };
  QVariant modelData(const Group& group, int column, int role) const;
  QVariant versionData(const deploy::ModelVersionInfo& info, int column, int role) const;
  double kpiValue(const deploy::ModelVersionInfo& info, std::string* split) const;

  std::vector<deploy::ModelVersionInfo> versions_;
  std::vector<Group> groups_;
  store::Kpi kpi_;
  QHash<qint64, QString> runNames_;
};

}  // namespace lathe::widgets
