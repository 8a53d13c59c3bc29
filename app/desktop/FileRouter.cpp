#include "app/desktop/FileRouter.h"

#include "engine/data/BinaryFormat.h"

#include <QFile>
#include <QFileInfo>

namespace lathe::app {
namespace {

const QStringList& dataSuffixes() {
  static const QStringList suffixes{"csv", "tsv", "tab", "txt", "dat", "arff", "json",
                                    "jsonl", "ndjson", "sqlite", "sqlite3", "db"};
  return suffixes;
}

bool startsWith(const QByteArray& head, const char* magic, int length) {
  return head.size() >= length && std::equal(magic, magic + length, head.constData());
}

}  // namespace

bool FileRouter::isProjectFileName(const QString& path) {
  return QFileInfo(path).suffix().compare(QLatin1String("lathe"), Qt::CaseInsensitive) == 0;
}

FileRouter::Kind FileRouter::classify(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists() || !info.isFile() || !info.isReadable()) return Kind::Unreadable;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return Kind::Unreadable;
  const QByteArray head = file.read(64);
  const bool sqlite = startsWith(head, "SQLite format 3\0", 16);
  if (sqlite) return isProjectFileName(path) ? Kind::Project : Kind::Data;
  if (isProjectFileName(path)) return Kind::Project;  // the project opener names what is wrong
  if (data::binaryFormatOf(std::string_view(head.constData(), static_cast<std::size_t>(head.size()))))
    return Kind::Unsupported;
  if (dataSuffixes().contains(info.suffix().toLower())) return Kind::Data;
  // No known suffix: text is worth a try (the importer sniffs it), binary is not.
  return head.contains('\0') && !head.startsWith("\xFF\xFE") && !head.startsWith("\xFE\xFF")
             ? Kind::Unsupported
             : Kind::Data;
}

QString FileRouter::projectFilter() {
  return tr("Lathe projects (*.lathe)");
}

QString FileRouter::dataFilter() {
  return tr("Data files (*.csv *.tsv *.tab *.txt *.arff *.json *.jsonl *.sqlite *.db)") + QStringLiteral(";;") +
         tr("All files (*)");
}

QString FileRouter::openFilter() {
  return tr("Projects and data (*.lathe *.csv *.tsv *.tab *.txt *.arff *.json *.jsonl *.sqlite *.db)") +
         QStringLiteral(";;") + projectFilter() + QStringLiteral(";;") + dataFilter();
}

}  // namespace lathe::app
