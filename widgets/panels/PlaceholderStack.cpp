#include "widgets/panels/PlaceholderStack.h"

#include "widgets/panels/EmptyStatePanel.h"

namespace lathe::widgets {

PlaceholderStack::PlaceholderStack(QWidget* content, QWidget* parent)
    : QStackedWidget(parent), placeholder_(new EmptyStatePanel(this)) {
  addWidget(placeholder_);
  if (content) setContent(content);
}

void PlaceholderStack::setContent(QWidget* content) {
  if (content_) {
    removeWidget(content_);
    content_->deleteLater();
  }
  content_ = content;
  addWidget(content_);
}

void PlaceholderStack::showContent(bool show) {
  setCurrentWidget(show && content_ ? content_ : static_cast<QWidget*>(placeholder_));
}

bool PlaceholderStack::isShowingContent() const { return content_ && currentWidget() == content_; }

}  // namespace lathe::widgets
