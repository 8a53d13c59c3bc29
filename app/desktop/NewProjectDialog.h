#pragma once
#include <QDialog>

#include "engine/store/ProjectInfo.h"

class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lathe::widgets {
class KpiEditor;
}

namespace lathe::app {

// File > New Project: the project's name, the folder it goes in (the file path is shown live
// and checked: an existing file or an unwritable folder disables Create), and optionally the
// business goal and the KPI, so a project starts with its purpose written down.
class NewProjectDialog : public QDialog {
  Q_OBJECT
 public:
  explicit NewProjectDialog(const QString& defaultFolder, QWidget* parent = nullptr);

  // "<folder>/<file name>.lathe", absolute, '/'-separated; empty while there is no name.
  QString filePath() const;
  // The name, the goal and (when "Set a KPI now" is checked) the KPI; timestamps are the store's.
  store::ProjectInfo info() const;

  // The project name as a file name without its suffix: characters invalid in file names
  // (/ \ : * ? " < > | and control characters) become '_', a leading '.' (a hidden file) too,
  // and it is cut to fit 255 bytes with the suffix. Korean and other letters stay as they are.
  static QString fileNameFor(const QString& projectName);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void validate();
  void browse();
  QString folder() const;

  QLineEdit* name_;
  QLineEdit* folder_;
  QPushButton* browse_;
  QLabel* path_;
  QLabel* problem_;
  QPlainTextEdit* goal_;
  QGroupBox* kpiGroup_;
  widgets::KpiEditor* kpi_;
  QPushButton* ok_;
  QList<QLabel*> labels_;
};

}  // namespace lathe::app
