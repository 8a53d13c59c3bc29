#include "widgets/panels/EmptyStatePanel.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace lathe::widgets {
namespace {
// "&Open…" -> "Open…", and the CJK form "열기(&O)…" -> "열기…": the menu's mnemonic means nothing
// on a button in a pane.
QString withoutMnemonic(QString text) {
  static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&[^)]\\)"));
  text.remove(cjkMnemonic);
  return text.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(QLatin1Char('&')).replace(QLatin1Char('\x01'), QLatin1Char('&'));
}
}  // namespace

EmptyStatePanel::EmptyStatePanel(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), text_(new QLabel(this)), buttons_(new QVBoxLayout) {
  title_->setObjectName(QStringLiteral("emptyStateTitle"));
  title_->setAlignment(Qt::AlignHCenter);
  title_->setWordWrap(true);
  QFont titleFont = title_->font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
  titleFont.setBold(true);
  title_->setFont(titleFont);

  text_->setObjectName(QStringLiteral("emptyStateText"));
  text_->setAlignment(Qt::AlignHCenter);
  text_->setWordWrap(true);
  text_->setForegroundRole(QPalette::PlaceholderText);

  // Labels go into the layouts without an alignment flag: with one, a word-wrapped label is
  // sized to one line and its text is cut. The column is centred by the stretches around it.
  auto* column = new QWidget(this);
  column->setMaximumWidth(460);
  column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  auto* columnLayout = new QVBoxLayout(column);
  columnLayout->setContentsMargins(0, 0, 0, 0);
  columnLayout->addWidget(title_);
  columnLayout->addSpacing(6);
  columnLayout->addWidget(text_);
  columnLayout->addSpacing(10);
  columnLayout->addLayout(buttons_);

  auto* row = new QHBoxLayout;
  row->addStretch(0);
  row->addWidget(column, 1);
  row->addStretch(0);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(16, 16, 16, 16);
  layout->addStretch(1);
  layout->addLayout(row);
  layout->addStretch(2);
}

void EmptyStatePanel::setTitle(const QString& title) { title_->setText(title); }
void EmptyStatePanel::setText(const QString& text) { text_->setText(text); }
QString EmptyStatePanel::title() const { return title_->text(); }
QString EmptyStatePanel::text() const { return text_->text(); }

void EmptyStatePanel::addActionButton(QAction* action) {
  auto* button = new QPushButton(this);
  auto sync = [button, action] {
    button->setText(withoutMnemonic(action->text()));
    button->setIcon(action->icon());
    button->setEnabled(action->isEnabled());
  };
  sync();
  connect(action, &QAction::changed, button, sync);
  connect(button, &QPushButton::clicked, action, &QAction::trigger);
  buttons_->addWidget(button, 0, Qt::AlignHCenter);
}

}  // namespace lathe::widgets
