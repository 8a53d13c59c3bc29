// lathe endpoint and lathe serve as scripts see them (issue 10, items 3 to 5 and 8), on the
// German credit demo run headless, its logistic and forest runs registered as credit:1 and
// credit:2. endpoint create (variants, a canary, key column, sampling), list, show --json
// (token, variants, traffic, events), weights, canary --step/--rollback/--promote; bad input
// exits 2 with one line on stderr and changes nothing. `lathe serve` runs as a real process on
// a free port: /health answers, predictions with the token are answered by both variants, a
// SIGTERM stops it cleanly (exit 0, "stopped after N requests (N logged)") and the project's
// request log holds them; `endpoint ab` then joins a labels CSV to those answers. A bundle is
// served the same way without a project. (Qt Core only: HTTP over POSIX sockets.)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "CliProcess.h"
#include "TestPaths.h"

namespace {

using Result = CliResult;
Result run(const QStringList& args) { return runCli(args, 240000); }

// ---- credit-g, read from its ARFF ---------------------------------------------------------------

struct Attribute {
  QString name;
  bool numeric;
};

// A data line's values, split at the commas outside quotes, quotes removed.
QStringList arffValues(const QString& line) {
  QStringList out;
  QString current;
  bool quoted = false;
  for (const QChar c : line) {
    if (c == '\'') quoted = !quoted;
    else if (c == ',' && !quoted) {
      out << current.trimmed();
      current.clear();
    } else current += c;
  }
  out << current.trimmed();
  return out;
}

struct Credit {
  QList<Attribute> attributes;
  QList<QStringList> rows;
};

const Credit& credit() {
  static const Credit data = [] {
    Credit c;
    QFile file(datasetPath("credit-g.arff"));
    if (!file.open(QIODevice::ReadOnly)) qFatal("no credit-g.arff");
    bool inData = false;
    while (!file.atEnd()) {
      const QString line = QString::fromUtf8(file.readLine()).trimmed();
      if (line.startsWith("@attribute", Qt::CaseInsensitive)) {
        const QString type = line.section(' ', 2).trimmed();
        c.attributes.push_back({line.section(' ', 1, 1), type == "numeric" || type == "real"});
      } else if (line.startsWith("@data", Qt::CaseInsensitive)) {
        inData = true;
      } else if (inData && !line.isEmpty() && !line.startsWith('%')) {
        c.rows.push_back(arffValues(line));
      }
    }
    return c;
  }();
  return data;
}

// The applicant `row` (0-based) as a request's row: every column but the class, and its id
// (1001, 1002, ...) for an endpoint keyed by "id".
QJsonObject applicant(int row, bool withId = true) {
  QJsonObject out;
  const auto& c = credit();
  for (qsizetype i = 0; i < c.attributes.size(); ++i) {
    if (c.attributes[i].name == "class") continue;
    const QString& value = c.rows[row][i];
    if (c.attributes[i].numeric) out.insert(c.attributes[i].name, value.toDouble());
    else out.insert(c.attributes[i].name, value);
  }
  if (withId) out.insert("id", 1001 + row);
  return out;
}

QString classOf(int row) { return credit().rows[row].back(); }

// ---- HTTP over a raw socket ---------------------------------------------------------------------

int connectTo(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<quint16>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  return fd;
}

// A port nobody listens on now: bound to port 0, read back and let go.
int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) qFatal("cannot bind a socket");
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

struct Reply {
  int status = 0;  // 0: no answer
  QByteArray body;
  QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One request on its own connection ("Connection: close": the answer ends with the stream).
Reply http(int port, const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
           const QByteArray& token = {}) {
  QByteArray raw = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                   "\r\nConnection: close\r\n";
  if (!token.isEmpty()) raw += "Authorization: Bearer " + token + "\r\n";
  if (method == "POST") raw += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
  raw += "\r\n" + body;
  const int fd = connectTo(port);
  if (fd < 0) return {};
  for (qsizetype sent = 0; sent < raw.size();) {
    const ssize_t n = ::send(fd, raw.constData() + sent, static_cast<size_t>(raw.size() - sent), MSG_NOSIGNAL);
    if (n <= 0) {
      ::close(fd);
      return {};
    }
    sent += n;
  }
  QByteArray answer;
  char chunk[65536];
  for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;) answer.append(chunk, n);
  ::close(fd);
  const qsizetype end = answer.indexOf("\r\n\r\n");
  if (!answer.startsWith("HTTP/1.1 ") || end < 0) return {};
  return {answer.mid(9, 3).toInt(), answer.mid(end + 4)};
}

Reply predict(int port, const QString& endpoint, const QList<int>& rows, const QByteArray& token, bool withIds = true) {
  QJsonArray array;
  for (int r : rows) array.push_back(applicant(r, withIds));
  const QByteArray body = QJsonDocument(QJsonObject{{"rows", array}}).toJson(QJsonDocument::Compact);
  return http(port, "POST", "/v1/endpoints/" + endpoint.toUtf8() + "/predict", body, token);
}

// `lathe serve ...` running in the background until stopped.
class Server {
 public:
  explicit Server(const QStringList& args) {
    process_.start(QString::fromUtf8(LATHE_CLI), args);
    if (!process_.waitForStarted(30000)) qFatal("lathe serve did not start");
  }
  ~Server() {
    if (process_.state() != QProcess::NotRunning) {
      process_.kill();
      process_.waitForFinished(30000);
    }
  }
  // Polls GET /health until it is 200 (true) or the process ends or a minute passes (false).
  bool waitUntilHealthy(int port) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
      if (http(port, "GET", "/health").status == 200) return true;
      if (process_.state() == QProcess::NotRunning) return false;
      process_.waitForFinished(100);
    }
    return false;
  }
  // SIGTERM (or another signal), then its exit code (-1 for a crash or a hang) and what it printed.
  Result terminate(int signal = SIGTERM) {
    if (signal == SIGTERM) process_.terminate();
    else ::kill(static_cast<pid_t>(process_.processId()), signal);
    if (!process_.waitForFinished(60000)) {
      process_.kill();
      process_.waitForFinished(30000);
      return {-1, QString::fromUtf8(process_.readAllStandardOutput()), "did not stop on SIGTERM"};
    }
    return {process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1,
            QString::fromUtf8(process_.readAllStandardOutput()), QString::fromUtf8(process_.readAllStandardError())};
  }
  // Waits (up to a minute) until stdout holds `needle`; what it printed by then.
  QString waitForOutput(const QString& needle) {
    QElapsedTimer timer;
    timer.start();
    while (!outputSoFar().contains(needle) && timer.elapsed() < 60000 && process_.state() != QProcess::NotRunning)
      process_.waitForReadyRead(100);
    return outputSoFar();
  }
  QString outputSoFar() { return QString::fromUtf8(process_.peek(1 << 20)); }
  QString errors() { return QString::fromUtf8(process_.readAllStandardError()); }

 private:
  QProcess process_;
};

}  // namespace

class tst_CliEndpoint : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString project_;
  int served_ = 0;   // requests (per variant) the server said it answered
  QList<int> rows_;  // the applicants it was sent

  QJsonObject show(const QString& endpoint) {
    const Result r = run({"endpoint", "show", project_, endpoint, "--json"});
    if (r.code != 0) qWarning("%s", qPrintable(r.err));
    return r.json();
  }
  static QMap<QString, double> weights(const QJsonObject& info) {
    QMap<QString, double> out;
    for (const auto& v : info.value("variants").toArray()) out[v.toObject().value("name").toString()] = v.toObject().value("weight").toDouble();
    return out;
  }
  static QStringList kinds(const QJsonObject& info) {
    QStringList out;
    for (const auto& e : info.value("events").toArray()) out << e.toObject().value("kind").toString();
    return out;
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = dir_.filePath("demo.lathe");
    const Result made = run({"project", "new", project_, "--demo"});
    QVERIFY2(made.code == 0, qPrintable(made.err));
    const Result ran = run({"run", project_});
    QVERIFY2(ran.code == 0, qPrintable(ran.err));
    QCOMPARE(run({"model", "register", project_, "1", "--name", "credit"}).out, QString("registered run 1 as credit:1\n"));
    QCOMPARE(run({"model", "register", project_, "2", "--name", "credit"}).out, QString("registered run 2 as credit:2\n"));
    QCOMPARE(run({"model", "alias", project_, "credit:1", "production"}).code, 0);
    QCOMPARE(credit().rows.size(), 1000);
    QCOMPARE(credit().attributes.size(), 21);
  }

  void createListAndShow() {
    const Result created = run({"endpoint", "create", project_, "scoring", "--variant", "credit:1=0.9", "--canary",
                                "credit:2=0.1", "--key-column", "id", "--sampling", "0.5", "--json"});
    QVERIFY2(created.code == 0, qPrintable(created.err));
    const QJsonObject info = created.json();
    QCOMPARE(info.value("name").toString(), QString("scoring"));
    const QString token = info.value("token").toString();
    QVERIFY2(QRegularExpression("^[0-9a-f]{64}$").match(token).hasMatch(), qPrintable(token));
    const QJsonArray variants = info.value("variants").toArray();
    QCOMPARE(variants.size(), 2);
    QCOMPARE(variants[0].toObject().value("name").toString(), QString("credit:1"));
    QCOMPARE(variants[0].toObject().value("weight").toDouble(), 0.9);
    QCOMPARE(variants[0].toObject().value("role").toString(), QString("variant"));
    QCOMPARE(variants[1].toObject().value("name").toString(), QString("credit:2"));
    QCOMPARE(variants[1].toObject().value("weight").toDouble(), 0.1);
    QCOMPARE(variants[1].toObject().value("role").toString(), QString("canary"));
    QCOMPARE(info.value("settings").toObject(), (QJsonObject{{"key_column", "id"}, {"sampling", 0.5}}));

    // The text form says where the token is; another endpoint has another token.
    const Result text = run({"endpoint", "create", project_, "ab", "--variant", "credit:1=0.5", "--variant",
                             "credit:2=0.5", "--key-column", "id", "--sampling", "1"});
    QVERIFY2(text.code == 0, qPrintable(text.err));
    QVERIFY2(text.out.startsWith("endpoint ab created; its token: "), qPrintable(text.out));
    QVERIFY(text.out.contains("credit:2  weight 0.5"));
    QVERIFY(!text.out.contains(token));

    const Result list = run({"endpoint", "list", project_, "--json"});
    QVERIFY2(list.code == 0, qPrintable(list.err));
    const QJsonArray endpoints = list.json().value("endpoints").toArray();
    QCOMPARE(endpoints.size(), 2);
    QCOMPARE(endpoints[0].toObject().value("name").toString(), QString("ab"));
    QVERIFY(!endpoints[0].toObject().contains("token"));  // a list is not where tokens are shown
    QVERIFY(run({"endpoint", "list", project_}).out.contains("scoring\n  credit:1  weight 0.9\n  credit:2  weight 0.1  (canary)\n"));

    const QJsonObject shown = show("scoring");
    QCOMPARE(shown.value("token").toString(), token);
    QCOMPARE(shown.value("variants").toArray(), variants);
    QCOMPARE(shown.value("traffic").toObject(), QJsonObject());
    QCOMPARE(kinds(shown), QStringList{"created"});
    QVERIFY(!shown.value("events").toArray()[0].toObject().value("at").toString().isEmpty());
    const Result showText = run({"endpoint", "show", project_, "scoring"});
    QVERIFY2(showText.out.startsWith("scoring  token " + token + "\n"), qPrintable(showText.out));
  }

  void weightsAndCanary() {
    const Result weighted = run({"endpoint", "weights", project_, "scoring", "--variant", "credit:1=0.75", "--variant",
                                 "credit:2=0.25", "--reason", "more for the forest"});
    QVERIFY2(weighted.code == 0, qPrintable(weighted.err));
    QCOMPARE(weighted.out, QString("endpoint scoring weights changed\n"));
    QJsonObject info = show("scoring");
    QCOMPARE(weights(info), (QMap<QString, double>{{"credit:1", 0.75}, {"credit:2", 0.25}}));
    // The canary stays the canary.
    QCOMPARE(info.value("variants").toArray()[1].toObject().value("role").toString(), QString("canary"));
    QJsonObject last = info.value("events").toArray().last().toObject();
    QCOMPARE(last.value("kind").toString(), QString("weights"));
    QCOMPARE(last.value("reason").toString(), QString("more for the forest"));
    QCOMPARE(last.value("detail").toObject().value("from").toArray()[0].toObject().value("weight").toDouble(), 0.9);
    QCOMPARE(last.value("detail").toObject().value("to").toArray()[0].toObject().value("weight").toDouble(), 0.75);

    // Step (by the default 0.1), roll back, step again.
    Result step = run({"endpoint", "canary", project_, "scoring", "--step"});
    QVERIFY2(step.code == 0, qPrintable(step.err));
    QCOMPARE(step.out, QString("the canary of scoring has weight 0.35 now\n"));
    info = show("scoring");
    QVERIFY(std::abs(weights(info)["credit:2"] - 0.35) < 1e-12);
    QVERIFY(std::abs(weights(info)["credit:1"] - 0.65) < 1e-12);
    QCOMPARE(info.value("events").toArray().last().toObject().value("reason").toString(), QString("by hand"));

    const Result back = run({"endpoint", "canary", project_, "scoring", "--rollback", "--reason", "odd answers"});
    QVERIFY2(back.code == 0, qPrintable(back.err));
    QCOMPARE(back.out, QString("the canary of scoring has weight 0 now\n"));
    info = show("scoring");
    QCOMPARE(weights(info), (QMap<QString, double>{{"credit:1", 1.0}, {"credit:2", 0.0}}));
    QCOMPARE(info.value("events").toArray().last().toObject().value("reason").toString(), QString("odd answers"));
    QCOMPARE(run({"endpoint", "canary", project_, "scoring", "--step"}).out, QString("the canary of scoring has weight 0.1 now\n"));

    // Promote: all the traffic, an ordinary variant, and production in the registry.
    const Result promoted = run({"endpoint", "canary", project_, "scoring", "--promote", "--reason", "it is better"});
    QVERIFY2(promoted.code == 0, qPrintable(promoted.err));
    QCOMPARE(promoted.out, QString("the canary of scoring has weight 1 now\n"));
    info = show("scoring");
    QCOMPARE(weights(info), (QMap<QString, double>{{"credit:1", 0.0}, {"credit:2", 1.0}}));
    for (const auto& v : info.value("variants").toArray()) QCOMPARE(v.toObject().value("role").toString(), QString("variant"));
    QCOMPARE(kinds(info), (QStringList{"created", "weights", "canary_step", "rollback", "canary_step", "promote"}));
    const QJsonArray models = run({"model", "list", project_, "--json"}).json().value("models").toArray();
    QCOMPARE(models[0].toObject().value("alias").toString(), QString("archived"));
    QCOMPARE(models[1].toObject().value("alias").toString(), QString("production"));
    const Result history = run({"model", "history", project_, "credit"});
    QVERIFY2(history.out.contains("canary release of endpoint scoring"), qPrintable(history.out));
  }

  void settingsAreShownAndChanged() {
    const Result shown = run({"endpoint", "settings", project_, "scoring"});
    QVERIFY2(shown.code == 0, qPrintable(shown.err));
    QCOMPARE(shown.out, QString("endpoint scoring settings: sampling 0.5, key column \"id\", log kept 30 days\n"));
    const Result changed = run({"endpoint", "settings", project_, "scoring", "--sampling", "0.25", "--no-key-column",
                                "--log-retention-days", "7", "--reason", "less logging", "--json"});
    QVERIFY2(changed.code == 0, qPrintable(changed.err));
    QCOMPARE(changed.json(), (QJsonObject{{"sampling", 0.25}, {"log_retention_days", 7}}));
    QJsonObject info = show("scoring");
    QCOMPARE(info.value("settings").toObject(), (QJsonObject{{"sampling", 0.25}, {"log_retention_days", 7}}));
    const QJsonObject last = info.value("events").toArray().last().toObject();
    QCOMPARE(last.value("kind").toString(), QString("settings"));
    QCOMPARE(last.value("reason").toString(), QString("less logging"));
    QCOMPARE(last.value("detail").toObject().value("from").toObject(), (QJsonObject{{"key_column", "id"}, {"sampling", 0.5}}));
    // Only what is given changes.
    QCOMPARE(run({"endpoint", "settings", project_, "scoring", "--key-column", "customer"}).out,
             QString("endpoint scoring settings changed: sampling 0.25, key column \"customer\", log kept 7 days\n"));
    QCOMPARE(show("scoring").value("settings").toObject(),
             (QJsonObject{{"sampling", 0.25}, {"log_retention_days", 7}, {"key_column", "customer"}}));
  }

  void badInputIsOneLineAndExitTwo() {
    const QString labels = dir_.filePath("none.csv");
    const QList<QPair<QStringList, QString>> cases = {
        {{"endpoint"}, "create, list"},
        {{"endpoint", "frobnicate", project_}, "create, list"},
        {{"endpoint", "create", project_, "bad"}, "--variant"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1=0.5"}, "sum to 0.5"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1=0.5", "--variant", "credit:2=0.6"}, "sum to 1.1"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1=-0.5", "--variant", "credit:2=1.5"}, "\"credit:1\" has weight -0.5"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1=nan"}, "credit:1"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1=half"}, "not a number"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1"}, "NAME:VERSION=WEIGHT"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1=0.5", "--variant", "credit:1=0.5"}, "named twice"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1=0.5", "--canary", "credit:1=0.5"}, "named twice"},
        {{"endpoint", "create", project_, "bad", "--variant", "nope:1=1"}, "nope"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:9=1"}, "no version 9"},
        {{"endpoint", "create", project_, "bad name", "--variant", "credit:1=1"}, "letters, digits"},
        {{"endpoint", "create", project_, "scoring", "--variant", "credit:1=1"}, "already an endpoint"},
        {{"endpoint", "create", project_, "bad", "--variant", "credit:1=1", "--sampling", "2"}, "--sampling"},
        {{"endpoint", "create", dir_.filePath("missing.lathe"), "bad", "--variant", "credit:1=1"}, "missing.lathe"},
        {{"endpoint", "show", project_, "nope"}, "no endpoint \"nope\""},
        {{"endpoint", "weights", project_, "nope", "--variant", "credit:1=1"}, "no endpoint \"nope\""},
        {{"endpoint", "weights", project_, "ab", "--variant", "credit:1=0.2", "--variant", "credit:2=0.2"}, "sum to 0.4"},
        {{"endpoint", "settings", project_}, "PROJECT NAME"},
        {{"endpoint", "settings", project_, "nope"}, "no endpoint \"nope\""},
        {{"endpoint", "settings", project_, "ab", "--sampling", "1.5"}, "sampling"},
        {{"endpoint", "settings", project_, "ab", "--sampling", "lots"}, "--sampling"},
        {{"endpoint", "settings", project_, "ab", "--log-retention-days", "-3"}, "retention"},
        {{"endpoint", "settings", project_, "ab", "--key-column", "id", "--no-key-column"}, "not both"},
        {{"endpoint", "canary", project_, "ab"}, "--step, --rollback or --promote"},
        {{"endpoint", "canary", project_, "ab", "--step"}, "has no canary"},
        {{"endpoint", "ab", project_, "ab"}, "--labels"},
        {{"endpoint", "ab", project_, "ab", "--labels", labels, "--key", "id", "--label", "class"}, "none.csv"},
        {{"serve", project_}, "--endpoint"},
        {{"serve", project_, "--endpoint", "nope", "--port", "0"}, "nope"},
        {{"serve", project_, "--endpoint", "ab", "--port", "70000"}, "--port"},
    };
    const QJsonObject before = show("ab");
    for (const auto& [args, needle] : cases) {
      const Result r = run(args);
      const QString what = args.join(' ') + " -> " + QString::number(r.code) + ": " + r.err;
      QVERIFY2(r.code == 2, qPrintable(what));
      QVERIFY2(r.err.trimmed().count('\n') == 0 && r.err.startsWith("lathe "), qPrintable(what));
      QVERIFY2(r.err.contains(needle), qPrintable(what));
    }
    // Nothing was made or moved by any of them.
    QCOMPARE(run({"endpoint", "list", project_, "--json"}).json().value("endpoints").toArray().size(), 2);
    QCOMPARE(show("ab"), before);
  }

  void serveAnswersAndStopsCleanlyOnSigterm() {
    const QString token = show("ab").value("token").toString();
    const int port = freePort();
    Server server({"serve", project_, "--endpoint", "ab", "--port", QString::number(port)});
    QVERIFY2(server.waitUntilHealthy(port), qPrintable(server.outputSoFar() + server.errors()));
    const QString url = QString("http://127.0.0.1:%1/v1/endpoints/ab/predict").arg(port);
    const QString banner = server.waitForOutput("stop with Ctrl-C");
    QVERIFY2(banner.startsWith("serving ab at " + url + "\ntoken: " + token + "\n"), qPrintable(banner));

    // 12 requests of 10 applicants each; each applicant's id keys its variant.
    QSet<QString> variants;
    for (int request = 0; request < 12; ++request) {
      QList<int> rows;
      for (int i = 0; i < 10; ++i) rows << request * 10 + i;
      const Reply reply = predict(port, "ab", rows, token.toUtf8());
      QVERIFY2(reply.status == 200, reply.body.constData());
      const QJsonArray predictions = reply.json().value("predictions").toArray();
      QCOMPARE(predictions.size(), 10);
      for (const auto& p : predictions) {
        const QJsonObject prediction = p.toObject();
        QVERIFY(prediction.value("label") == "good" || prediction.value("label") == "bad");
        QVERIFY(std::abs(prediction.value("probabilities").toObject().value("good").toDouble() +
                         prediction.value("probabilities").toObject().value("bad").toDouble() - 1.0) < 1e-9);
        variants.insert(prediction.value("variant").toString());
      }
      rows_ << rows;
    }
    QCOMPARE(variants, (QSet<QString>{"credit:1", "credit:2"}));
    // The same applicant meets the same variant again.
    const QJsonArray once = predict(port, "ab", {3, 4, 5}, token.toUtf8()).json().value("predictions").toArray();
    const QJsonArray twice = predict(port, "ab", {3, 4, 5}, token.toUtf8()).json().value("predictions").toArray();
    QCOMPARE(once, twice);
    // No token, or another, is refused.
    QCOMPARE(predict(port, "ab", {1}, {}).status, 401);
    QCOMPARE(predict(port, "ab", {1}, "0123").status, 401);
    QCOMPARE(http(port, "GET", "/v1/endpoints/scoring", {}, token.toUtf8()).status, 404);  // only "ab" is served

    const Result stopped = server.terminate();
    QVERIFY2(stopped.code == 0, qPrintable(stopped.out + stopped.err));
    const auto match = QRegularExpression("\nstopped after (\\d+) requests \\((\\d+) logged\\)\n$").match(stopped.out);
    QVERIFY2(match.hasMatch(), qPrintable(stopped.out));
    served_ = match.captured(1).toInt();
    QCOMPARE(match.captured(2).toInt(), served_);
    QVERIFY2(served_ >= 14, qPrintable(stopped.out));  // a request split between the variants counts for each
    QCOMPARE(http(port, "GET", "/health").status, 0);  // gone

    // What was served is in the project.
    const QJsonObject info = show("ab");
    const QJsonObject traffic = info.value("traffic").toObject();
    QCOMPARE(traffic.keys(), (QStringList{"credit:1", "credit:2"}));
    int requests = 0, rowsLogged = 0;
    for (const auto& t : traffic) {
      requests += t.toObject().value("requests").toInt();
      rowsLogged += t.toObject().value("rows").toInt();
      QCOMPARE(t.toObject().value("errors").toInt(), 0);
      QVERIFY(t.toObject().value("p99_ms").toDouble() >= t.toObject().value("p50_ms").toDouble());
    }
    QCOMPARE(requests, served_);
    QCOMPARE(rowsLogged, 120 + 6);
    QCOMPARE(kinds(info), (QStringList{"created", "started", "stopped"}));
    QCOMPARE(info.value("events").toArray()[1].toObject().value("detail").toObject().value("port").toInt(), port);
  }

  void abJoinsTheLabelsToTheLoggedAnswers() {
    QVERIFY2(!rows_.isEmpty(), "needs the requests served above");
    // The labels that arrived later: every applicant served, and two that never were.
    QByteArray csv = "id,class\n";
    for (int r : rows_) csv += QByteArray::number(1001 + r) + "," + classOf(r).toUtf8() + "\n";
    csv += "1999,good\n1998,bad\n";
    const QString labels = dir_.filePath("labels.csv");
    QFile file(labels);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size());
    file.close();

    const Result r = run({"endpoint", "ab", project_, "ab", "--labels", labels, "--key", "id", "--label", "class",
                          "--metric", "accuracy", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject result = r.json();
    QCOMPARE(result.value("metric").toString(), QString("accuracy"));
    QCOMPARE(result.value("labels_without_answer").toInt(), 2);
    QCOMPARE(result.value("answers_without_label").toInt(), 0);
    const QJsonArray variants = result.value("variants").toArray();
    QCOMPARE(variants.size(), 2);
    QSet<QString> names;
    int rows = 0;
    for (const auto& v : variants) {
      const QJsonObject variant = v.toObject();
      names.insert(variant.value("variant").toString());
      rows += variant.value("rows").toInt();
      const double value = variant.value("value").toDouble();
      QVERIFY2(value > 0.5 && value <= 1.0, qPrintable(QJsonDocument(variant).toJson()));
      const QJsonArray interval = variant.value("interval").toArray();
      QVERIFY(interval[0].toDouble() <= value && value <= interval[1].toDouble());
    }
    QCOMPARE(names, (QSet<QString>{"credit:1", "credit:2"}));
    QCOMPARE(rows, 120);
    const QJsonArray comparisons = result.value("comparisons").toArray();
    QCOMPARE(comparisons.size(), 1);
    const QString verdict = comparisons[0].toObject().value("verdict").toString();
    QVERIFY2(QStringList({"better", "worse", "no_difference_yet", "not_enough_data"}).contains(verdict), qPrintable(verdict));
    QVERIFY(!comparisons[0].toObject().value("sentence").toString().isEmpty());

    // The text form: a line per variant, then the verdict's sentence.
    const Result text = run({"endpoint", "ab", project_, "ab", "--labels", labels, "--key", "id", "--label", "class",
                             "--metric", "accuracy"});
    QVERIFY2(text.code == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains("credit:1: accuracy ") && text.out.contains("credit:2: accuracy "), qPrintable(text.out));
    // A key column the labels lack is named.
    const Result wrong = run({"endpoint", "ab", project_, "ab", "--labels", labels, "--key", "customer", "--label", "class"});
    QCOMPARE(wrong.code, 2);
    QVERIFY2(wrong.err.contains("\"customer\""), qPrintable(wrong.err));
  }

  void aBundleIsServedWithoutTheProject() {
    const QString bundle = dir_.filePath("credit.lathemodel");
    QCOMPARE(run({"model", "export", project_, "credit:1", "--output", bundle}).code, 0);
    const Result noToken = run({"serve", bundle});
    QCOMPARE(noToken.code, 2);
    QVERIFY2(noToken.err.contains("--token"), qPrintable(noToken.err));

    const int port = freePort();
    Server server({"serve", bundle, "--token", "bundle-secret", "--port", QString::number(port)});
    QVERIFY2(server.waitUntilHealthy(port), qPrintable(server.outputSoFar() + server.errors()));
    const QString banner = server.waitForOutput("stop with Ctrl-C");
    QVERIFY2(banner.startsWith(QString("serving credit at http://127.0.0.1:%1/v1/endpoints/credit/predict\n"
                                       "token: bundle-secret\n").arg(port)),
             qPrintable(banner));
    // A bundle has no key column: an "id" is an unknown column there.
    QCOMPARE(predict(port, "credit", {0}, "bundle-secret").status, 400);
    const Reply reply = predict(port, "credit", {0, 1, 2, 3}, "bundle-secret", false);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonArray predictions = reply.json().value("predictions").toArray();
    QCOMPARE(predictions.size(), 4);
    for (const auto& p : predictions) QCOMPARE(p.toObject().value("variant").toString(), QString("credit:1"));
    QCOMPARE(predict(port, "credit", {0}, "wrong", false).status, 401);
    const Result stopped = server.terminate(SIGINT);  // Ctrl-C stops it the same way
    QVERIFY2(stopped.code == 0, qPrintable(stopped.out + stopped.err));
    QVERIFY2(stopped.out.endsWith("stopped after 1 requests (0 logged)\n"), qPrintable(stopped.out));
  }
};

QTEST_GUILESS_MAIN(tst_CliEndpoint)
#include "tst_CliEndpoint.moc"
