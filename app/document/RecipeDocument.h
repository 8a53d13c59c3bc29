#pragma once
#include <QObject>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/wrangle/Recipe.h"

namespace lathe::app {

// The recipe being edited in the Recipe dock, for one dataset version. Edits go through the
// undo commands (app/commands/*RecipeStep*), which call the methods below; each emits changed().
// Steps are rebuilt from kind + parameters through StepRegistry, so a command holds JSON, never
// a step object. The methods throw lathe::Error for bad parameters or indexes, changing nothing.
class RecipeDocument : public QObject {
  Q_OBJECT
 public:
  explicit RecipeDocument(QObject* parent = nullptr);

  // Starts an empty recipe for `versionId`; commands made for another version do nothing.
  void reset(qint64 versionId);
  // Starts editing `recipe` (a draft kept in the project) for `versionId`.
  void restore(qint64 versionId, wrangle::Recipe recipe);
  qint64 versionId() const { return versionId_; }
  const wrangle::Recipe& recipe() const { return recipe_; }
  int size() const { return static_cast<int>(recipe_.size()); }

  std::string kindAt(int index) const;
  nlohmann::json parametersAt(int index) const;
  bool enabledAt(int index) const;

  void insertStep(int index, const std::string& kind, const nlohmann::json& parameters, bool enabled = true);
  void removeStep(int index);
  void moveStep(int from, int to);
  void setEnabled(int index, bool enabled);
  void setParameters(int index, const nlohmann::json& parameters);

 signals:
  void changed();

 private:
  wrangle::Recipe recipe_;
  qint64 versionId_ = 0;
};

}  // namespace lathe::app
