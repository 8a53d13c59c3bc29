#include "widgets/jobs/JobStatusWidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <cmath>

namespace lathe::widgets {

JobStatusWidget::JobStatusWidget(QWidget* parent)
    : QWidget(parent), label_(new QLabel(this)), bar_(new QProgressBar(this)),
      cancel_(new QToolButton(this)) {
  bar_->setRange(0, 100);
  bar_->setFixedWidth(160);
  bar_->setMaximumHeight(16);
  bar_->setTextVisible(true);
  cancel_->setObjectName(QStringLiteral("cancelJobsButton"));
  cancel_->setAutoRaise(true);
  cancel_->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 0, 4, 0);
  layout->setSpacing(6);
  layout->addWidget(label_);
  layout->addWidget(bar_);
  layout->addWidget(cancel_);
  connect(cancel_, &QToolButton::clicked, this, [this] {
    QVector<quint64> ids;
    for (const auto& job : jobs_) ids.push_back(job.id);
    if (!ids.isEmpty()) emit cancelRequested(ids);
  });
  refresh();
}

void JobStatusWidget::setJobs(const QVector<JobStatus>& jobs) {
  jobs_ = jobs;
  refresh();
}

QString JobStatusWidget::summaryText() const { return label_->text(); }

int JobStatusWidget::progressPercent() const { return jobs_.isEmpty() ? -1 : bar_->value(); }

void JobStatusWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) refresh();
  QWidget::changeEvent(event);
}

void JobStatusWidget::refresh() {
  const bool busy = !jobs_.isEmpty();
  bar_->setVisible(busy);
  cancel_->setVisible(busy);
  if (!busy) {
    label_->setText(tr("Ready"));
    return;
  }
  const JobStatus& first = jobs_.front();
  QString text = first.message.isEmpty() ? first.title : tr("%1: %2").arg(first.title, first.message);
  if (jobs_.size() > 1) text += QLatin1Char(' ') + tr("(+%n more)", nullptr, int(jobs_.size() - 1));
  label_->setText(text);
  bar_->setValue(static_cast<int>(std::lround(first.fraction * 100.0)));
  cancel_->setToolTip(jobs_.size() > 1 ? tr("Cancel all running jobs") : tr("Cancel %1").arg(first.title));
}

}  // namespace lathe::widgets
