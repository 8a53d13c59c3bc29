#include "widgets/panels/CostMatrixEditor.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <cmath>

#include "widgets/panels/OptionalNumberText.h"

namespace lathe::widgets {
namespace {

const char* const kCellNames[] = {"truePositive", "falseNegative", "falsePositive", "trueNegative"};

}  // namespace

CostMatrixEditor::Field CostMatrixEditor::member(int cell) {
  switch (cell) {
    case TruePositive: return &store::CostMatrix::truePositive;
    case FalseNegative: return &store::CostMatrix::falseNegative;
    case FalsePositive: return &store::CostMatrix::falsePositive;
    default: return &store::CostMatrix::trueNegative;
  }
}

CostMatrixEditor::CostMatrixEditor(QWidget* parent)
    : QWidget(parent),
      predictedPositive_(new QLabel(this)),
      predictedNegative_(new QLabel(this)),
      actualPositive_(new QLabel(this)),
      actualNegative_(new QLabel(this)),
      help_(new QLabel(this)) {
  auto* grid = new QGridLayout;
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(predictedPositive_, 0, 1);
  grid->addWidget(predictedNegative_, 0, 2);
  grid->addWidget(actualPositive_, 1, 0);
  grid->addWidget(actualNegative_, 2, 0);
  for (int cell = 0; cell < CellCount; ++cell) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QLatin1String(kCellNames[cell]));
    edit->setValidator(OptionalNumberText::validator(edit));
    edit->setAlignment(Qt::AlignRight);
    edit->setMinimumWidth(60);
    connect(edit, &QLineEdit::editingFinished, this, &CostMatrixEditor::commit);
    grid->addWidget(edit, 1 + cell / 2, 1 + cell % 2);
    cells_[static_cast<std::size_t>(cell)] = edit;
  }
  grid->setColumnStretch(1, 1);
  grid->setColumnStretch(2, 1);
  for (QLabel* header : {predictedPositive_, predictedNegative_}) header->setAlignment(Qt::AlignCenter);

  help_->setObjectName(QStringLiteral("costMatrixHelp"));
  help_->setWordWrap(true);
  help_->setForegroundRole(QPalette::PlaceholderText);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(help_);
  layout->addLayout(grid);
  retranslate();
}

store::CostMatrix CostMatrixEditor::costs() const {
  store::CostMatrix costs;
  for (int cell = 0; cell < CellCount; ++cell) {
    const QString text = cells_[static_cast<std::size_t>(cell)]->text();
    if (text.trimmed().isEmpty()) continue;
    const auto value = OptionalNumberText::parse(text);
    costs.*member(cell) = value ? value : committed_.*member(cell);
  }
  return costs;
}

void CostMatrixEditor::setCosts(const store::CostMatrix& costs) {
  for (int cell = 0; cell < CellCount; ++cell) {
    QLineEdit* edit = cells_[static_cast<std::size_t>(cell)];
    const QSignalBlocker block(edit);
    edit->setText(OptionalNumberText::format(costs.*member(cell)));
  }
  committed_ = costs;
}

void CostMatrixEditor::commit() {
  // A cell that does not parse (e.g. "1e999") goes back to its last value, never to "not set".
  for (int cell = 0; cell < CellCount; ++cell) {
    QLineEdit* edit = cells_[static_cast<std::size_t>(cell)];
    if (!edit->text().trimmed().isEmpty() && !OptionalNumberText::parse(edit->text())) {
      const QSignalBlocker block(edit);
      edit->setText(OptionalNumberText::format(committed_.*member(cell)));
    }
  }
  const store::CostMatrix now = costs();
  if (now == committed_) return;
  committed_ = now;
  emit edited();
}

void CostMatrixEditor::changeEvent(QEvent* event) {
  // Placeholders follow the enabled state: in a read-only project a greyed "True positive" in an
  // empty cell would read like a value.
  if (event->type() == QEvent::LanguageChange || event->type() == QEvent::EnabledChange) retranslate();
  QWidget::changeEvent(event);
}

void CostMatrixEditor::retranslate() {
  help_->setText(tr("What each outcome is worth, e.g. in money (a cost is negative). "
                    "Lathe picks the decision threshold with the best expected value. Empty means not set."));
  predictedPositive_->setText(tr("Predicted positive"));
  predictedNegative_->setText(tr("Predicted negative"));
  actualPositive_->setText(tr("Actually positive"));
  actualNegative_->setText(tr("Actually negative"));
  const QString names[] = {tr("True positive"), tr("False negative"), tr("False positive"), tr("True negative")};
  for (int cell = 0; cell < CellCount; ++cell) {
    cells_[static_cast<std::size_t>(cell)]->setPlaceholderText(isEnabled() ? names[cell] : QString());
    cells_[static_cast<std::size_t>(cell)]->setToolTip(names[cell]);
  }
}

}  // namespace lathe::widgets
