#pragma once
#include <QStackedWidget>

namespace lathe::widgets {

class EmptyStatePanel;

// A pane that shows an EmptyStatePanel until it has content, then the content.
class PlaceholderStack : public QStackedWidget {
  Q_OBJECT
 public:
  explicit PlaceholderStack(QWidget* content = nullptr, QWidget* parent = nullptr);

  EmptyStatePanel* placeholder() const { return placeholder_; }
  QWidget* content() const { return content_; }
  void setContent(QWidget* content);
  void showContent(bool show);
  bool isShowingContent() const;

 private:
  EmptyStatePanel* placeholder_;
  QWidget* content_ = nullptr;
};

}  // namespace lathe::widgets
