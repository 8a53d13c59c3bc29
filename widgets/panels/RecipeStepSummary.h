#pragma once
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::widgets {

// What a recipe step does, in one line of the user's language, built from its kind and
// parameters ("Body Mass (g) with the mean", "keep rows where [Sex] = \"female\""). The Recipe
// panel shows it after the step's title; the engine's English describe() stays for logs.
class RecipeStepSummary {
  Q_DECLARE_TR_FUNCTIONS(RecipeStepSummary)

 public:
  // (dataset version id, "penguins v2"), as RecipePanel::setDatasetVersions gets them.
  using DatasetVersions = QList<QPair<qint64, QString>>;

  // Long names are shortened to this many characters, and the whole line to kMaxLength, so a
  // 100,000-character column name cannot make a row (or its tooltip) enormous.
  static constexpr int kMaxNameLength = 40;
  static constexpr int kMaxLength = 240;

  // Empty for a kind this build does not know (a step from a newer Lathe). Never throws,
  // whatever shape the parameters have: what cannot be read is left out.
  static QString text(const std::string& kind, const nlohmann::json& parameters,
                      const DatasetVersions& datasets = {});
  // "A", "A, B, C", or "5 columns: A, B, C +2 more"; "no columns" for none.
  static QString columnList(const QStringList& names);
  // The dataset version's name ("penguins v2"), or "dataset version 7" when it is not listed.
  static QString datasetName(qint64 versionId, const DatasetVersions& datasets);
  // `text` cut to `max` characters with "…" (never between the halves of a surrogate pair).
  static QString elide(const QString& text, int max);

 private:
  // Each knows a group of kinds and returns nothing for the others.
  static std::optional<QString> columnsPart(const std::string& kind, const nlohmann::json& parameters);
  static std::optional<QString> featurePart(const std::string& kind, const nlohmann::json& parameters);
  static std::optional<QString> rowsPart(const std::string& kind, const nlohmann::json& parameters,
                                         const DatasetVersions& datasets);
};

}  // namespace lathe::widgets
