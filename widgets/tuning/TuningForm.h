#pragma once
#include <QWidget>

#include "widgets/tuning/TuningSettings.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace lathe::widgets {

// The choices of a search: AutoML or one algorithm, the target, the strategy, the budgets, the
// folds, the objective and the seed. Rows that do not apply to the mode are hidden. It only
// holds values; the controller turns them into a job or a node's parameters.
class TuningForm : public QWidget {
  Q_OBJECT
 public:
  explicit TuningForm(QWidget* parent = nullptr);

  // The algorithms that can be tuned, by registry name (shown with their labels).
  void setAlgorithms(const QStringList& algorithms);
  // The columns the target can be; keeps the shown target if it is still there.
  void setColumns(const QStringList& columns, const QString& suggestedTarget = {});

  TuningSettings settings() const;
  void setSettings(const TuningSettings& settings);
  void setAutoMl(bool automl);
  // Node editors fix the mode (a Tune node tunes, an AutoML node runs AutoML).
  void setModeLocked(bool locked);

  QComboBox* modeBox() const { return mode_; }
  QComboBox* targetBox() const { return target_; }
  QComboBox* algorithmBox() const { return algorithm_; }
  QSpinBox* trialsBox() const { return trials_; }
  QSpinBox* budgetBox() const { return budget_; }

 signals:
  void changed();
  void modeChanged(bool automl);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void updateRows();

  QFormLayout* form_;
  QComboBox* mode_;
  QComboBox* target_;
  QComboBox* algorithm_;
  QComboBox* strategy_;
  QComboBox* objective_;
  QSpinBox* trials_;
  QSpinBox* budget_;
  QSpinBox* folds_;
  QSpinBox* parallel_;
  QSpinBox* seed_;
  QCheckBox* pruning_;
  QCheckBox* ensemble_;
  QLineEdit* name_;
};

}  // namespace lathe::widgets
