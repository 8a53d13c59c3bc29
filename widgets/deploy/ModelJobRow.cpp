#include "widgets/deploy/ModelJobRow.h"

#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <algorithm>

namespace lathe::widgets {

ModelJobRow::ModelJobRow(QWidget* parent)
    : QWidget(parent),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      openFolder_(new QPushButton(this)),
      cancel_(new QPushButton(this)) {
  status_->setObjectName(QStringLiteral("modelsStatus"));
  progress_->setObjectName(QStringLiteral("modelsProgress"));
  openFolder_->setObjectName(QStringLiteral("openFolderButton"));
  cancel_->setObjectName(QStringLiteral("modelsCancel"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  progress_->setMaximumWidth(220);
  progress_->hide();
  cancel_->hide();
  openFolder_->hide();
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(progress_);
  layout->addWidget(status_, 1);
  layout->addWidget(openFolder_);
  layout->addWidget(cancel_);
  connect(cancel_, &QPushButton::clicked, this, &ModelJobRow::cancelRequested);
  connect(openFolder_, &QPushButton::clicked, this, [this] {
    if (!folder_.isEmpty()) QDesktopServices::openUrl(QUrl::fromLocalFile(folder_));
  });
  retranslate();
}

void ModelJobRow::setRunning(bool running) {
  running_ = running;
  progress_->setVisible(running);
  cancel_->setVisible(running);
  if (running) {
    progress_->setValue(0);
    offerFolder({});
  }
}

void ModelJobRow::setProgress(double fraction, const QString& message) {
  progress_->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
  if (!message.isEmpty()) status_->setText(message);
}

void ModelJobRow::setStatus(const QString& text) { status_->setText(text); }

QString ModelJobRow::status() const { return status_->text(); }

void ModelJobRow::offerFolder(const QString& folder) {
  folder_ = folder;
  openFolder_->setVisible(!folder.isEmpty());
}

void ModelJobRow::retranslate() {
  openFolder_->setText(tr("Open Folder"));
  cancel_->setText(tr("Cancel"));
}

void ModelJobRow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace lathe::widgets
