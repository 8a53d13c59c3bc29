#pragma once
// The `lathe` binary as scripts run it (LATHE_CLI): its exit code, stdout and stderr, and a file
// of the shared datasets by name.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QtGlobal>
#include "TestPaths.h"

struct CliResult {
  int code;  // -1 when it crashed
  QString out, err;
  QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

inline CliResult runCli(const QStringList& args, int timeoutMs = 120000) {
  QProcess process;
  process.start(QString::fromUtf8(LATHE_CLI), args);
  if (!process.waitForFinished(timeoutMs)) qFatal("lathe did not finish");
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
          QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

inline QString datasetPath(const char* name) { return QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/") + QLatin1String(name); }
