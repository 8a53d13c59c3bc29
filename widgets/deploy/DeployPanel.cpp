#include "widgets/deploy/DeployPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "widgets/deploy/AbResultView.h"

namespace lathe::widgets {
namespace {

QLabel* heading(QWidget* parent) {
  auto* label = new QLabel(parent);
  QFont font = label->font();
  font.setBold(true);
  label->setFont(font);
  return label;
}

QString milliseconds(double ms) { return ms > 0 ? QString::number(ms, 'f', ms < 10 ? 2 : 1) : QStringLiteral("–"); }

}  // namespace

DeployPanel::DeployPanel(QWidget* parent) : QWidget(parent) {
  endpoints_ = new QComboBox(this);
  endpoints_->setMinimumContentsLength(16);
  newEndpoint_ = new QPushButton(this);
  endpointSettings_ = new QPushButton(this);
  endpointSettings_->setObjectName(QStringLiteral("endpointSettingsButton"));
  serverTitle_ = heading(this);
  port_ = new QSpinBox(this);
  port_->setRange(1024, 65535);
  port_->setValue(8321);
  start_ = new QPushButton(this);
  address_ = new QLabel(this);
  address_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  token_ = new QLineEdit(this);
  token_->setReadOnly(true);  // shown in full: read-only, PasswordEchoOnEdit could never reveal it
  copyToken_ = new QPushButton(this);
  regenerate_ = new QPushButton(this);
  variantsTitle_ = heading(this);
  variants_ = new QTableWidget(0, 9, this);
  variants_->verticalHeader()->hide();
  variants_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  variants_->setSelectionBehavior(QAbstractItemView::SelectRows);
  // Columns as wide as their contents, the predictions taking the rest (resizing to contents on
  // every tick instead undid the stretch and left a blank band on the right).
  variants_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  variants_->horizontalHeader()->setStretchLastSection(true);
  variants_->verticalHeader()->setDefaultSectionSize(variants_->fontMetrics().height() + 8);
  step_ = new QPushButton(this);
  rollback_ = new QPushButton(this);
  promote_ = new QPushButton(this);
  canarySettings_ = new QPushButton(this);
  abTest_ = new QPushButton(this);
  abResult_ = new AbResultView(this);
  eventsTitle_ = heading(this);
  events_ = new QListWidget(this);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  empty_ = new QLabel(this);
  empty_->setWordWrap(true);
  empty_->setAlignment(Qt::AlignCenter);

  auto* top = new QHBoxLayout;
  top->addWidget(endpoints_, 1);
  top->addWidget(endpointSettings_);
  top->addWidget(newEndpoint_);
  auto* server = new QHBoxLayout;
  server->addWidget(port_);
  server->addWidget(start_);
  server->addWidget(address_, 1);
  auto* token = new QHBoxLayout;
  token->addWidget(token_, 1);
  token->addWidget(copyToken_);
  token->addWidget(regenerate_);
  auto* canary = new QHBoxLayout;
  canary->addWidget(step_);
  canary->addWidget(rollback_);
  canary->addWidget(promote_);
  canary->addWidget(canarySettings_);
  canary->addStretch(1);
  auto* compare = new QHBoxLayout;
  compare->addWidget(abTest_);
  compare->addStretch(1);

  // The dock is short (it shares the bottom area): the server and its token on top, then the
  // traffic, the A/B result and the changes as tabs, each with the dock's full width, so the
  // tables show their rows and columns and the changes their reasons.
  body_ = new QWidget(this);
  auto* traffic = new QWidget;
  auto* trafficLayout = new QVBoxLayout(traffic);
  trafficLayout->setContentsMargins(0, 6, 0, 0);
  trafficLayout->addWidget(variants_, 1);
  trafficLayout->addLayout(canary);
  auto* comparison = new QWidget;
  auto* comparisonLayout = new QVBoxLayout(comparison);
  comparisonLayout->setContentsMargins(0, 6, 0, 0);
  comparisonLayout->addLayout(compare);
  comparisonLayout->addWidget(abResult_, 1);
  auto* tabs = new QTabWidget(body_);
  tabs->setObjectName(QStringLiteral("deployTabs"));
  tabs->setDocumentMode(true);
  tabs->addTab(traffic, QString());
  tabs->addTab(comparison, QString());
  tabs->addTab(events_, QString());
  variantsTitle_->hide();  // the tabs carry these titles
  eventsTitle_->hide();
  auto* bodyLayout = new QVBoxLayout(body_);
  bodyLayout->setContentsMargins(0, 0, 0, 0);
  bodyLayout->addWidget(serverTitle_);
  bodyLayout->addLayout(server);
  bodyLayout->addLayout(token);
  bodyLayout->addWidget(tabs, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(empty_, 1);
  layout->addWidget(body_, 1);
  layout->addWidget(status_);

  connect(endpoints_, &QComboBox::currentTextChanged, this, [this](const QString& name) {
    if (!name.isEmpty()) emit endpointChosen(name);
  });
  connect(newEndpoint_, &QPushButton::clicked, this, &DeployPanel::newEndpointRequested);
  connect(endpointSettings_, &QPushButton::clicked, this, &DeployPanel::endpointSettingsRequested);
  connect(start_, &QPushButton::clicked, this, [this] {
    if (serving_) emit stopRequested();
    else emit startRequested(port_->value());
  });
  connect(copyToken_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(token_->text()); });
  connect(regenerate_, &QPushButton::clicked, this, &DeployPanel::regenerateTokenRequested);
  connect(step_, &QPushButton::clicked, this, &DeployPanel::canaryStepRequested);
  connect(rollback_, &QPushButton::clicked, this, &DeployPanel::canaryRollbackRequested);
  connect(promote_, &QPushButton::clicked, this, &DeployPanel::canaryPromoteRequested);
  connect(canarySettings_, &QPushButton::clicked, this, &DeployPanel::canarySettingsRequested);
  connect(abTest_, &QPushButton::clicked, this, &DeployPanel::abTestRequested);
  retranslate();
  setEndpoints({}, {});
}

void DeployPanel::setEndpoints(const QStringList& names, const QString& current) {
  const QSignalBlocker blocker(endpoints_);
  endpoints_->clear();
  endpoints_->addItems(names);
  if (!current.isEmpty()) endpoints_->setCurrentText(current);
  empty_->setVisible(names.isEmpty());
  body_->setVisible(!names.isEmpty());
  updateButtons();
}

QString DeployPanel::endpoint() const { return endpoints_->currentText(); }

void DeployPanel::setToken(const QString& token) {
  token_->setText(token);
  token_->setCursorPosition(0);  // its start, when the field is narrower than the token
}

void DeployPanel::setServing(bool serving, const QString& address) {
  serving_ = serving;
  address_->setText(address);
  start_->setText(serving ? tr("Stop") : tr("Start"));
  port_->setEnabled(!serving);
  endpoints_->setEnabled(!serving);
  newEndpoint_->setEnabled(!serving);
  updateButtons();
}

int DeployPanel::port() const { return port_->value(); }
void DeployPanel::setPort(int port) { port_->setValue(port); }

void DeployPanel::setVariants(const QList<VariantTraffic>& variants) {
  shown_ = variants;
  variants_->setRowCount(static_cast<int>(variants.size()));
  hasCanary_ = false;
  for (int row = 0; row < variants.size(); ++row) {
    const auto& v = variants[row];
    hasCanary_ = hasCanary_ || v.canary;
    const QStringList cells = {v.name,
                               v.canary ? tr("canary") : tr("variant"),
                               QString::number(v.weight * 100.0, 'f', 1) + QLatin1Char('%'),
                               QString::number(v.requests),
                               QString::number(v.rows),
                               QString::number(v.errors),
                               milliseconds(v.p50Ms),
                               milliseconds(v.p99Ms),
                               v.predictions};
    for (int column = 0; column < cells.size(); ++column) {
      auto* item = new QTableWidgetItem(cells[column]);
      if (column >= 2 && column <= 7) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      variants_->setItem(row, column, item);
    }
  }
  updateButtons();
}

void DeployPanel::setEvents(const QStringList& lines) {
  events_->clear();
  events_->addItems(lines);
  events_->scrollToBottom();
}

void DeployPanel::setStatus(const QString& text) { status_->setText(text); }
QString DeployPanel::status() const { return status_->text(); }

void DeployPanel::updateButtons() {
  const bool any = endpoints_->count() > 0;
  start_->setEnabled(any);
  step_->setEnabled(any && hasCanary_);
  rollback_->setEnabled(any && hasCanary_);
  promote_->setEnabled(any && hasCanary_);
  canarySettings_->setEnabled(any);
  endpointSettings_->setEnabled(any);
  abTest_->setEnabled(any && shown_.size() > 1);
  regenerate_->setEnabled(any && !serving_);
  copyToken_->setEnabled(any);
}

void DeployPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void DeployPanel::retranslate() {
  newEndpoint_->setText(tr("New Endpoint…"));
  endpointSettings_->setText(tr("Settings…"));
  endpointSettings_->setToolTip(tr("What the endpoint logs, the column that keys a row's variant, and how long the log is kept."));
  serverTitle_->setText(tr("Server"));
  port_->setPrefix(tr("Port "));
  port_->setToolTip(tr("The server listens on 127.0.0.1 only: other machines cannot reach it."));
  start_->setText(serving_ ? tr("Stop") : tr("Start"));
  token_->setPlaceholderText(tr("Token"));
  token_->setToolTip(tr("Clients send it as \"Authorization: Bearer TOKEN\"."));
  copyToken_->setText(tr("Copy Token"));
  regenerate_->setText(tr("New Token"));
  variantsTitle_->setText(tr("Variants and traffic"));
  variants_->setHorizontalHeaderLabels({tr("Variant"), tr("Role"), tr("Weight"), tr("Requests"), tr("Rows"), tr("Errors"),
                                        tr("p50 ms"), tr("p99 ms"), tr("Predictions")});
  step_->setText(tr("Step Up Canary"));
  rollback_->setText(tr("Roll Back"));
  promote_->setText(tr("Promote"));
  canarySettings_->setText(tr("Canary Settings…"));
  abTest_->setText(tr("Compare Variants…"));
  eventsTitle_->setText(tr("Changes"));
  if (auto* tabs = findChild<QTabWidget*>(QStringLiteral("deployTabs"))) {
    tabs->setTabText(0, variantsTitle_->text());
    tabs->setTabText(1, abTest_->text().remove(QChar(0x2026)));  // "Compare Variants", without its "…"
    tabs->setTabText(2, eventsTitle_->text());
  }
  empty_->setText(tr("No endpoints yet. Register a model in the Models panel, then click New Endpoint… to serve it "
                     "over HTTP on this computer."));
  if (!shown_.isEmpty()) setVariants(shown_);
}

}  // namespace lathe::widgets
