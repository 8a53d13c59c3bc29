#pragma once
#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>
#include <map>
#include <memory>
#include <stop_token>

#include "engine/data/DataImporter.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace lathe::widgets {
class DataTableView;
}

namespace lathe::app {

// File > Import data: a live preview of the first rows as they will be read, with the options
// the user can override (format, encoding, delimiter, header, missing-value tokens, each
// column's type). Every change re-reads the preview off the GUI thread; Import returns the
// request for the full import, which the window runs as a job.
class ImportDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ImportDialog(const QString& path, QWidget* parent = nullptr);
  ~ImportDialog() override;

  // The import the user asked for, with every override.
  data::ImportRequest request() const;
  // The last preview, or null while it is being read or failed.
  const data::ImportResult* preview() const { return preview_.get(); }
  QString previewError() const { return previewError_; }
  bool isPreviewRunning() const { return watcher_.isRunning(); }

  static constexpr int kPreviewRows = 200;

 signals:
  void previewUpdated();

 private:
  void buildUi();
  void schedulePreview();
  void enableTextSettings();
  void startPreview();
  void showPreview();
  void fillColumnTypes();

  QString path_;
  QComboBox* format_;
  QComboBox* encoding_;
  QComboBox* delimiter_;
  QCheckBox* header_;
  QLineEdit* missing_;
  QTableWidget* columnTypes_;
  widgets::DataTableView* table_;
  QLabel* status_;
  QTimer debounce_;
  QFutureWatcher<void> watcher_;
  std::stop_source previewStop_;
  std::shared_ptr<data::ImportResult> pending_;
  std::shared_ptr<std::string> pendingError_;
  std::unique_ptr<data::ImportResult> preview_;
  QString previewError_;
  std::map<std::string, data::ColumnType> typeOverrides_;
};

}  // namespace lathe::app
