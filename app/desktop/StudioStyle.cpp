#include "app/desktop/StudioStyle.h"

#include <QApplication>
#include <QIcon>
#include <QPalette>
#include <QStyleFactory>

namespace lathe::app {

QColor StudioStyle::accent() { return QColor(0x1f, 0x7a, 0x8c); }

void StudioStyle::apply(QApplication& app) {
  // Fusion's palette follows the platform theme's colours, light or dark; we only add the accent.
  app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  QPalette palette = app.palette();
  const bool dark = palette.color(QPalette::Window).lightness() < 128;
  const QColor accentColor = dark ? accent().lighter(140) : accent();
  palette.setColor(QPalette::Highlight, accentColor);
  palette.setColor(QPalette::HighlightedText, Qt::white);
  palette.setColor(QPalette::Link, accentColor);
  app.setPalette(palette);
  app.setWindowIcon(QIcon(QStringLiteral(":/icons/lathe.svg")));
}

}  // namespace lathe::app
