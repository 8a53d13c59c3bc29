#pragma once
// Closes whatever modal dialog opens (About Qt, a file dialog), so a test can trigger actions
// that show one without blocking. Records the titles of what it closed.
#include <QApplication>
#include <QDialog>
#include <QTimer>
#include <QWidget>

class ModalCloser : public QObject {
 public:
  ModalCloser() {
    timer_.setInterval(30);
    connect(&timer_, &QTimer::timeout, this, [this] {
      if (QWidget* modal = QApplication::activeModalWidget()) {
        closed << modal->windowTitle();
        if (auto* dialog = qobject_cast<QDialog*>(modal)) dialog->reject();
        else modal->close();
      }
    });
    timer_.start();
  }
  QStringList closed;

 private:
  QTimer timer_;
};
