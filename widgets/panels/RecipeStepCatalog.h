#pragma once
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::widgets {

// One value a choice parameter may take: what the engine reads, and what the user reads.
struct RecipeChoice {
  std::string value;  // the engine's value ("mean"); never shown
  QString label;      // translated ("Mean", "평균")
};

// One parameter of a step kind as the recipe panel edits it: the JSON key the engine's factory
// reads, what the user sees, and which editor fits it.
struct RecipeParameterSpec {
  // Choices: several of `choices` (a check list; absent = the engine's default, all of them).
  // Range: [low, high], two numbers. Dataset: a dataset version's id, picked by name.
  // RightKeys: the other dataset's key column for each of "on" (absent = the same names).
  enum class Kind { Columns, Column, Choice, Choices, Number, Integer, Text, Formula, Bool, Renames, Range, Dataset, RightKeys };
  std::string key;
  QString label;
  Kind kind = Kind::Text;
  std::vector<RecipeChoice> choices;  // Choice and Choices: in the order shown
  nlohmann::json defaultValue;        // null: none (the user must fill it in, or it is optional)
  bool optional = false;              // may be left out of the parameters
};

// One step kind: its title and group in the Add step menu, and its parameters.
struct RecipeStepSpec {
  std::string kind;
  QString title;
  QString group;
  std::vector<RecipeParameterSpec> parameters;
};

// Every step kind the engine registers (CoreSteps.cpp, FeatureSteps.cpp), described for the
// GUI. Built on each call so titles follow the current UI language.
class RecipeStepCatalog {
  Q_DECLARE_TR_FUNCTIONS(RecipeStepCatalog)

 public:
  static std::vector<RecipeStepSpec> steps();
  // The groups in menu order.
  static QStringList groups();
  // Null when the kind is unknown (a step from a newer Lathe).
  static const RecipeStepSpec* find(const std::vector<RecipeStepSpec>& steps, const std::string& kind);
  static const RecipeParameterSpec* findParameter(const RecipeStepSpec& step, const std::string& key);
  // The kind's title, or the kind itself when unknown.
  static QString title(const std::string& kind);
  // The translated label of `value` of choice parameter `key` of `kind`, or `value` itself
  // when the catalog has no such choice.
  static QString choiceLabel(const std::string& kind, const std::string& key, const std::string& value);
  // Parameters for a new step: every default, and the first of `columns` where a column is
  // required, so a fresh step is valid on most tables.
  static nlohmann::json defaultParameters(const std::string& kind, const QStringList& columns);
};

}  // namespace lathe::widgets
