#include "widgets/panels/NodeEditingBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace lathe::widgets {

NodeEditingBanner::NodeEditingBanner(QWidget* parent)
    : QFrame(parent), text_(new QLabel(this)), apply_(new QPushButton(this)), done_(new QPushButton(this)) {
  setObjectName(QStringLiteral("nodeEditingBanner"));
  text_->setObjectName(QStringLiteral("nodeEditingText"));
  apply_->setObjectName(QStringLiteral("applyToNodeButton"));
  done_->setObjectName(QStringLiteral("doneEditingNodeButton"));
  setFrameShape(QFrame::StyledPanel);
  // The highlight colour of the palette: the dock is in another mode, and should look it.
  setAutoFillBackground(true);
  setBackgroundRole(QPalette::AlternateBase);
  text_->setWordWrap(true);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(text_, 1);
  layout->addWidget(apply_);
  layout->addWidget(done_);
  connect(apply_, &QPushButton::clicked, this, &NodeEditingBanner::applyRequested);
  connect(done_, &QPushButton::clicked, this, &NodeEditingBanner::doneRequested);
  retranslate();
  hide();
}

void NodeEditingBanner::setNodeTitle(const QString& title) {
  title_ = title;
  retranslate();
  show();
}

void NodeEditingBanner::clear() {
  title_.clear();
  hide();
}

void NodeEditingBanner::setApplyVisible(bool visible) { apply_->setVisible(visible); }

QString NodeEditingBanner::text() const { return text_->text(); }

void NodeEditingBanner::retranslate() {
  text_->setText(tr("Editing the pipeline node “%1”").arg(title_));
  apply_->setText(tr("Apply to node"));
  apply_->setToolTip(tr("Save these choices to the node (undoable); the node runs again on the next run"));
  done_->setText(tr("Done"));
  done_->setToolTip(tr("Save what changed to the node and go back to the dataset"));
}

void NodeEditingBanner::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QFrame::changeEvent(event);
}

}  // namespace lathe::widgets
