#pragma once
#include <QFrame>

class QLabel;
class QPushButton;

namespace lathe::widgets {

// The strip a dock shows on top while it edits a pipeline node instead of a dataset: which node,
// Apply to node (saves the choices to the node, one undo step) and Done (saves what changed and
// goes back to the dataset). Hidden until setNodeTitle; clear() hides it again.
class NodeEditingBanner : public QFrame {
  Q_OBJECT
 public:
  explicit NodeEditingBanner(QWidget* parent = nullptr);

  void setNodeTitle(const QString& title);
  void clear();
  // Editors that save every change at once have no Apply.
  void setApplyVisible(bool visible);
  QString text() const;

 signals:
  void applyRequested();
  void doneRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QString title_;
  QLabel* text_;
  QPushButton* apply_;
  QPushButton* done_;
};

}  // namespace lathe::widgets
