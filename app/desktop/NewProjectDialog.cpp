#include "app/desktop/NewProjectDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <unistd.h>

#include "engine/store/ProjectFormat.h"
#include "widgets/panels/KpiEditor.h"

namespace lathe::app {
namespace {

const QString kSuffix = QString::fromLatin1(store::kProjectExtension);
constexpr int kMaxFileNameBytes = 255;  // NAME_MAX on Linux, macOS and NTFS (in UTF-16 units there)

bool isInvalidInFileName(QChar c) {
  static const QString invalid = QStringLiteral("/\\:*?\"<>|");
  return c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0) || invalid.contains(c);
}

// Writable by this user: access(2) asks the kernel, which knows ACLs and read-only mounts.
bool isWritableFolder(const QString& folder) {
  return ::access(QFile::encodeName(folder).constData(), W_OK | X_OK) == 0;
}

}  // namespace

NewProjectDialog::NewProjectDialog(const QString& defaultFolder, QWidget* parent)
    : QDialog(parent),
      name_(new QLineEdit(this)),
      folder_(new QLineEdit(QDir::toNativeSeparators(defaultFolder), this)),
      browse_(new QPushButton(this)),
      path_(new QLabel(this)),
      problem_(new QLabel(this)),
      goal_(new QPlainTextEdit(this)),
      kpiGroup_(new QGroupBox(this)),
      kpi_(new widgets::KpiEditor(kpiGroup_)),
      ok_(nullptr) {
  name_->setObjectName(QStringLiteral("projectName"));
  folder_->setObjectName(QStringLiteral("projectFolder"));
  browse_->setObjectName(QStringLiteral("browseFolder"));
  path_->setObjectName(QStringLiteral("projectFilePath"));
  path_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  path_->setWordWrap(true);
  problem_->setObjectName(QStringLiteral("projectFileProblem"));
  problem_->setWordWrap(true);
  problem_->setStyleSheet(QStringLiteral("color: #c0392b;"));
  goal_->setObjectName(QStringLiteral("projectGoal"));
  goal_->setTabChangesFocus(true);
  goal_->setMaximumHeight(goal_->fontMetrics().lineSpacing() * 4 + 12);
  kpiGroup_->setObjectName(QStringLiteral("kpiGroup"));
  kpiGroup_->setCheckable(true);
  kpiGroup_->setChecked(false);
  kpi_->setObjectName(QStringLiteral("kpiEditor"));
  auto* kpiLayout = new QVBoxLayout(kpiGroup_);
  kpiLayout->addWidget(kpi_);

  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(folder_, 1);
  folderRow->addWidget(browse_);
  auto* form = new QFormLayout;
  for (int i = 0; i < 4; ++i) labels_ << new QLabel(this);
  form->addRow(labels_[0], name_);
  form->addRow(labels_[1], folderRow);
  form->addRow(labels_[2], path_);
  form->addRow(QString(), problem_);
  form->addRow(labels_[3], goal_);
  labels_[0]->setBuddy(name_);
  labels_[1]->setBuddy(folder_);
  labels_[3]->setBuddy(goal_);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  ok_ = buttons->button(QDialogButtonBox::Ok);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    validate();  // the folder may have changed on disk since the last keystroke
    if (ok_->isEnabled()) accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(kpiGroup_);
  layout->addWidget(buttons);

  connect(name_, &QLineEdit::textChanged, this, &NewProjectDialog::validate);
  connect(folder_, &QLineEdit::textChanged, this, &NewProjectDialog::validate);
  connect(browse_, &QPushButton::clicked, this, &NewProjectDialog::browse);
  retranslate();
  resize(520, sizeHint().height());
  name_->setFocus();
}

QString NewProjectDialog::fileNameFor(const QString& projectName) {
  QString name = projectName.trimmed();
  for (QChar& c : name)
    if (isInvalidInFileName(c)) c = QLatin1Char('_');
  if (name.startsWith(QLatin1Char('.'))) name[0] = QLatin1Char('_');
  const qsizetype budget = kMaxFileNameBytes - kSuffix.size();
  while (name.toUtf8().size() > budget) {  // cut whole characters, never half a surrogate pair
    name.chop(name.size() >= 2 && name.back().isLowSurrogate() ? 2 : 1);
  }
  return name;
}

QString NewProjectDialog::folder() const {
  QString folder = QDir::fromNativeSeparators(folder_->text().trimmed());
  if (folder == QLatin1String("~") || folder.startsWith(QLatin1String("~/"))) folder.replace(0, 1, QDir::homePath());
  return folder.isEmpty() ? QString() : QDir::cleanPath(QDir(folder).absolutePath());
}

QString NewProjectDialog::filePath() const {
  const QString fileName = fileNameFor(name_->text());
  if (fileName.isEmpty() || folder().isEmpty()) return {};
  return QDir::cleanPath(folder() + QLatin1Char('/') + fileName + kSuffix);
}

store::ProjectInfo NewProjectDialog::info() const {
  store::ProjectInfo info;
  info.name = name_->text().trimmed().toStdString();
  info.goal = goal_->toPlainText().trimmed().toStdString();
  if (kpiGroup_->isChecked()) info.kpi = kpi_->kpi();
  return info;
}

void NewProjectDialog::validate() {
  const QString path = filePath();
  const QString folder = this->folder();
  QString problem;
  if (name_->text().trimmed().isEmpty()) {
    // No warning for a name not typed yet: the disabled button and the hint say enough.
  } else if (folder.isEmpty()) {
    problem = tr("Choose a folder for the project.");
  } else if (!QFileInfo(folder).isDir()) {
    problem = tr("The folder “%1” does not exist.").arg(QDir::toNativeSeparators(folder));
  } else if (!isWritableFolder(folder)) {
    problem = tr("You cannot create files in the folder “%1”.").arg(QDir::toNativeSeparators(folder));
  } else if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
    problem = tr("A file named “%1” already exists in this folder. Choose another name.").arg(QFileInfo(path).fileName());
  }
  path_->setText(path.isEmpty() ? tr("Enter a name to see the file path.") : QDir::toNativeSeparators(path));
  path_->setForegroundRole(path.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
  problem_->setText(problem);
  problem_->setVisible(!problem.isEmpty());
  ok_->setEnabled(!path.isEmpty() && problem.isEmpty());
}

void NewProjectDialog::browse() {
  const QString chosen = QFileDialog::getExistingDirectory(this, tr("Choose a Folder for the Project"), folder());
  if (!chosen.isEmpty()) folder_->setText(QDir::toNativeSeparators(chosen));
}

void NewProjectDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(event);
}

void NewProjectDialog::retranslate() {
  setWindowTitle(tr("New Project"));
  labels_[0]->setText(tr("Name:"));
  labels_[1]->setText(tr("Location:"));
  labels_[2]->setText(tr("File:"));
  labels_[3]->setText(tr("Business goal:"));
  name_->setPlaceholderText(tr("e.g. Customer churn"));
  browse_->setText(tr("Browse…"));
  goal_->setPlaceholderText(tr("Optional: what the model is for, in your words"));
  kpiGroup_->setTitle(tr("Set a KPI now"));
  ok_->setText(tr("Create"));
  validate();
}

}  // namespace lathe::app
