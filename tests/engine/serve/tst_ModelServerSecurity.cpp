// The server against hostile and broken clients: BAD_INPUTS cases 35 (wrong feature count or
// types, NaN/inf, empty batch, a million rows: a 4xx with a message, bounded memory) and 36
// (127.0.0.1 by default; missing or wrong token 401; foreign Host 403; body over the limit 413;
// CR/LF in headers 400; ../ paths 404; 1,000 slow connections while other clients are still
// answered; weights are in tst_TrafficSplit). Raw sockets, so that nothing a client library
// would tidy up is tidied.
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtTest>

#include <atomic>
#include <fstream>
#include <thread>

#include "../ml/MlTestSupport.h"
#include "TimeBounds.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/serve/ModelServer.h"

using namespace lathe;
using nlohmann::json;
using serve::ModelServer;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kToken = "t0ken-for-tests";

std::shared_ptr<const deploy::ScoringModel> penguinModel() {
  static const auto model = [] {
    const auto table = mltest::loadTable("penguins.csv");
    auto encoder = ml::FeatureEncoder::fit(table, "Species");
    const auto training = encoder.encodeTraining(table);
    experiments::TrainedModel trained{std::move(encoder), ml::EstimatorRegistry::create("logistic", {{"impute", "median"}})};
    mltest::QuietContext quiet;
    trained.estimator->fit(training, quiet.context);
    deploy::InputSchema schema;
    for (const auto& c : table.columns())
      if (c->name() != "Species") schema.push_back({c->name(), c->type()});
    return deploy::ScoringModel::load(trained.serialize(), json::array(), schema, "Species", std::nullopt);
  }();
  return model;
}

const char* kRow =
    R"j({"Island": "Biscoe", "Beak Length (mm)": 45.1, "Beak Depth (mm)": 14.5, "Flipper Length (mm)": 215, "Body Mass (g)": 5000, "Sex": "FEMALE"})j";

std::string rows(int n, const char* row = kRow) {
  std::string out = "{\"rows\": [";
  for (int i = 0; i < n; ++i) out += (i ? "," : "") + std::string(row);
  return out + "]}";
}

int connectTo(int port, in_addr_t address = htonl(INADDR_LOOPBACK)) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  to.sin_addr.s_addr = address;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return -1;
  }
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  return fd;
}

bool sendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

struct Reply {
  int status = 0;
  std::string head;
  std::string body;
  bool closed = false;  // the server closed the connection after answering
  json parsed() const { return json::parse(body, nullptr, false); }
  std::string error() const {
    const json j = parsed();
    return j.is_object() && j.contains("error") ? j["error"].get<std::string>() : "(no JSON error: " + body + ")";
  }
};

// Sends `raw` on a new connection (ignoring a send the server cut short) and reads one answer;
// with `checkClosed`, also whether the server then closes the connection (waiting up to `wait`).
Reply roundTrip(int port, const std::string& raw, bool checkClosed = false, int wait = 2000) {
  Reply reply;
  const int fd = connectTo(port);
  if (fd < 0) return reply;
  sendAll(fd, raw);
  std::string buffer;
  char chunk[65536];
  std::size_t end = std::string::npos, length = 0;
  for (;;) {
    if (end == std::string::npos && (end = buffer.find("\r\n\r\n")) != std::string::npos) {
      reply.head = buffer.substr(0, end + 2);
      reply.status = std::stoi(reply.head.substr(9, 3));
      std::string lower = reply.head;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      if (const auto at = lower.find("content-length: "); at != std::string::npos) length = std::stoul(lower.substr(at + 16));
    }
    if (end != std::string::npos && buffer.size() >= end + 4 + length) break;
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  if (end != std::string::npos) reply.body = buffer.substr(end + 4, length);
  if (checkClosed) {  // closed: the next read sees the end (or a reset), not a timeout
    timeval brief{wait / 1000, wait % 1000 * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &brief, sizeof brief);
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    reply.closed = n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
  }
  ::close(fd);
  return reply;
}

std::string request(int port, const std::string& method, const std::string& path, const std::string& body,
                    const std::vector<std::string>& headers) {
  std::string out = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n";
  for (const auto& h : headers) out += h + "\r\n";
  if (method == "POST") out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return out + "\r\n" + body;
}

std::string predictRequest(int port, const std::string& body, std::vector<std::string> headers = {}) {
  headers.push_back("Authorization: Bearer " + kToken);
  return request(port, "POST", "/v1/endpoints/penguins/predict", body, headers);
}

// The most memory this process has held (VmHWM), in MiB.
long peakMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6)) / 1024;
  return 0;
}

}  // namespace

class tst_ModelServerSecurity : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    ModelServer::Config c;
    c.token = kToken;
    c.threads = 2;
    c.headerTimeout = std::chrono::milliseconds(1500);
    server_ = std::make_unique<ModelServer>(c);
    server_->addEndpoint({"penguins", 1, {{"v1", 1.0, penguinModel()}}, "", 0.0});
    server_->start();
    port_ = server_->port();
  }
  void cleanupTestCase() { server_.reset(); }

  void boundToLoopbackByDefault() {
    QCOMPARE(ModelServer::Config{}.host, std::string("127.0.0.1"));
    QCOMPARE(roundTrip(port_, request(port_, "GET", "/health", {}, {})).status, 200);
    // Not reachable on the machine's other addresses.
    ifaddrs* list = nullptr;
    QVERIFY(::getifaddrs(&list) == 0);
    int tried = 0;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
      if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
      const in_addr_t address = reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr.s_addr;
      if ((ntohl(address) >> 24) == 127) continue;
      ++tried;
      const int fd = connectTo(port_, address);
      QCOMPARE(fd, -1);
    }
    ::freeifaddrs(list);
    if (tried == 0) qInfo("no non-loopback IPv4 address to try");
  }

  void aTokenIsRequired() {
    const std::string body = rows(1);
    auto predictWith = [&](const std::vector<std::string>& headers) {
      return roundTrip(port_, request(port_, "POST", "/v1/endpoints/penguins/predict", body, headers));
    };
    const Reply missing = predictWith({});
    QCOMPARE(missing.status, 401);
    QVERIFY(missing.head.find("WWW-Authenticate: Bearer") != std::string::npos);
    QVERIFY2(missing.error().find("token is required") != std::string::npos, missing.body.c_str());
    QCOMPARE(predictWith({"Authorization: Bearer wrong"}).status, 401);
    QCOMPARE(predictWith({"Authorization: Bearer " + kToken + "x"}).status, 401);
    QCOMPARE(predictWith({"Authorization: Bearer " + kToken.substr(1)}).status, 401);
    QCOMPARE(predictWith({"Authorization: Basic " + kToken}).status, 401);
    QCOMPARE(predictWith({"X-Lathe-Token: nope"}).status, 401);
    QCOMPARE(predictWith({"Authorization: Bearer " + kToken}).status, 200);
    QCOMPARE(predictWith({"Authorization: bearer " + kToken}).status, 200);
    QCOMPARE(predictWith({"X-Lathe-Token: " + kToken}).status, 200);
    // The endpoint route and unknown endpoints too: no probing names without the token.
    QCOMPARE(roundTrip(port_, request(port_, "GET", "/v1/endpoints/penguins", {}, {})).status, 401);
    QCOMPARE(roundTrip(port_, request(port_, "GET", "/v1/endpoints/secret", {}, {})).status, 401);
  }

  void noBodyIsInvitedWithoutTheToken() {
    // "Expect: 100-continue": the guard answers before the client sends its body.
    const std::string body = rows(2);
    auto head = [&](const std::string& token) {
      return "POST /v1/endpoints/penguins/predict HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token +
             "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nExpect: 100-continue\r\n\r\n";
    };
    const Reply refused = roundTrip(port_, head("wrong"), true);  // the body is never sent
    QCOMPARE(refused.status, 401);
    QVERIFY(refused.closed);
    const int fd = connectTo(port_);
    QVERIFY(sendAll(fd, head(kToken)));
    char buffer[4096];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    QVERIFY(n > 0);
    QVERIFY(std::string(buffer, static_cast<std::size_t>(n)).starts_with("HTTP/1.1 100 Continue\r\n"));
    QVERIFY(sendAll(fd, body));
    std::string answer;
    for (ssize_t m; answer.find("\"predictions\"") == std::string::npos && (m = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
      answer.append(buffer, static_cast<std::size_t>(m));
    QVERIFY2(answer.starts_with("HTTP/1.1 200"), answer.c_str());
    ::close(fd);
  }

  void foreignHostsAreRefused() {
    auto withHost = [&](const std::string& host) {
      return roundTrip(port_, "GET /health HTTP/1.1\r\nHost: " + host + "\r\n\r\n").status;
    };
    for (const std::string& host : std::vector<std::string>{"evil.example", "evil.example:" + std::to_string(port_), "127.0.0.1.evil.example",
                                   "localhost.evil.example", "127.0.0.2", "[::2]", "localhost:abc", "0.0.0.0"})
      QVERIFY2(withHost(host) == 403, host.c_str());
    for (const std::string& host : std::vector<std::string>{"127.0.0.1", "127.0.0.1:" + std::to_string(port_), "localhost", "LocalHost:80",
                                   "[::1]", "[::1]:" + std::to_string(port_)})
      QVERIFY2(withHost(host) == 200, host.c_str());
    QCOMPARE(roundTrip(port_, "GET /health HTTP/1.1\r\n\r\n").status, 400);  // no Host at all
    QCOMPARE(roundTrip(port_, "GET /health HTTP/1.1\r\nHost: \r\n\r\n").status, 400);
    QCOMPARE(roundTrip(port_, "GET /health HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n").status, 400);
    // Before the token: a rebinding page never learns whether its guess was right.
    const Reply r = roundTrip(port_, "POST /v1/endpoints/penguins/predict HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer " +
                                         kToken + "\r\nContent-Length: 2\r\n\r\n{}", true);
    QCOMPARE(r.status, 403);
    QVERIFY(r.closed);  // its body was not read, so the connection cannot go on
  }

  void crOrLfInsideHeadersIsA400() {
    const std::string start = "GET /health HTTP/1.1\r\nHost: localhost\r\n";
    const std::vector<std::string> attacks{
        start + "X-Test: a\rb\r\n\r\n",                           // bare CR in a value
        start + "X-Test: a\nSet-Cookie: x=y\r\n\r\n",             // bare LF: a smuggled header
        "GET /health HTTP/1.1\nHost: localhost\n\n",              // LF-only lines
        start + "X-Test: a\r\n folded\r\n\r\n",                   // obsolete line folding
        start + std::string("X-Test: a\0b\r\n\r\n", 15),          // NUL
        start + "Bad Name: x\r\n\r\n",                            // a space in a name
        start + ": no name\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: localhost\rX-Injected: 1\r\n\r\n",
    };
    for (const auto& raw : attacks) {
      const Reply r = roundTrip(port_, raw, true);
      QVERIFY2(r.status == 400, (std::to_string(r.status) + " for " + json(raw).dump()).c_str());
      QVERIFY2(r.error().find("malformed request head") != std::string::npos, r.body.c_str());
      QVERIFY(r.closed);
    }
    // Percent-encoded CR LF in the path decode inside the path, never into headers: a 404.
    const Reply encoded = roundTrip(port_, "GET /health%0d%0aX-Injected:%201 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QCOMPARE(encoded.status, 404);
    QVERIFY(encoded.head.find("X-Injected") == std::string::npos);
    // httplib's own refusals are JSON too.
    const Reply garbage = roundTrip(port_, "GARBAGE\r\nHost: localhost\r\n\r\n");
    QCOMPARE(garbage.status, 400);
    QVERIFY(garbage.parsed().contains("error"));
  }

  void dotDotPathsAre404() {
    for (const std::string path :
         {"/v1/endpoints/../health", "/v1/endpoints/..", "/v1/endpoints/../../etc/passwd", "/v1/../health",
          "/v1/endpoints/%2e%2e/predict", "/v1/endpoints/penguins/../penguins/predict", "/v1/endpoints/./penguins",
          "/../../../etc/passwd", "/v1/endpoints/penguins%2fpredict", "/v1/endpoints/penguins/predict/",
          "/v1/endpoints//predict", "/v1/endpoints/.penguins/predict", "/health/..", "/", "/v2/endpoints/penguins"}) {
      const Reply r = roundTrip(port_, request(port_, "POST", path, rows(1), {"Authorization: Bearer " + kToken}));
      QVERIFY2(r.status == 404, (std::to_string(r.status) + " for " + path).c_str());
      QVERIFY(r.parsed().contains("error"));
    }
    QCOMPARE(roundTrip(port_, request(port_, "GET", "/v1/endpoints/nope", {}, {"Authorization: Bearer " + kToken})).status, 404);
    QCOMPARE(roundTrip(port_, request(port_, "GET", "/v1/endpoints/penguins/predict", {}, {"Authorization: Bearer " + kToken})).status,
             405);
    QCOMPARE(roundTrip(port_, request(port_, "POST", "/health", "x", {})).status, 405);
  }

  void bodiesOverTheLimitAre413() {
    // The bodies are built first, so that the peak memory measured below is the server's.
    const std::string big(9u << 20, ' ');
    const std::string million = rows(1000000);  // ~140 MB of JSON
    std::string csv = "Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex\n";
    csv.reserve(40u << 20);
    for (int i = 0; i < 1000000; ++i) csv += "Biscoe,45.1,14.5,215,5000,FEMALE\n";
    std::string tiny = "{\"rows\": [";  // a million rows in 3 MB: under the body limit
    for (int i = 0; i < 1000000; ++i) tiny += i ? ",{}" : "{}";
    tiny += "]}";
    const std::string tooManyRows = rows(10001), enoughRows = rows(10000);
    const std::vector<std::string> requests{predictRequest(port_, million), predictRequest(port_, csv, {"Content-Type: text/csv"}),
                                            predictRequest(port_, tiny), predictRequest(port_, tooManyRows),
                                            predictRequest(port_, enoughRows)};
    const long before = peakMiB();

    // 9 MiB, sent whole: refused from its Content-Length, never read into memory.
    const Reply r = roundTrip(port_, predictRequest(port_, big), true);
    QCOMPARE(r.status, 413);
    QVERIFY2(r.error().find("larger than 8388608 bytes") != std::string::npos, r.body.c_str());
    QVERIFY(r.closed);
    // A million rows: over 8 MiB of JSON or CSV, a 413 before any parsing.
    QCOMPARE(roundTrip(port_, requests[0]).status, 413);
    QCOMPARE(roundTrip(port_, requests[1]).status, 413);
    // A million tiny rows under the body limit: the row limit stops them.
    const Reply tooMany = roundTrip(port_, requests[2]);
    QCOMPARE(tooMany.status, 413);
    QVERIFY2(tooMany.error().find("at most 10000 rows") != std::string::npos, tooMany.body.c_str());
    QCOMPARE(roundTrip(port_, requests[3]).status, 413);
    QCOMPARE(roundTrip(port_, requests[4]).status, 200);
    // Bounded: what the server held for all that is a few times its 8 MiB body limit at most.
    QVERIFY2(peakMiB() - before < 64, std::to_string(peakMiB() - before).c_str());

    // Chunked bodies have no length to check first: cut off at the limit while read.
    ModelServer::Config c;
    c.token = kToken;
    c.maxBodyBytes = 1000;
    ModelServer small(c);
    small.addEndpoint({"penguins", 1, {{"v1", 1.0, penguinModel()}}, "", 0.0});
    small.start();
    const std::string chunk(600, ' ');
    const std::string chunked = "POST /v1/endpoints/penguins/predict HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                                kToken + "\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n" + chunk + "\r\n258\r\n" + chunk +
                                "\r\n0\r\n\r\n";
    QCOMPARE(roundTrip(small.port(), chunked).status, 413);
    // No length at all: 411.
    QCOMPARE(roundTrip(port_, "POST /v1/endpoints/penguins/predict HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                                  kToken + "\r\n\r\n")
                 .status,
             411);
  }

  void badRowsAre4xxWithAMessage_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty batch") << QByteArray("{\"rows\": []}") << QByteArray("application/json") << 400 << "empty batch";
    QTest::newRow("NaN") << QByteArray(R"j({"rows": [{"Island": "Biscoe", "Beak Length (mm)": "NaN", "Beak Depth (mm)": 1, "Flipper Length (mm)": 1, "Body Mass (g)": 1, "Sex": "MALE"}]})j")
                         << QByteArray("application/json") << 400 << "row 0, column \"Beak Length (mm)\": not a finite number";
    QTest::newRow("1e400") << QByteArray(R"j({"rows": [{"Island": "Biscoe", "Beak Length (mm)": 1, "Beak Depth (mm)": 1e400, "Flipper Length (mm)": 1, "Body Mass (g)": 1, "Sex": "MALE"}]})j")
                           << QByteArray("application/json") << 400 << "column \"Beak Depth (mm)\": not a finite number";
    QTest::newRow("inf in CSV") << QByteArray("Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex\nDream,1,2,3,inf,MALE\n")
                                << QByteArray("text/csv") << 400 << "row 0, column \"Body Mass (g)\": not a finite number";
    QTest::newRow("a feature too few") << QByteArray(R"j({"rows": [{"Island": "Biscoe", "Beak Length (mm)": 1, "Beak Depth (mm)": 1, "Flipper Length (mm)": 1, "Sex": "MALE"}]})j")
                                       << QByteArray("application/json") << 400 << "missing column \"Body Mass (g)\"";
    QTest::newRow("a feature too many") << QByteArray(R"j({"rows": [{"Species": "Adelie", "Island": "Biscoe", "Beak Length (mm)": 1, "Beak Depth (mm)": 1, "Flipper Length (mm)": 1, "Body Mass (g)": 1, "Sex": "MALE"}]})j")
                                        << QByteArray("application/json") << 400 << "row 0: unknown column \"Species\"";
    QTest::newRow("wrong type") << QByteArray(R"j({"rows": [{"Island": "Biscoe", "Beak Length (mm)": "long", "Beak Depth (mm)": 1, "Flipper Length (mm)": 1, "Body Mass (g)": 1, "Sex": "MALE"}]})j")
                                << QByteArray("application/json") << 400 << "column \"Beak Length (mm)\": expected a number";
    QTest::newRow("not json") << QByteArray("{\"rows\": [{") << QByteArray("application/json") << 400 << "not valid JSON";
    QTest::newRow("media type") << QByteArray("<rows/>") << QByteArray("application/xml") << 415 << "unsupported Content-Type";
  }
  void badRowsAre4xxWithAMessage() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, type);
    QFETCH(int, status);
    QFETCH(QString, says);
    const Reply r = roundTrip(port_, predictRequest(port_, body.toStdString(), {"Content-Type: " + type.toStdString()}), true, 300);
    QCOMPARE(r.status, status);
    QVERIFY2(r.error().find(says.toStdString()) != std::string::npos, r.body.c_str());
    QVERIFY(!r.closed);  // the body was read: the connection can go on
  }

  void headsTooLargeAreRefused() {
    const Reply longPath = roundTrip(port_, "GET /" + std::string(12000, 'a') + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QVERIFY2(longPath.status == 414 || longPath.status == 404, std::to_string(longPath.status).c_str());
    const Reply huge = roundTrip(port_, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + std::string(40000, 'b') + "\r\n\r\n");
    QCOMPARE(huge.status, 431);
  }

  void theRateLimitAnswers429() {
    ModelServer::Config c;
    c.token = kToken;
    c.rateLimit = 2.0;
    c.rateBurst = 3.0;
    ModelServer limited(c);
    limited.addEndpoint({"penguins", 1, {{"v1", 1.0, penguinModel()}}, "", 0.0});
    limited.start();
    int ok = 0, refused = 0;
    std::string retryAfter;
    for (int i = 0; i < 10; ++i) {
      const Reply r = roundTrip(limited.port(), predictRequest(limited.port(), rows(1)));
      ok += r.status == 200;
      if (r.status == 429) {
        ++refused;
        retryAfter = r.head;
      }
    }
    QVERIFY2(ok >= 3 && ok <= 5, std::to_string(ok).c_str());  // the burst, plus what refilled meanwhile
    QCOMPARE(ok + refused, 10);
    QVERIFY(retryAfter.find("Retry-After: ") != std::string::npos);
    QCOMPARE(limited.snapshot("penguins").rejected, std::uint64_t(refused));
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    QCOMPARE(roundTrip(limited.port(), predictRequest(limited.port(), rows(1))).status, 200);
    // /health is not rate-limited: a monitor can always ask.
    QCOMPARE(roundTrip(limited.port(), request(limited.port(), "GET", "/health", {}, {})).status, 200);
  }

  void aThousandSlowConnectionsDoNotStopOtherClients() {
    // 1,000 clients that connect and send nothing, 100 that send half a head, and 50 that trickle
    // a head a byte every 100 ms: the server has two workers.
    std::vector<int> idle;
    for (int i = 0; i < 1000; ++i) {
      const int fd = connectTo(port_);
      QVERIFY(fd >= 0);
      idle.push_back(fd);
    }
    for (int i = 0; i < 100; ++i) {
      const int fd = connectTo(port_);
      QVERIFY(sendAll(fd, "POST /v1/endpoints/penguins/predict HTTP/1.1\r\nHost: localhost\r\nContent-Le"));
      idle.push_back(fd);
    }
    std::jthread trickler([&](std::stop_token stop) {
      std::vector<int> fds;
      for (int i = 0; i < 50; ++i) fds.push_back(connectTo(port_));
      const std::string head = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + std::string(1000, 's');
      for (std::size_t at = 0; at < head.size() && !stop.stop_requested(); ++at) {
        for (int fd : fds) ::send(fd, head.data() + at, 1, MSG_NOSIGNAL);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      for (int fd : fds) ::close(fd);
    });
    QTRY_VERIFY_WITH_TIMEOUT(server_->openConnections() >= 1100, 5000);
    // Meanwhile, ordinary clients are answered at once.
    const double bound = 2.0 * kTimeBoundScale;
    for (int i = 0; i < 20; ++i) {
      const auto start = Clock::now();
      const Reply health = roundTrip(port_, request(port_, "GET", "/health", {}, {}));
      const Reply answer = roundTrip(port_, predictRequest(port_, rows(5)));
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      QCOMPARE(health.status, 200);
      QCOMPARE(answer.status, 200);
      QVERIFY2(seconds < bound, std::to_string(seconds).c_str());
    }
    // The slow ones are dropped once their head is overdue (1.5 s here).
    QTRY_VERIFY_WITH_TIMEOUT(server_->openConnections() < 60, 10000);
    char byte;
    QVERIFY(::recv(idle.front(), &byte, 1, 0) <= 0);
    trickler.request_stop();
    trickler.join();
    for (int fd : idle) ::close(fd);
    QCOMPARE(roundTrip(port_, request(port_, "GET", "/health", {}, {})).status, 200);
  }

 private:
  std::unique_ptr<ModelServer> server_;
  int port_ = 0;
};

QTEST_APPLESS_MAIN(tst_ModelServerSecurity)
#include "tst_ModelServerSecurity.moc"
