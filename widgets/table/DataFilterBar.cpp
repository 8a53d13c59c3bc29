#include "widgets/table/DataFilterBar.h"

#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStringListModel>

namespace lathe::widgets {

DataFilterBar::DataFilterBar(QWidget* parent) : QWidget(parent), edit_(new QLineEdit(this)), status_(new QLabel(this)) {
  edit_->setObjectName(QStringLiteral("filterEdit"));
  status_->setObjectName(QStringLiteral("filterStatus"));
  edit_->setClearButtonEnabled(true);
  edit_->installEventFilter(this);
  auto* completer = new QCompleter(new QStringListModel(this), this);
  completer->setCaseSensitivity(Qt::CaseInsensitive);
  completer->setFilterMode(Qt::MatchContains);
  edit_->setCompleter(completer);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 2, 4, 2);
  layout->addWidget(edit_, 3);
  layout->addWidget(status_, 2);
  connect(edit_, &QLineEdit::returnPressed, this, &DataFilterBar::submit);
  // The clear button empties the line: that is the user asking for every row again.
  connect(edit_, &QLineEdit::textChanged, this, [this](const QString& text) {
    if (text.isEmpty() && !applied_.isEmpty()) submit();
  });
  retranslate();
}

QString DataFilterBar::formula() const { return edit_->text().trimmed(); }

void DataFilterBar::reset() {
  applied_.clear();
  const QSignalBlocker blocker(edit_);
  edit_->clear();
  showStatus(QString(), false);
}

void DataFilterBar::setFormula(const QString& formula) {
  applied_ = formula.trimmed();
  const QSignalBlocker blocker(edit_);
  edit_->setText(applied_);
}

void DataFilterBar::setColumns(const QStringList& names) {
  QStringList references;
  for (const QString& name : names) references << QLatin1Char('[') + name + QLatin1Char(']');
  static_cast<QStringListModel*>(edit_->completer()->model())->setStringList(references);
}

void DataFilterBar::setBusy(bool busy) {
  if (busy) showStatus(tr("Filtering…"), false);
}

void DataFilterBar::setResult(qint64 shown, qint64 total) {
  const QLocale locale;
  showStatus(applied_.isEmpty() ? QString()
                                : tr("%1 of %2 rows").arg(locale.toString(shown), locale.toString(total)),
             false);
}

void DataFilterBar::setError(const QString& message, int position) {
  showStatus(position > 0 ? tr("At character %1: %2").arg(position).arg(message) : message, true);
  if (position > 0) edit_->setCursorPosition(position - 1);
  edit_->setFocus();
}

void DataFilterBar::submit() {
  applied_ = formula();
  if (applied_.isEmpty()) {
    showStatus(QString(), false);
    emit filterCleared();
  } else {
    emit filterRequested(applied_);
  }
}

void DataFilterBar::showStatus(const QString& text, bool problem) {
  status_->setText(text);
  status_->setToolTip(text);
  // Vermilion reads on light and dark backgrounds alike (the charts' colour for a problem).
  QPalette palette = this->palette();
  if (problem) palette.setColor(QPalette::WindowText, QColor(0xD5, 0x5E, 0x00));
  status_->setPalette(palette);
  edit_->setProperty("invalid", problem);
}

bool DataFilterBar::eventFilter(QObject* watched, QEvent* event) {
  if (watched == edit_ && event->type() == QEvent::KeyPress &&
      static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && !edit_->text().isEmpty()) {
    edit_->clear();  // textChanged clears the filter
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

void DataFilterBar::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void DataFilterBar::retranslate() {
  edit_->setPlaceholderText(tr("Filter rows with a formula, e.g. [Body Mass (g)] > 4000 and Species == \"Adelie\""));
  edit_->setToolTip(tr("Press Enter to filter; Esc or the clear button shows every row again. "
                       "Column names with spaces go in [brackets]; text goes in \"quotes\"."));
}

}  // namespace lathe::widgets
