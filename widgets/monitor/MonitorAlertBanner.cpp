#include "widgets/monitor/MonitorAlertBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {

QColor blend(const QColor& a, const QColor& b, double t) {
  return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                          static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                          static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

}  // namespace

MonitorAlertBanner::MonitorAlertBanner(QWidget* parent)
    : QFrame(parent), icon_(new QLabel(this)), text_(new QLabel(this)), retrain_(new QPushButton(this)) {
  setObjectName(QStringLiteral("monitorAlertBanner"));
  setFrameShape(QFrame::StyledPanel);
  setAutoFillBackground(true);
  retrain_->setObjectName(QStringLiteral("bannerRetrainButton"));
  text_->setObjectName(QStringLiteral("alertLines"));
  text_->setWordWrap(true);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
  icon_->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
  icon_->setAlignment(Qt::AlignTop);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 5, 8, 5);
  layout->addWidget(icon_, 0, Qt::AlignTop);
  layout->addWidget(text_, 1);
  layout->addWidget(retrain_, 0, Qt::AlignTop);
  connect(retrain_, &QPushButton::clicked, this, &MonitorAlertBanner::retrainRequested);
  restyle();
  retranslate();
  setAlerts({});
}

void MonitorAlertBanner::setAlerts(const std::vector<monitor::MonitorAlert>& alerts) {
  alerts_ = alerts;
  lines_.clear();
  for (const auto& alert : alerts_) lines_ << MonitorFormat::alert(alert);
  text_->setText(lines_.join(QLatin1Char('\n')));
  setVisible(!lines_.isEmpty());
}

void MonitorAlertBanner::setRetrainEnabled(bool enabled, const QString& why) {
  retrain_->setEnabled(enabled);
  retrain_->setToolTip(enabled ? tr("Train the model again on new data and compare it with the live one") : why);
}

void MonitorAlertBanner::restyle() {
  // Set on the widget's own palette; the guard keeps the PaletteChange this causes from looping.
  restyling_ = true;
  QPalette colours = parentWidget() ? parentWidget()->palette() : palette();
  const QColor window = colours.color(QPalette::Window);
  const bool dark = window.lightnessF() < 0.5;
  colours.setColor(QPalette::Window, blend(window, QColor(0xE6, 0x9F, 0x00), dark ? 0.22 : 0.16));
  setPalette(colours);
  restyling_ = false;
}

void MonitorAlertBanner::retranslate() {
  retrain_->setText(tr("Retrain…"));
  setAlerts(alerts_);
}

void MonitorAlertBanner::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::PaletteChange && !restyling_) restyle();
  QFrame::changeEvent(event);
}

}  // namespace lathe::widgets
