#pragma once
#include <QCoreApplication>
#include <QString>

namespace lathe::app {

// Decides what a file opened or dropped onto the window is, from its first bytes and its name,
// so it reaches the right opener: a project, a data file to import, or something Lathe refuses.
class FileRouter {
  Q_DECLARE_TR_FUNCTIONS(FileRouter)

 public:
  enum class Kind {
    Project,     // a Lathe project (*.lathe, an SQLite file)
    Data,        // CSV, TSV, text, ARFF, JSON, JSON Lines, or an SQLite database to import from
    Unreadable,  // missing, a folder, or no permission
    Unsupported, // a binary format Lathe does not read (spreadsheet, archive, image...)
  };

  static Kind classify(const QString& path);
  static bool isProjectFileName(const QString& path);
  // The file-dialog filters, translated.
  static QString openFilter();
  static QString projectFilter();
  static QString dataFilter();
};

}  // namespace lathe::app
