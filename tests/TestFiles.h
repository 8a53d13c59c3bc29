#pragma once
// A file with the given bytes in a test's temporary folder; the test stops if it cannot be written.
#include <QFile>
#include <QTemporaryDir>
#include <QtGlobal>

inline QString writeTestFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
  const QString path = dir.filePath(name);
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) qFatal("cannot write %s", qPrintable(path));
  return path;
}
