#include "app/desktop/ExperimentsController.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QUndoStack>

#include "app/commands/DeleteRunCommand.h"
#include "app/commands/MarkCandidateRunCommand.h"
#include "app/commands/RenameRunCommand.h"
#include "app/commands/SetRunTagsCommand.h"
#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"
#include "engine/experiments/BusinessValueCurve.h"
#include "engine/experiments/ParallelCoordinates.h"
#include "engine/experiments/RunComparison.h"
#include "widgets/panels/ComparisonReport.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/RunComparisonPanel.h"

namespace lathe::app {

ExperimentsController::ExperimentsController(ProjectDocument* document, widgets::ExperimentsPanel* panel,
                                             widgets::RunComparisonPanel* comparison, QObject* parent)
    : QObject(parent), document_(document), panel_(panel), comparison_(comparison) {
  connect(document_, &ProjectDocument::contentChanged, this, &ExperimentsController::refresh);
  connect(document_, &ProjectDocument::projectChanged, this, &ExperimentsController::refresh);
  connect(panel_, &widgets::ExperimentsPanel::compareRequested, this, &ExperimentsController::compare);
  connect(comparison_, &widgets::RunComparisonPanel::reportRequested, this, [this] {
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("experiments/reportFolder")).toString();
    const QString path = QFileDialog::getSaveFileName(comparison_, tr("Export Report"),
                                                      QDir(folder).filePath(QStringLiteral("comparison.html")),
                                                      widgets::ComparisonReport::fileFilter());
    if (path.isEmpty()) return;
    settings.setValue(QStringLiteral("experiments/reportFolder"), QFileInfo(path).absolutePath());
    if (const QString error = exportReport(path); !error.isEmpty()) document_->reportFailure(tr("Export report"), error);
  });
  connect(panel_, &widgets::ExperimentsPanel::renameRequested, this, [this](qint64 id, const QString& name) {
    const QString before = runName(id);
    if (!name.trimmed().isEmpty() && name != before)
      document_->undoStack()->push(new RenameRunCommand(document_, id, before, name.trimmed()));
  });
  connect(panel_, &widgets::ExperimentsPanel::tagsRequested, this, [this](qint64 id, const QStringList& tags) {
    QStringList before;
    if (const auto run = document_->run(id))
      for (const auto& tag : run->tags) before << QString::fromStdString(tag);
    if (before != tags) document_->undoStack()->push(new SetRunTagsCommand(document_, id, runName(id), before, tags));
  });
  connect(panel_, &widgets::ExperimentsPanel::candidateRequested, this, [this](qint64 id, bool candidate) {
    qint64 previous = 0;
    for (const auto& run : document_->runs())
      if (run.candidate) previous = run.id;
    document_->undoStack()->push(new MarkCandidateRunCommand(document_, id, runName(id), candidate, previous));
  });
  connect(panel_, &widgets::ExperimentsPanel::deleteRequested, this, [this](const QList<qint64>& ids) {
    if (ids.isEmpty()) return;
    auto* stack = document_->undoStack();
    // Several runs deleted at once are one step of the history.
    stack->beginMacro(tr("Delete %n run(s)", nullptr, int(ids.size())));
    for (qint64 id : ids) stack->push(new DeleteRunCommand(document_, id, runName(id)));
    stack->endMacro();
  });
}

QString ExperimentsController::exportReport(const QString& path) const {
  if (compared_.size() < 2) return tr("Compare two or more runs first.");
  return widgets::ComparisonReport(*comparison_, document_->displayName()).save(path);
}

QString ExperimentsController::runName(qint64 id) const {
  const auto run = document_->run(id);
  return run ? QString::fromStdString(run->name) : QString();
}

void ExperimentsController::refresh() {
  if (!document_->hasProject()) {
    panel_->setRuns({});
    comparison_->clear();
    compared_.clear();
    return;
  }
  std::vector<store::RunSummary> runs;
  try {
    runs = document_->runs();
    panel_->setKpi(document_->info().kpi);
  } catch (const Error& e) {
    document_->reportFailure(tr("List runs"), QString::fromStdString(e.message()));
    return;
  }
  // The comparison follows renames and deletions of the runs it shows.
  QList<qint64> still;
  for (const auto& run : runs)
    if (compared_.contains(run.id)) still << run.id;
  panel_->setRuns(std::move(runs));
  if (!compared_.isEmpty()) {
    if (still.size() >= 2) fillComparison(still);
    else {
      compared_.clear();
      comparison_->clear();
    }
  }
}

void ExperimentsController::compare(const QList<qint64>& ids) {
  if (fillComparison(ids)) emit compared(ids);
}

bool ExperimentsController::fillComparison(const QList<qint64>& ids) {
  std::vector<store::ExperimentRun> runs;
  try {
    for (qint64 id : ids)
      if (auto run = document_->run(id)) runs.push_back(std::move(*run));
    compared_ = ids;
    const store::ProjectInfo info = document_->info();
    comparison_->setComparison(experiments::RunComparison::of(runs, info.kpi), runs);
    std::vector<widgets::BusinessValueSeries> value;
    for (const auto& run : runs)
      if (auto curve = experiments::BusinessValueCurve::of(run, info.costs, info.kpi))
        value.push_back({QString::fromStdString(run.name), std::move(*curve)});
    comparison_->setBusinessValue(std::move(value), info.kpi, info.costs);
    comparison_->setHyperparameters(experiments::ParallelCoordinates::of(runs));
  } catch (const Error& e) {
    document_->reportFailure(tr("Compare runs"), QString::fromStdString(e.message()));
    return false;
  }
  return true;
}

}  // namespace lathe::app
