// The Deploy dock in the studio window (issue 10, items 3 to 5): the German-credit demo, trained
// by `lathe run`, its runs 1 and 2 registered as credit:1 and credit:2, and two endpoints made
// through deploy::EndpointRegistry: "ab" (credit:1 and credit:2 at 0.5 each, keyed by "id",
// every request logged) and "release" (credit:1 at 0.9, credit:2 the canary at 0.1). Through
// DeployController and the panel: a project without endpoints shows the empty state; the panel
// lists the endpoints and shows the token in full; Start serves in this process (the button reads
// Stop, the address is shown) and predictions with the token over a POSIX socket are answered
// and counted in the variant table by the once-a-second tick; 200 requests from another thread
// leave the GUI thread free; Stop stops (nobody listens, a "stopped" event); Compare Variants
// joins a labels file to the logged answers as a job, and its result is not shown for another
// endpoint; Step Up Canary, Roll Back and Promote change the weights shown, add to the Changes
// list, and Promote makes the canary's version production and reaches the running server;
// switching or closing the project, or closing the window, while serving stops the server and
// frees its port. The slots run in order on one window.
//
// With LATHE_DEPLOY_SHOTS=DIR set (run it under xvfb-run with QT_QPA_PLATFORM=xcb), the
// screenshots slot saves the window and the dock's tabs, serving "ab" with traffic and an A/B
// result and "release" stepped up once, in English and Korean (DIR/deploy-en.png,
// deploy-ko.png, deploy-en-dock0.png, ..., deploy-ko-release.png); without it it skips.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <memory>
#include <thread>

#include "GuiStallMeter.h"
#include "IsolatedSettings.h"
#include "TimeBounds.h"
#include "app/desktop/DeployController.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/StudioDocks.h"
#include "app/desktop/UiLanguage.h"
#include "app/document/ProjectDocument.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/store/Project.h"
#include "engine/store/Statement.h"
#include "widgets/deploy/AbResultView.h"
#include "widgets/deploy/DeployPanel.h"
#include "widgets/deploy/EndpointSettingsDialog.h"
#include "widgets/panels/PlaceholderStack.h"
#include "TestPaths.h"

using lathe::app::MainWindow;

namespace {
constexpr int kWait = 300000;  // the demo trains three models; generous for the sanitizer build
// The panel's tick is once a second and the server's housekeeper looks about once a second.
const int kTick = static_cast<int>(20000 * kTimeBoundScale);

enum Column { NameColumn, RoleColumn, WeightColumn, RequestsColumn, RowsColumn };

bool runCli(const QStringList& arguments) {
  QProcess cli;
  cli.start(QString::fromUtf8(LATHE_CLI), arguments);
  if (!cli.waitForFinished(kWait) || cli.exitCode() != 0) {
    qWarning("lathe %s: %s", qPrintable(arguments.join(u' ')), cli.readAllStandardError().constData());
    return false;
  }
  return true;
}

// ---- credit-g, read from its ARFF (as in tst_CliEndpoint) ---------------------------------------

struct Attribute {
  QString name;
  bool numeric;
};

QStringList arffValues(const QString& line) {
  QStringList out;
  QString current;
  bool quoted = false;
  for (const QChar c : line) {
    if (c == u'\'') quoted = !quoted;
    else if (c == u',' && !quoted) {
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
    QFile file(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/credit-g.arff"));
    if (!file.open(QIODevice::ReadOnly)) qFatal("no credit-g.arff");
    bool inData = false;
    while (!file.atEnd()) {
      const QString line = QString::fromUtf8(file.readLine()).trimmed();
      if (line.startsWith(QLatin1String("@attribute"), Qt::CaseInsensitive)) {
        const QString type = line.section(u' ', 2).trimmed();
        c.attributes.push_back({line.section(u' ', 1, 1), type == QLatin1String("numeric") || type == QLatin1String("real")});
      } else if (line.startsWith(QLatin1String("@data"), Qt::CaseInsensitive)) {
        inData = true;
      } else if (inData && !line.isEmpty() && !line.startsWith(u'%')) {
        c.rows.push_back(arffValues(line));
      }
    }
    return c;
  }();
  return data;
}

// The applicant `row` (0-based) as a request's row: every column but the class, and its id
// 1001 + row, which keys its variant (an endpoint without that key column refuses it).
QJsonObject applicant(int row, bool withId = true) {
  QJsonObject out;
  const auto& c = credit();
  for (qsizetype i = 0; i < c.attributes.size(); ++i) {
    if (c.attributes[i].name == QLatin1String("class")) continue;
    const QString& value = c.rows[row][i];
    if (c.attributes[i].numeric) out.insert(c.attributes[i].name, value.toDouble());
    else out.insert(c.attributes[i].name, value);
  }
  if (withId) out.insert(QStringLiteral("id"), 1001 + row);
  return out;
}

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

// Whether a listening socket could take `port` now (SO_REUSEADDR: a connection of the old
// server in TIME_WAIT does not count, a socket still listening does).
bool portIsFree(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<quint16>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 && ::listen(fd, 1) == 0;
  ::close(fd);
  return bound;
}

struct Reply {
  int status = 0;  // 0: no answer (nobody listens)
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

Reply predict(int port, const QString& endpoint, const QList<int>& rows, const QByteArray& token) {
  QJsonArray array;
  for (int r : rows) array.push_back(applicant(r, endpoint == QLatin1String("ab")));
  const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("rows"), array}}).toJson(QJsonDocument::Compact);
  return http(port, "POST", "/v1/endpoints/" + endpoint.toUtf8() + "/predict", body, token);
}

QList<int> range(int first, int count) {
  QList<int> out;
  for (int i = 0; i < count; ++i) out << first + i;
  return out;
}

}  // namespace

class tst_DeployPanel : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;
  QString demo_, empty_;
  std::unique_ptr<MainWindow> window_;
  QSet<int> served_;                 // the applicants answered by "ab"
  QMap<QString, qint64> liveCounts_;  // "ab"'s requests per variant, as the server counted them

  lathe::widgets::DeployPanel* panel() const { return window_->docks().deployPanel; }
  lathe::app::DeployController* controller() const { return window_->deploy(); }
  lathe::store::Database& db() const { return window_->document()->project()->db(); }
  QComboBox* endpointBox() const { return panel()->findChild<QComboBox*>(); }
  QListWidget* changes() const { return panel()->findChild<QListWidget*>(); }
  QLineEdit* tokenEdit() const {
    for (auto* edit : panel()->findChildren<QLineEdit*>())
      if (!qobject_cast<QAbstractSpinBox*>(edit->parentWidget())) return edit;
    return nullptr;
  }
  QLabel* labelStartingWith(const QString& text) const {
    for (auto* label : panel()->findChildren<QLabel*>())
      if (!text.isEmpty() && label->text().startsWith(text)) return label;
    return nullptr;
  }
  QStringList cells(int column) const {
    QStringList out;
    auto* table = panel()->variantTable();
    for (int row = 0; row < table->rowCount(); ++row) out << (table->item(row, column) ? table->item(row, column)->text() : QString());
    return out;
  }
  // Start as the button does, then wait for the start job (it loads the versions off the GUI
  // thread): true once serving.
  bool serve(int port) {
    if (!controller()->start(port)) return false;
    return QTest::qWaitFor([&] { return !controller()->isStarting(); }, kWait) && controller()->isServing();
  }
  QString changesText() const {
    QStringList lines;
    for (int i = 0; i < changes()->count(); ++i) lines << changes()->item(i)->text();
    return lines.join(u'\n');
  }
  QByteArray token(const std::string& endpoint) const {
    return QByteArray::fromStdString(lathe::deploy::EndpointRegistry(db()).get(endpoint).token);
  }
  QStringList eventKinds(const std::string& endpoint) const {
    QStringList out;
    for (const auto& event : lathe::deploy::EndpointRegistry(db()).events(endpoint)) out << QString::fromStdString(event.kind);
    return out;
  }
  // Requests per variant as the running server answers GET /v1/endpoints/NAME.
  QMap<QString, qint64> liveRequests(int port, const QString& endpoint) const {
    QMap<QString, qint64> out;
    const Reply reply = http(port, "GET", "/v1/endpoints/" + endpoint.toUtf8(), {}, token(endpoint.toStdString()));
    for (const auto& v : reply.json().value(QStringLiteral("variants")).toArray())
      out[v.toObject().value(QStringLiteral("name")).toString()] = v.toObject().value(QStringLiteral("requests")).toInteger();
    return out;
  }
  // Weight per variant as the running server answers GET /v1/endpoints/NAME.
  QMap<QString, double> liveWeights(int port, const QString& endpoint) const {
    QMap<QString, double> out;
    const Reply reply = http(port, "GET", "/v1/endpoints/" + endpoint.toUtf8(), {}, token(endpoint.toStdString()));
    for (const auto& v : reply.json().value(QStringLiteral("variants")).toArray())
      out[v.toObject().value(QStringLiteral("name")).toString()] = v.toObject().value(QStringLiteral("weight")).toDouble();
    return out;
  }
  QMap<QString, qint64> shownRequests() const {
    QMap<QString, qint64> out;
    const QStringList names = cells(NameColumn), requests = cells(RequestsColumn);
    for (int i = 0; i < names.size(); ++i) out[names[i]] = requests[i].toLongLong();
    return out;
  }
  bool open(const QString& path) {
    window_->openFile(path);
    return QTest::qWaitFor(
        [&] { return window_->document()->hasProject() && window_->document()->filePath() == path; }, kWait);
  }
  void choose(const QString& endpoint) {
    endpointBox()->setCurrentText(endpoint);
    QCOMPARE(panel()->endpoint(), endpoint);
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    demo_ = dir_.filePath(QStringLiteral("credit.lathe"));
    empty_ = dir_.filePath(QStringLiteral("empty.lathe"));
    QVERIFY(runCli({QStringLiteral("project"), QStringLiteral("new"), demo_, QStringLiteral("--demo")}));
    QVERIFY(runCli({QStringLiteral("run"), demo_}));  // logistic, forest and xgboost
    QVERIFY(runCli({QStringLiteral("model"), QStringLiteral("register"), demo_, QStringLiteral("1"), QStringLiteral("--name"),
                    QStringLiteral("credit")}));
    QVERIFY(runCli({QStringLiteral("model"), QStringLiteral("register"), demo_, QStringLiteral("2"), QStringLiteral("--name"),
                    QStringLiteral("credit")}));
    QVERIFY(runCli({QStringLiteral("project"), QStringLiteral("new"), empty_, QStringLiteral("--name"), QStringLiteral("Empty")}));
    {
      auto project = lathe::store::Project::open(demo_.toStdString());
      QVERIFY(!project->readOnly());
      lathe::deploy::ModelRegistry models(project->db());
      const auto one = models.resolve("credit:1"), two = models.resolve("credit:2");
      lathe::deploy::EndpointRegistry endpoints(project->db());
      endpoints.create("ab", {{one.reference(), one.id, 0.5, "variant"}, {two.reference(), two.id, 0.5, "variant"}},
                       {{"key_column", "id"}, {"sampling", 1.0}});
      endpoints.create("release", {{one.reference(), one.id, 0.9, "variant"}, {two.reference(), two.id, 0.1, "canary"}});
    }
    QCOMPARE(credit().rows.size(), 1000);
    window_ = std::make_unique<MainWindow>();
    window_->resize(1440, 900);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  }

  void cleanupTestCase() { window_.reset(); }

  // A project without endpoints: the dock shows the panel, and the panel says how to make one.
  void aProjectWithoutEndpointsShowsTheEmptyState() {
    QVERIFY(open(empty_));
    QVERIFY(static_cast<lathe::widgets::PlaceholderStack*>(window_->docks().deploy->widget())->isShowingContent());
    QLabel* empty = labelStartingWith(QStringLiteral("No endpoints yet"));
    QVERIFY(empty);
    QVERIFY(empty->isVisibleTo(panel()));
    QVERIFY2(empty->text().contains(QStringLiteral("New Endpoint")), qPrintable(empty->text()));
    QVERIFY(!panel()->variantTable()->isVisibleTo(panel()));
    QCOMPARE(endpointBox()->count(), 0);
    QVERIFY(!panel()->startButton()->isEnabled());
    QVERIFY(!controller()->start(0));  // nothing to serve
    QVERIFY(!controller()->isServing());
  }

  // The demo's endpoints are listed, the first chosen; its token is shown in full; each
  // endpoint shows its own variants, weights and roles.
  void theEndpointsAreListedWithTheirTokens() {
    QVERIFY(open(demo_));
    QVERIFY(!window_->document()->readOnly());
    QStringList names;
    for (int i = 0; i < endpointBox()->count(); ++i) names << endpointBox()->itemText(i);
    QCOMPARE(names, (QStringList{QStringLiteral("ab"), QStringLiteral("release")}));
    QCOMPARE(panel()->endpoint(), QStringLiteral("ab"));
    QVERIFY(!labelStartingWith(QStringLiteral("No endpoints yet"))->isVisibleTo(panel()));
    QVERIFY(panel()->variantTable()->isVisibleTo(panel()));

    const QString abToken = QString::fromLatin1(token("ab"));
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(abToken).hasMatch(), qPrintable(abToken));
    QCOMPARE(tokenEdit()->text(), abToken);
    QCOMPARE(tokenEdit()->displayText(), abToken);  // shown, not hidden behind dots
    QCOMPARE(cells(NameColumn), (QStringList{QStringLiteral("credit:1"), QStringLiteral("credit:2")}));
    QCOMPARE(cells(RoleColumn), (QStringList{QStringLiteral("variant"), QStringLiteral("variant")}));
    QCOMPARE(cells(WeightColumn), (QStringList{QStringLiteral("50.0%"), QStringLiteral("50.0%")}));
    QCOMPARE(cells(RequestsColumn), (QStringList{QStringLiteral("0"), QStringLiteral("0")}));
    QVERIFY(!panel()->stepButton()->isEnabled());  // no canary here
    QVERIFY(panel()->startButton()->isEnabled());
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Start"));
    QVERIFY(changesText().contains(QStringLiteral("created")));

    choose(QStringLiteral("release"));
    const QString releaseToken = QString::fromLatin1(token("release"));
    QCOMPARE(tokenEdit()->text(), releaseToken);
    QVERIFY(releaseToken != abToken);
    QCOMPARE(cells(RoleColumn), (QStringList{QStringLiteral("variant"), QStringLiteral("canary")}));
    QCOMPARE(cells(WeightColumn), (QStringList{QStringLiteral("90.0%"), QStringLiteral("10.0%")}));
    QVERIFY(panel()->stepButton()->isEnabled());
    QVERIFY(panel()->rollbackButton()->isEnabled());
    QVERIFY(panel()->promoteButton()->isEnabled());
    choose(QStringLiteral("ab"));
    QCOMPARE(tokenEdit()->text(), abToken);
  }

  // Start serves "ab" on a free port in this process: the button reads Stop, the address is
  // shown, predictions with the token are answered by both variants, and the tick brings their
  // counts into the table.
  void startServesAndTheTableCountsTheRequests() {
    QVERIFY(controller()->start(0));
    // The versions load in a job: the button already reads Stop (it cancels the start).
    QVERIFY(controller()->isStarting());
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Stop"));
    QVERIFY(!controller()->start(0));  // already starting
    QTRY_VERIFY_WITH_TIMEOUT(!controller()->isStarting(), kWait);
    QVERIFY(controller()->isServing());
    const int port = controller()->servingPort();
    QVERIFY(port > 0);
    QVERIFY(!controller()->start(0));  // already serving
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Stop"));
    const QString url = QStringLiteral("http://127.0.0.1:%1/v1/endpoints/ab/predict").arg(port);
    QLabel* address = labelStartingWith(url);
    QVERIFY2(address && address->text() == url, qPrintable(url));
    QVERIFY(address->isVisibleTo(panel()));
    QVERIFY(!endpointBox()->isEnabled());  // the served endpoint cannot change under the server
    QVERIFY2(panel()->status().contains(QStringLiteral("Serving ab")), qPrintable(panel()->status()));

    QCOMPARE(http(port, "GET", "/health").status, 200);
    QCOMPARE(predict(port, QStringLiteral("ab"), {0}, {}).status, 401);
    QCOMPARE(predict(port, QStringLiteral("ab"), {0}, "0123").status, 401);
    QSet<QString> variants;
    for (int request = 0; request < 12; ++request) {
      const QList<int> rows = range(request * 5, 5);
      const Reply reply = predict(port, QStringLiteral("ab"), rows, token("ab"));
      QVERIFY2(reply.status == 200, reply.body.constData());
      const QJsonArray predictions = reply.json().value(QStringLiteral("predictions")).toArray();
      QCOMPARE(predictions.size(), 5);
      for (const auto& p : predictions) variants.insert(p.toObject().value(QStringLiteral("variant")).toString());
      for (int r : rows) served_.insert(r);
    }
    QCOMPARE(variants, (QSet<QString>{QStringLiteral("credit:1"), QStringLiteral("credit:2")}));

    const auto live = liveRequests(port, QStringLiteral("ab"));
    QCOMPARE(live.size(), 2);
    QVERIFY(live.value(QStringLiteral("credit:1")) > 0 && live.value(QStringLiteral("credit:2")) > 0);
    // A request split between the variants counts for each, so at least 12 in all.
    QVERIFY(live.value(QStringLiteral("credit:1")) + live.value(QStringLiteral("credit:2")) >= 12);
    QTRY_COMPARE_WITH_TIMEOUT(shownRequests(), live, kTick);
    const QStringList rows = cells(RowsColumn);
    QCOMPARE(rows[0].toInt() + rows[1].toInt(), 60);  // each row is answered by one variant
    QVERIFY(!cells(8)[0].isEmpty());  // the distribution of the answers
  }

  // 200 requests (of 4 applicants each) from another thread while the GUI thread runs its event
  // loop: every one is answered and a 10 ms timer on the GUI thread keeps firing on time.
  void theServerDoesNotHoldTheGuiThread() {
    QVERIFY(controller()->isServing());
    const int port = controller()->servingPort();
    const QByteArray key = token("ab");
    (void)applicant(0);  // the ARFF is read before the thread starts
    std::atomic<int> answered{0}, failed{0};
    std::atomic<bool> done{false};
    GuiStallMeter meter;
    meter.start();
    std::thread client([&] {
      for (int i = 0; i < 200; ++i) {
        const Reply reply = predict(port, QStringLiteral("ab"), range(100 + 4 * i, 4), key);
        (reply.status == 200 ? answered : failed)++;
      }
      done = true;
    });
    const bool finished = QTest::qWaitFor([&] { return done.load(); }, kWait);
    meter.stop();
    client.join();
    QVERIFY(finished);
    QCOMPARE(failed.load(), 0);
    QCOMPARE(answered.load(), 200);
    for (int r = 100; r < 900; ++r) served_.insert(r);
    qInfo("200 requests in %.2f s; the GUI timer ticked %d times, its worst stall %.1f ms", meter.seconds(), meter.ticks(),
          meter.worstStallMs());
    QVERIFY2(meter.tickedEnough(), qPrintable(QString::number(meter.ticks())));
    QVERIFY2(meter.worstStallMs() < 500 * kTimeBoundScale, qPrintable(QString::number(meter.worstStallMs())));
    // And the table caught up with them.
    const auto live = liveRequests(port, QStringLiteral("ab"));
    QVERIFY(live.value(QStringLiteral("credit:1")) + live.value(QStringLiteral("credit:2")) >= 212);
    QTRY_COMPARE_WITH_TIMEOUT(shownRequests(), live, kTick);
    liveCounts_ = live;
  }

  // Stop: nobody listens any more, the button reads Start, the status says where the requests
  // went, a "stopped" event is recorded and listed, and the table shows the logged counts.
  void stopStopsTheServer() {
    const int port = controller()->servingPort();
    const int changesBefore = changes()->count();
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Stop"));
    QTest::mouseClick(panel()->startButton(), Qt::LeftButton);
    QVERIFY(!controller()->isServing());
    QCOMPARE(controller()->servingPort(), 0);
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Start"));
    QVERIFY(!labelStartingWith(QStringLiteral("http://")));
    QVERIFY(endpointBox()->isEnabled());
    QCOMPARE(http(port, "GET", "/health").status, 0);
    QCOMPARE(predict(port, QStringLiteral("ab"), {1}, token("ab")).status, 0);
    QVERIFY(portIsFree(port));
    QVERIFY2(panel()->status().contains(QStringLiteral("stopped")), qPrintable(panel()->status()));
    QCOMPARE(eventKinds("ab"), (QStringList{QStringLiteral("created"), QStringLiteral("started"), QStringLiteral("stopped")}));
    QVERIFY2(changes()->count() > changesBefore, qPrintable(changesText()));
    QVERIFY2(changes()->item(changes()->count() - 1)->text().contains(QStringLiteral("stopped")), qPrintable(changesText()));
    // Every answer was logged; the table now reads the log (on a worker thread).
    QTRY_COMPARE_WITH_TIMEOUT(shownRequests(), liveCounts_, kTick);
  }

  // Compare Variants: the labels that arrived later, joined by "id" to the logged answers; the
  // job fills the A/B view with a row per variant and the verdict in words.
  void compareVariantsJudgesTheVariants() {
    QByteArray csv = "id,class\n";
    for (int r : served_) csv += QByteArray::number(1001 + r) + "," + credit().rows[r].back().toUtf8() + "\n";
    const QString labels = dir_.filePath(QStringLiteral("labels.csv"));
    QFile file(labels);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size());
    file.close();

    auto* view = panel()->abResult();
    QCOMPARE(view->table()->rowCount(), 0);
    controller()->compareVariants(labels, QStringLiteral("id"), QStringLiteral("class"), QStringLiteral("accuracy"));
    QTRY_COMPARE_WITH_TIMEOUT(view->table()->rowCount(), 2, kWait);
    QTRY_VERIFY2(panel()->status().contains(QStringLiteral("compared")), qPrintable(panel()->status()));
    QSet<QString> names;
    int rows = 0;
    for (int row = 0; row < 2; ++row) {
      names.insert(view->table()->item(row, 0)->text());
      rows += view->table()->item(row, 1)->text().toInt();
      const double kpi = view->table()->item(row, 2)->text().toDouble();
      QVERIFY2(kpi > 0.5 && kpi <= 1.0, qPrintable(view->table()->item(row, 2)->text()));
      QVERIFY(!view->table()->item(row, 3)->text().isEmpty());  // its interval
      QVERIFY(!view->table()->item(row, 6)->text().isEmpty());  // its verdict, or "reference"
    }
    QCOMPARE(names, (QSet<QString>{QStringLiteral("credit:1"), QStringLiteral("credit:2")}));
    QCOMPARE(rows, static_cast<int>(served_.size()));  // every applicant answered, once each
    const QString verdict = view->verdictText();
    QVERIFY2(verdict.contains(QStringLiteral("credit:")) && verdict.contains(QStringLiteral("accuracy")), qPrintable(verdict));
    QVERIFY2(panel()->status().startsWith(QString::number(served_.size())), qPrintable(panel()->status()));
  }

  // The canary of "release", served meanwhile: Step Up, Roll Back, Step Up, Promote, each
  // shown in the weights and listed in Changes; Promote makes credit:2 production and the
  // running server follows.
  void theCanaryStepsRollsBackAndIsPromoted() {
    QCOMPARE(panel()->abResult()->table()->rowCount(), 2);
    choose(QStringLiteral("release"));
    QCOMPARE(panel()->abResult()->table()->rowCount(), 0);  // "ab"'s result is not this endpoint's
    QVERIFY(serve(0));
    const int port = controller()->servingPort();
    QCOMPARE(labelStartingWith(QStringLiteral("http://"))->text(),
             QStringLiteral("http://127.0.0.1:%1/v1/endpoints/release/predict").arg(port));
    QVERIFY(panel()->stepButton()->isEnabled());

    int lines = changes()->count();
    auto clickAndExpect = [&](QPushButton* button, const QStringList& weights, const QString& kind) {
      QTest::mouseClick(button, Qt::LeftButton);
      QCOMPARE(cells(WeightColumn), weights);
      QVERIFY2(changes()->count() == lines + 1, qPrintable(changesText()));
      QVERIFY2(changes()->item(lines)->text().contains(kind), qPrintable(changesText()));
      lines = changes()->count();
    };
    clickAndExpect(panel()->stepButton(), {QStringLiteral("80.0%"), QStringLiteral("20.0%")}, QStringLiteral("canary stepped up"));
    QVERIFY2(panel()->status().contains(QStringLiteral("20.0%")), qPrintable(panel()->status()));
    QVERIFY(changes()->item(lines - 1)->text().contains(QStringLiteral("stepped up by hand")));
    clickAndExpect(panel()->rollbackButton(), {QStringLiteral("100.0%"), QStringLiteral("0.0%")}, QStringLiteral("canary rolled back"));
    QVERIFY(changes()->item(lines - 1)->text().contains(QStringLiteral("rolled back by hand")));
    clickAndExpect(panel()->stepButton(), {QStringLiteral("90.0%"), QStringLiteral("10.0%")}, QStringLiteral("canary stepped up"));
    QVERIFY(!lathe::deploy::ModelRegistry(db()).production("credit").has_value());
    clickAndExpect(panel()->promoteButton(), {QStringLiteral("0.0%"), QStringLiteral("100.0%")}, QStringLiteral("canary promoted"));
    QVERIFY2(panel()->status().contains(QStringLiteral("100.0%")), qPrintable(panel()->status()));
    QCOMPARE(cells(RoleColumn), (QStringList{QStringLiteral("variant"), QStringLiteral("variant")}));
    QVERIFY(!panel()->stepButton()->isEnabled());  // no canary any more
    QVERIFY(!panel()->promoteButton()->isEnabled());
    const auto production = lathe::deploy::ModelRegistry(db()).production("credit");
    QVERIFY(production.has_value());
    QCOMPARE(production->reference(), std::string("credit:2"));
    QCOMPARE(eventKinds("release"), (QStringList{QStringLiteral("created"), QStringLiteral("started"), QStringLiteral("canary_step"),
                                                 QStringLiteral("rollback"), QStringLiteral("canary_step"),
                                                 QStringLiteral("promote")}));
    // The promotion reaches the server while it runs (its housekeeper looks about once a
    // second); from then on every answer is credit:2's.
    QTRY_COMPARE_WITH_TIMEOUT(liveWeights(port, QStringLiteral("release")),
                              (QMap<QString, double>{{QStringLiteral("credit:1"), 0.0}, {QStringLiteral("credit:2"), 1.0}}), kTick);
    for (int request = 0; request < 20; ++request) {
      const Reply reply = predict(port, QStringLiteral("release"), {request}, token("release"));
      QVERIFY2(reply.status == 200, reply.body.constData());
      QCOMPARE(reply.json().value(QStringLiteral("predictions")).toArray().at(0).toObject().value(QStringLiteral("variant")).toString(),
               QStringLiteral("credit:2"));
    }
    QVERIFY(controller()->isServing());
  }

  // Opening another project while serving stops the server first: the port is let go, the
  // panel shows the other project, and the first one opens again writable.
  void switchingTheProjectStopsTheServer() {
    QVERIFY(controller()->isServing());
    const int port = controller()->servingPort();
    QVERIFY(open(empty_));
    QVERIFY(!controller()->isServing());
    QCOMPARE(http(port, "GET", "/health").status, 0);
    QVERIFY(portIsFree(port));
    QCOMPARE(endpointBox()->count(), 0);
    QVERIFY(labelStartingWith(QStringLiteral("No endpoints yet"))->isVisibleTo(panel()));
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Start"));
    QCOMPARE(panel()->abResult()->table()->rowCount(), 0);

    QVERIFY(open(demo_));
    QVERIFY2(!window_->document()->readOnly(), "the stopped server still holds the project");
    QCOMPARE(eventKinds("release").last(), QStringLiteral("stopped"));
    QCOMPARE(eventKinds("release").count(QStringLiteral("started")), 1);
  }

  // Closing the project while serving stops the server too.
  void closingTheProjectStopsTheServer() {
    QCOMPARE(panel()->endpoint(), QStringLiteral("ab"));
    QVERIFY(serve(0));
    const int port = controller()->servingPort();
    QCOMPARE(predict(port, QStringLiteral("ab"), {3}, token("ab")).status, 200);
    window_->document()->close();
    QVERIFY(!controller()->isServing());
    QCOMPARE(http(port, "GET", "/health").status, 0);
    QVERIFY(portIsFree(port));
    QVERIFY(!static_cast<lathe::widgets::PlaceholderStack*>(window_->docks().deploy->widget())->isShowingContent());
    QTest::qWait(1500);  // a tick or so: nothing reads the closed project
    auto project = lathe::store::Project::open(demo_.toStdString());
    QVERIFY2(!project->readOnly(), "the stopped server still holds the project");
    const auto events = lathe::deploy::EndpointRegistry(project->db()).events("ab");
    QCOMPARE(events.back().kind, std::string("stopped"));
  }

  // A start is a job: Stop while it runs leaves nothing serving, and a port that is taken
  // gives a status naming it, with the button back to Start.
  void aStartIsCancelledByStopAndAFailedStartSaysWhy() {
    QVERIFY(open(demo_));
    QCOMPARE(panel()->endpoint(), QStringLiteral("ab"));
    const int held = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::bind(held, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 && ::listen(held, 1) == 0);
    socklen_t length = sizeof address;
    QVERIFY(::getsockname(held, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    const int taken = ntohs(address.sin_port);
    auto closeHeld = qScopeGuard([held] { ::close(held); });
    QVERIFY(controller()->start(taken));
    QTRY_VERIFY_WITH_TIMEOUT(!controller()->isStarting(), kWait);
    QVERIFY(!controller()->isServing());
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Start"));
    QVERIFY2(panel()->status().contains(QStringLiteral("did not start")) && panel()->status().contains(QString::number(taken)),
             qPrintable(panel()->status()));
    closeHeld.dismiss();
    ::close(held);

    // Stop at once: the start's result, when it comes, is dropped and its server stopped.
    QVERIFY(portIsFree(taken));
    QVERIFY(controller()->start(taken));
    QTest::mouseClick(panel()->startButton(), Qt::LeftButton);  // reads Stop while starting
    QVERIFY(!controller()->isStarting());
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Start"));
    QTest::qWait(3000);  // the job ends meanwhile
    QVERIFY(!controller()->isServing());
    QCOMPARE(http(taken, "GET", "/health").status, 0);
    QVERIFY(portIsFree(taken));
    QCOMPARE(panel()->startButton()->text(), QStringLiteral("Start"));
  }

  // Settings…: the sampling, the key column and the log's retention, saved with a reason in
  // the changes, and followed by the running server.
  void endpointSettingsReachTheRunningServer() {
    QCOMPARE(panel()->endpoint(), QStringLiteral("ab"));
    auto* button = panel()->findChild<QPushButton*>(QStringLiteral("endpointSettingsButton"));
    QVERIFY(button && button->isEnabled());
    QVERIFY(serve(0));
    const int port = controller()->servingPort();
    const auto sampleRate = [&] {
      return http(port, "GET", "/v1/endpoints/ab", {}, token("ab")).json().value(QStringLiteral("sample_rate")).toDouble(-1);
    };
    const auto keyColumn = [&] {
      return http(port, "GET", "/v1/endpoints/ab", {}, token("ab")).json().value(QStringLiteral("key_column")).toString();
    };
    QCOMPARE(sampleRate(), 1.0);  // as the demo made it
    QCOMPARE(keyColumn(), QStringLiteral("id"));
    lathe::widgets::EndpointSettingsDialog::Values values;
    values.sampling = 0.25;
    values.keyColumn = QStringLiteral("customer");
    values.logRetentionDays = 7;
    QVERIFY(controller()->changeEndpointSettings(values));
    QVERIFY2(panel()->status().contains(QStringLiteral("follows")), qPrintable(panel()->status()));
    const auto settings = lathe::deploy::EndpointRegistry(db()).get("ab").settings;
    QCOMPARE(settings.value("sampling", -1.0), 0.25);
    QCOMPARE(settings.value("key_column", std::string()), std::string("customer"));
    QCOMPARE(settings.value("log_retention_days", -1), 7);
    QVERIFY2(changesText().contains(QStringLiteral("settings changed")), qPrintable(changesText()));
    QTRY_COMPARE_WITH_TIMEOUT(sampleRate(), 0.25, kTick);
    QCOMPARE(keyColumn(), QStringLiteral("customer"));
    // No key column, and a sampling out of range is refused with the reason.
    values.keyColumn.clear();
    values.sampling = 1.0;
    QVERIFY(controller()->changeEndpointSettings(values));
    QTRY_COMPARE_WITH_TIMEOUT(keyColumn(), QString(), kTick);
    values.sampling = 1.5;
    QVERIFY(!controller()->changeEndpointSettings(values));
    QVERIFY2(panel()->status().contains(QStringLiteral("sampling")), qPrintable(panel()->status()));
    QCOMPARE(lathe::deploy::EndpointRegistry(db()).get("ab").settings.value("sampling", -1.0), 1.0);
    controller()->stop();
  }

  // A month of logged traffic (a million requests) is counted off the GUI thread: choosing the
  // endpoint never stalls the window, and the table fills in when the reading is done.
  void aLargeRequestLogIsReadOffTheGuiThread() {
    QVERIFY(!controller()->isServing());
    choose(QStringLiteral("ab"));
    const auto release = lathe::deploy::EndpointRegistry(db()).get("release");
    lathe::store::Statement insert = db().prepare(
        "INSERT INTO request_log (endpoint_id, variant, at, status, latency_ms, \"rows\") "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) "
        "SELECT ?1, CASE WHEN i % 10 = 0 THEN 'credit:2' ELSE 'credit:1' END, '2026-11-30T00:00:00.000Z', 200, 1.5, 1 FROM n");
    insert.bind(1, release.id).run();
    QMap<QString, qint64> expected;
    lathe::store::Statement counts =
        db().prepare("SELECT variant, COUNT(*) FROM request_log WHERE endpoint_id = ?1 GROUP BY variant");
    counts.bind(1, release.id);
    while (counts.step()) expected[QString::fromStdString(counts.text(0))] = counts.int64(1);
    QVERIFY(expected.value(QStringLiteral("credit:1")) >= 900000);

    GuiStallMeter meter;
    meter.start();
    choose(QStringLiteral("release"));
    const bool shown = QTest::qWaitFor([&] { return shownRequests() == expected; }, kWait);
    meter.stop();
    QVERIFY2(shown, qPrintable(cells(RequestsColumn).join(u' ')));
    qInfo("a million logged requests counted in %.2f s; the GUI's worst stall %.1f ms", meter.seconds(), meter.worstStallMs());
    QVERIFY2(meter.worstStallMs() < 500 * kTimeBoundScale, qPrintable(QString::number(meter.worstStallMs())));
  }

  // The window as a user sees it, serving with traffic and an A/B result, in English and
  // Korean (only with LATHE_DEPLOY_SHOTS set).
  void screenshots() {
    const QString folder = qEnvironmentVariable("LATHE_DEPLOY_SHOTS");
    if (folder.isEmpty()) QSKIP("LATHE_DEPLOY_SHOTS is not set");
    QVERIFY(open(demo_));
    window_->docks().deploy->show();
    window_->docks().deploy->raise();
    QVERIFY(serve(panel()->port()) || serve(0));  // 8321 unless taken
    const int port = controller()->servingPort();
    for (int request = 0; request < 20; ++request)
      QCOMPARE(predict(port, QStringLiteral("ab"), range(request * 7, 7), token("ab")).status, 200);
    QByteArray csv = "id,class\n";
    for (int r = 0; r < 140; ++r) csv += QByteArray::number(1001 + r) + "," + credit().rows[r].back().toUtf8() + "\n";
    const QString labels = dir_.filePath(QStringLiteral("shot-labels.csv"));
    QFile file(labels);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size());
    file.close();
    QTest::qWait(1500);  // the log's batch, then the tick
    controller()->compareVariants(labels, QStringLiteral("id"), QStringLiteral("class"), QStringLiteral("accuracy"));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->abResult()->table()->rowCount(), 2, kWait);
    QTest::qWait(1500);
    auto* tabs = panel()->findChild<QTabWidget*>();
    QVERIFY(tabs);
    // The window on the traffic tab, and the dock on each tab.
    auto shoot = [&](const QString& name) {
      tabs->setCurrentIndex(0);
      QTest::qWait(200);
      QVERIFY(window_->grab().save(QDir(folder).filePath(QStringLiteral("deploy-%1.png").arg(name))));
      for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QTest::qWait(200);
        QVERIFY(window_->docks().deploy->grab().save(
            QDir(folder).filePath(QStringLiteral("deploy-%1-dock%2.png").arg(name).arg(tab))));
      }
      tabs->setCurrentIndex(0);
    };
    shoot(QStringLiteral("en"));
    lathe::app::UiLanguage::install(*qApp, QStringLiteral("ko"));
    auto english = qScopeGuard([] { lathe::app::UiLanguage::install(*qApp, QStringLiteral("en")); });
    QTest::qWait(1500);
    shoot(QStringLiteral("ko"));
    // The canary endpoint, stepped up once, with a few requests.
    controller()->stop();
    choose(QStringLiteral("release"));
    QVERIFY(serve(panel()->port()) || serve(0));
    controller()->stepCanary();
    for (int request = 0; request < 10; ++request)
      QCOMPARE(predict(controller()->servingPort(), QStringLiteral("release"), range(request * 3, 3), token("release")).status, 200);
    QTest::qWait(1500);
    shoot(QStringLiteral("ko-release"));
    english.dismiss();
    lathe::app::UiLanguage::install(*qApp, QStringLiteral("en"));
    QTest::qWait(1500);
    shoot(QStringLiteral("en-release"));
    controller()->stop();
  }

  // Closing the window while serving stops the server and lets the port go.
  void closingTheWindowStopsTheServer() {
    QVERIFY(open(demo_));
    QVERIFY(serve(0));
    const int port = controller()->servingPort();
    QCOMPARE(http(port, "GET", "/health").status, 200);
    window_.reset();
    QCOMPARE(http(port, "GET", "/health").status, 0);
    QVERIFY(portIsFree(port));
  }
};

QTEST_MAIN(tst_DeployPanel)
#include "tst_DeployPanel.moc"
