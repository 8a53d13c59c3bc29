#pragma once
#include <QWidget>

class QLabel;
class QVBoxLayout;
class QAction;

namespace lathe::widgets {

// What an empty pane shows instead of blank space: a title, a sentence on what to do next, and
// optional buttons bound to the actions that do it.
class EmptyStatePanel : public QWidget {
  Q_OBJECT
 public:
  explicit EmptyStatePanel(QWidget* parent = nullptr);

  void setTitle(const QString& title);
  void setText(const QString& text);
  QString title() const;
  QString text() const;
  // Adds a button that triggers `action` and follows its text and enabled state.
  void addActionButton(QAction* action);

 private:
  QLabel* title_;
  QLabel* text_;
  QVBoxLayout* buttons_;
};

}  // namespace lathe::widgets
