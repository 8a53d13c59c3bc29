#pragma once
#include <QList>
#include <QObject>

namespace lathe::widgets {
class ExperimentsPanel;
class RunComparisonPanel;
}  // namespace lathe::widgets

namespace lathe::app {

class ProjectDocument;

// Drives the Experiments and Comparison docks: lists the project's runs (again whenever the
// project changes), turns rename, tags, candidate and delete into undoable commands, and fills
// the comparison with the runs the user compares (two or more) with the project's KPI.
class ExperimentsController : public QObject {
  Q_OBJECT
 public:
  ExperimentsController(ProjectDocument* document, widgets::ExperimentsPanel* panel,
                        widgets::RunComparisonPanel* comparison, QObject* parent = nullptr);

  void refresh();
  void compare(const QList<qint64>& ids);
  const QList<qint64>& comparedRuns() const { return compared_; }
  // The comparison shown as an HTML or PDF report (by the suffix); an error message or empty.
  QString exportReport(const QString& path) const;

 signals:
  // A comparison was drawn: the window brings its dock to the front.
  void compared(const QList<qint64>& ids);

 private:
  QString runName(qint64 id) const;

  ProjectDocument* document_;
  widgets::ExperimentsPanel* panel_;
  widgets::RunComparisonPanel* comparison_;
  // Fills the comparison; false when it failed (reported). compare() also emits compared, so
  // the window brings the comparison forward; a refresh after the runs changed does not.
  bool fillComparison(const QList<qint64>& ids);

  QList<qint64> compared_;
};

}  // namespace lathe::app
