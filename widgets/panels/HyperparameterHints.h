#pragma once
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace lathe::widgets {

// What the training panel says about a hyperparameter: a tooltip in the user's language, the
// range a spin box allows, and the choices of a text parameter. The defaults are the engine's
// (Estimator::parameters()); this only explains and bounds them.
struct HyperparameterHint {
  QString toolTip;
  std::optional<double> minimum;
  std::optional<double> maximum;
  QStringList choices;  // engine values, for a parameter taking one of a few words
};

class HyperparameterHints {
  Q_DECLARE_TR_FUNCTIONS(HyperparameterHints)

 public:
  // The hint for `key` of `algorithm` (the registry names); an unknown key gets an empty hint.
  static HyperparameterHint hint(const QString& algorithm, const QString& key);
  // The algorithm as users call it ("Logistic regression") and a one-line description.
  static QString algorithmLabel(const QString& algorithm);
  static QString algorithmToolTip(const QString& algorithm);
};

}  // namespace lathe::widgets
