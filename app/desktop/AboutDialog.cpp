#include "app/desktop/AboutDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "engine/core/LinkedLibraries.h"
#include "engine/core/Version.h"

namespace lathe::app {

QStringList AboutDialog::libraryVersions() {
  QStringList out{QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())),
                  QStringLiteral("QCustomPlot %1").arg(QStringLiteral(QCUSTOMPLOT_VERSION_STR))};
  for (const auto& lib : lathe::linkedLibraries())
    out << QStringLiteral("%1 %2").arg(QString::fromStdString(lib.name), QString::fromStdString(lib.version));
  return out;
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("About Lathe Studio"));
  auto* icon = new QLabel(this);
  icon->setPixmap(QIcon(QStringLiteral(":/icons/lathe.svg")).pixmap(64, 64));
  auto* text = new QLabel(this);
  text->setObjectName(QStringLiteral("aboutText"));
  text->setTextFormat(Qt::RichText);
  text->setTextInteractionFlags(Qt::TextSelectableByMouse);
  text->setWordWrap(true);
  QString libs;
  for (const QString& lib : libraryVersions()) libs += QStringLiteral("<li>%1</li>").arg(lib.toHtmlEscaped());
  text->setText(QStringLiteral("<h2>Lathe Studio %1</h2><p>%2</p><p>%3</p><p><b>%4</b></p><ul>%5</ul>")
                    .arg(QString::fromLatin1(lathe::kVersion),
                         tr("A desktop studio for the whole machine-learning lifecycle: from a "
                            "business goal to a monitored model."),
                         tr("Licensed under the GNU General Public License, version 3 or later."),
                         tr("Running with"), libs));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  top->addWidget(icon, 0, Qt::AlignTop);
  top->addWidget(text, 1);
  layout->addLayout(top);
  layout->addWidget(buttons);
  setMinimumWidth(440);
}

}  // namespace lathe::app
