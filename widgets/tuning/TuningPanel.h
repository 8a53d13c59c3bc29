#pragma once
#include <QList>
#include <QPair>
#include <QWidget>

#include "engine/tune/TuningHistory.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace lathe::widgets {

class NodeEditingBanner;
class TuningForm;
class TuningResultsView;

// The Tuning dock: on the left the dataset and the search's choices (TuningForm) with Start,
// Cancel and the progress of a running search; on the right the searches the project holds,
// Resume for one that was stopped, and what the shown one found (TuningResultsView). While it
// edits a pipeline's Tune or AutoML node a banner names the node and the dataset, Start and
// the list of searches step aside.
class TuningPanel : public QWidget {
  Q_OBJECT
 public:
  explicit TuningPanel(QWidget* parent = nullptr);

  TuningForm* form() const { return form_; }
  TuningResultsView* results() const { return results_; }
  NodeEditingBanner* nodeBanner() const { return banner_; }

  void setDatasets(const QList<QPair<qint64, QString>>& versions, qint64 current);
  qint64 datasetVersionId() const;
  QString datasetName() const;

  // The project's searches, newest first: (id, label, whether it can be resumed).
  struct SearchEntry {
    qint64 id = 0;
    QString label;
    bool resumable = false;
  };
  void setSearches(const QList<SearchEntry>& searches, qint64 shown);
  qint64 shownSearch() const;
  void setHistory(const tune::TuningHistory& history);

  void setRunning(bool running);
  bool isRunning() const { return running_; }
  void setProgress(double fraction, const QString& message);
  void setStatus(const QString& text);
  QString status() const;

  void setNodeEditing(const QString& nodeTitle, bool automl);
  void clearNodeEditing();

  QPushButton* startButton() const { return start_; }
  QPushButton* cancelButton() const { return cancel_; }
  QPushButton* resumeButton() const { return resume_; }
  QPushButton* bestRunButton() const { return bestRun_; }
  QPushButton* compareButton() const { return compare_; }
  QComboBox* searchBox() const { return searches_; }

 signals:
  void startRequested();
  void cancelRequested();
  void resumeRequested(qint64 tuningId);
  void searchChosen(qint64 tuningId);
  void datasetChanged(qint64 versionId);
  void runRequested(qint64 runId);
  // Compare Top Models: the best runs (TuningResultsView::topRuns) side by side.
  void compareRequested(const QList<qint64>& runIds);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void updateButtons();

  NodeEditingBanner* banner_;
  QLabel* datasetLabel_;
  QComboBox* dataset_;
  TuningForm* form_;
  QPushButton* start_;
  QPushButton* cancel_;
  QProgressBar* progress_;
  QLabel* status_;
  QLabel* searchLabel_;
  QComboBox* searches_;
  QPushButton* resume_;
  QPushButton* bestRun_;
  QPushButton* compare_;
  TuningResultsView* results_;
  QList<SearchEntry> entries_;
  qint64 bestRunId_ = 0;
  bool running_ = false;
  bool editingNode_ = false;
};

}  // namespace lathe::widgets
