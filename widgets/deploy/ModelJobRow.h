#pragma once
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace lathe::widgets {

// The Models dock's one line about its running or last job: a progress bar and Cancel while a
// registration, scoring or export runs, then what it did, with Open Folder once a file was
// written. It shows what it is told; Cancel is a signal.
class ModelJobRow : public QWidget {
  Q_OBJECT
 public:
  explicit ModelJobRow(QWidget* parent = nullptr);

  void setRunning(bool running);
  bool isRunning() const { return running_; }
  void setProgress(double fraction, const QString& message);
  void setStatus(const QString& text);
  QString status() const;
  // Offers to open `folder` (where a job wrote its file); empty hides the offer.
  void offerFolder(const QString& folder);

  QPushButton* cancelButton() const { return cancel_; }
  QPushButton* openFolderButton() const { return openFolder_; }

 signals:
  void cancelRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QProgressBar* progress_;
  QLabel* status_;
  QPushButton* openFolder_;
  QPushButton* cancel_;
  QString folder_;
  bool running_ = false;
};

}  // namespace lathe::widgets
