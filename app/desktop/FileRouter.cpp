#include "app/desktop/FileRouter.h"

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

// Signatures of formats users drop by mistake, renamed or not.
bool isForeignBinary(const QByteArray& head) {
  return startsWith(head, "PK\x03\x04", 4)               // zip, xlsx, docx
         || startsWith(head, "\x89PNG", 4)               // png
         || startsWith(head, "\xFF\xD8\xFF", 3)          // jpeg
         || startsWith(head, "%PDF", 4)                  // pdf
         || startsWith(head, "\xD0\xCF\x11\xE0", 4)      // xls, doc (OLE)
         || startsWith(head, "\x1F\x8B", 2)              // gzip
         || startsWith(head, "PAR1", 4)                  // parquet
         || startsWith(head, "\x7F" "ELF", 4);           // executables
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
  const QByteArray head = file.read(16);
  const bool sqlite = startsWith(head, "SQLite format 3\0", 16);
  if (sqlite) return isProjectFileName(path) ? Kind::Project : Kind::Data;
  if (isProjectFileName(path)) return Kind::Project;  // the project opener names what is wrong
  if (isForeignBinary(head)) return Kind::Unsupported;
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
