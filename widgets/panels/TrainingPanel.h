#pragma once
#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace lathe::widgets {

class HyperparameterForm;
class NodeEditingBanner;

// An algorithm the panel offers: its registry name, its default hyperparameters (the engine's)
// and the problem types it can learn ("binary", "multiclass", "regression").
struct TrainingAlgorithm {
  QString id;
  nlohmann::json defaults;
  QStringList tasks;
};

// How the panel asks to judge a model.
struct TrainingValidation {
  bool crossValidation = true;
  int folds = 5;
  double testFraction = 0.25;
  double validationFraction = 0.0;
  quint64 seed = 0;
};

// The Training dock: the data (a dataset version, the target, the problem type, detected or
// chosen), the algorithm and its hyperparameters, the validation scheme, and Train / Cancel with
// the job's progress and a live curve of what the job reports (loss per epoch, score per fold).
// It trains nothing itself: it emits trainRequested and the caller reads the choices.
class TrainingPanel : public QWidget {
  Q_OBJECT
 public:
  enum class TargetKind { Detect, Classes, Values };

  explicit TrainingPanel(QWidget* parent = nullptr);

  // (version id, "credit-g v1"); keeps the selection while it is offered. Emits nothing.
  void setDatasets(const QList<QPair<qint64, QString>>& versions, qint64 current);
  // The columns of the chosen dataset; keeps the target while it is one of them, else picks
  // `suggestedTarget` (or the last column). Emits nothing.
  void setColumns(const QStringList& columns, const QString& suggestedTarget = {});
  void setAlgorithms(std::vector<TrainingAlgorithm> algorithms);
  // What the engine detected for the target ("binary", "multiclass", "regression"; empty: unknown).
  void setDetectedTask(const QString& task);
  // The problem type the algorithm list follows: the chosen one, else the detected one.
  QString effectiveTask() const;

  qint64 datasetVersionId() const;
  QString target() const;
  TargetKind targetKind() const;
  QString algorithm() const;
  // The hyperparameters changed from their defaults, plus impute when missing values are filled.
  nlohmann::json parameters() const;
  // Why the current choices cannot train (a bad hyperparameter, no target), else empty.
  QString problem() const;
  TrainingValidation validation() const;
  bool learningCurve() const;
  QString runName() const;

  // While running: Train disabled, Cancel enabled, the bar and the curve follow the job.
  void setRunning(bool running);
  bool isRunning() const { return running_; }
  void setProgress(double fraction, const QString& message);
  // A point of the live curve (series "loss", "fold score"...); a point whose x goes back
  // starts that series again (the next fit).
  void addCurvePoint(const QString& series, double x, double y);
  int curvePointCount() const;
  void setStatus(const QString& text);
  QString status() const;

  void setAlgorithm(const QString& id);
  void setTarget(const QString& column);
  void setTargetKind(TargetKind kind);
  void setValidationIndex(int index);
  // Shows a scheme; one the list does not offer becomes an extra entry rather than being lost.
  void setValidation(const TrainingValidation& validation);
  // The algorithm's parameters as parameters() gives them ("impute" included).
  void setParameters(const nlohmann::json& values);
  void setSeed(quint64 seed);
  void setLearningCurve(bool on);

  // While the choices are a pipeline Train node's: the banner on top, no Train, no dataset pick.
  void setNodeEditing(const QString& nodeTitle);
  void clearNodeEditing();
  bool isEditingNode() const;
  NodeEditingBanner* nodeBanner() const { return banner_; }

 signals:
  void trainRequested();
  void cancelRequested();
  void datasetChanged(qint64 versionId);
  // The target or the chosen problem type changed: the caller detects the task again.
  void targetChanged();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fillAlgorithms();
  void showAlgorithm();
  static QString validationText(const TrainingValidation& validation);

  QComboBox* dataset_;
  QComboBox* target_;
  QComboBox* kind_;
  QLabel* detected_;
  QComboBox* algorithm_;
  QLabel* algorithmHelp_;
  HyperparameterForm* form_;
  QCheckBox* impute_;
  QComboBox* validation_;
  QSpinBox* seed_;
  QCheckBox* learningCurve_;
  QLineEdit* runName_;
  QPushButton* train_;
  QPushButton* cancel_;
  QProgressBar* progress_;
  QLabel* status_;
  QCustomPlot* curve_;
  NodeEditingBanner* banner_;
  std::optional<TrainingValidation> customValidation_;
  QList<QLabel*> labels_;
  std::vector<TrainingAlgorithm> algorithms_;
  QString detectedTask_;
  bool running_ = false;
};

}  // namespace lathe::widgets
