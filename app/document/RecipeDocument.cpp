#include "app/document/RecipeDocument.h"

#include "engine/wrangle/StepRegistry.h"

namespace lathe::app {

RecipeDocument::RecipeDocument(QObject* parent) : QObject(parent) {}

void RecipeDocument::reset(qint64 versionId) {
  recipe_ = wrangle::Recipe();
  versionId_ = versionId;
  emit changed();
}

void RecipeDocument::restore(qint64 versionId, wrangle::Recipe recipe) {
  recipe_ = std::move(recipe);
  versionId_ = versionId;
  emit changed();
}

std::string RecipeDocument::kindAt(int index) const { return recipe_.at(static_cast<std::size_t>(index)).step->kind(); }

nlohmann::json RecipeDocument::parametersAt(int index) const {
  return recipe_.at(static_cast<std::size_t>(index)).step->parameters();
}

bool RecipeDocument::enabledAt(int index) const { return recipe_.at(static_cast<std::size_t>(index)).enabled; }

void RecipeDocument::insertStep(int index, const std::string& kind, const nlohmann::json& parameters, bool enabled) {
  auto step = wrangle::StepRegistry::create(kind, parameters);  // validates before anything changes
  recipe_.insert(static_cast<std::size_t>(index), std::move(step), enabled);
  emit changed();
}

void RecipeDocument::removeStep(int index) {
  recipe_.remove(static_cast<std::size_t>(index));
  emit changed();
}

void RecipeDocument::moveStep(int from, int to) {
  recipe_.move(static_cast<std::size_t>(from), static_cast<std::size_t>(to));
  emit changed();
}

void RecipeDocument::setEnabled(int index, bool enabled) {
  recipe_.setEnabled(static_cast<std::size_t>(index), enabled);
  emit changed();
}

void RecipeDocument::setParameters(int index, const nlohmann::json& parameters) {
  auto step = wrangle::StepRegistry::create(kindAt(index), parameters);
  recipe_.replace(static_cast<std::size_t>(index), std::move(step));
  emit changed();
}

}  // namespace lathe::app
