#pragma once
#include <QDialog>

namespace lathe::app {

// Help > About: what Lathe is, its licence, and the versions of the libraries it actually runs
// with (read at run time), which is what a bug report needs.
class AboutDialog : public QDialog {
  Q_OBJECT
 public:
  explicit AboutDialog(QWidget* parent = nullptr);
  // "Qt 6.4.2", "SQLite 3.40.1", ...: one entry per linked library.
  static QStringList libraryVersions();
};

}  // namespace lathe::app
