// ServingSession (issue 10, items 3 to 7): one endpoint of a real project served over real
// sockets on 127.0.0.1 (port 0), as `lathe serve` and the Deploy panel drive it. credit-g is
// stored, logistic regression and a decision tree are trained on it and registered as credit:1
// and credit:2. The answers equal ScoringModel::score of the same version; every answered
// request is in the project's request_log once stop() returns; a weight changed in the project
// reaches the running server within seconds; a canary whose logged error rate crosses its limit
// is rolled back by the housekeeper on its own, and one on a schedule is stepped up and
// promoted; "started" and "stopped" are events; stop() is idempotent; the token is the
// endpoint's unless given; a bundle serves the same answers without a project, under its
// model's name made fit for an address.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "../RegisteredModel.h"
#include "../ml/MlTestSupport.h"
#include "TimeBounds.h"
#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/deploy/CanaryRelease.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelBundle.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RequestLog.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/serve/ServingSession.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/Statement.h"

using namespace lathe;
using deploy::EndpointRegistry;
using deploy::EndpointVariant;
using nlohmann::json;
using serve::ServingSession;
using Clock = std::chrono::steady_clock;

namespace {

// The housekeeper looks about once a second; this is how long a test waits for it at most.
const auto kPatience = std::chrono::milliseconds(static_cast<long>(20000 * kTimeBoundScale));

std::optional<Error> errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

#define QVERIFY_ERROR(statement, errorCode, needle)                                                   \
  do {                                                                                                \
    const auto error_ = errorOf([&] { statement; });                                                  \
    QVERIFY2(error_.has_value(), "no error from: " #statement);                                       \
    QVERIFY2(error_->code() == (errorCode), error_->what());                                          \
    QVERIFY2(std::string(error_->what()).find(needle) != std::string::npos, error_->what());          \
  } while (0)

// ---- A raw HTTP client (as in tst_ModelServer) ----------------------------------------------

int connectTo(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
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
  json parsed() const { return json::parse(body, nullptr, false); }
};

Reply readReply(int fd) {
  Reply reply;
  std::string buffer;
  char chunk[65536];
  auto fill = [&] {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t end;
  while ((end = buffer.find("\r\n\r\n")) == std::string::npos)
    if (!fill()) return reply;
  reply.head = buffer.substr(0, end + 2);
  buffer.erase(0, end + 4);
  reply.status = std::stoi(reply.head.substr(9, 3));
  std::size_t length = 0;
  std::string lower = reply.head;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (const auto at = lower.find("content-length: "); at != std::string::npos) length = std::stoul(lower.substr(at + 16));
  while (buffer.size() < length)
    if (!fill()) break;
  reply.body = buffer.substr(0, length);
  return reply;
}

Reply roundTrip(int port, const std::string& method, const std::string& path, const std::string& token,
                const std::string& body = {}) {
  std::string raw = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n";
  if (!token.empty()) raw += "Authorization: Bearer " + token + "\r\n";
  if (method == "POST") raw += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  raw += "\r\n" + body;
  const int fd = connectTo(port);
  if (fd < 0) return {};
  Reply reply = sendAll(fd, raw) ? readReply(fd) : Reply{};
  ::close(fd);
  return reply;
}

Reply predict(const ServingSession& session, const std::string& body, const std::string& token) {
  return roundTrip(session.port(), "POST", "/v1/endpoints/" + session.endpoint() + "/predict", token, body);
}

// ---- Data ------------------------------------------------------------------------------------

// `rows` of `table` as the JSON a client sends: the schema's columns (the target left out).
json rowsJson(const data::Table& table, const deploy::InputSchema& schema, const std::vector<std::size_t>& rows) {
  json out = json::array();
  for (std::size_t r : rows) {
    json row = json::object();
    for (const auto& input : schema) {
      const data::Column& c = table.column(*table.indexOf(input.name));
      if (!c.isValid(r)) row[input.name] = nullptr;
      else if (c.type() == data::ColumnType::Float64) row[input.name] = c.float64Values()[r];
      else if (c.type() == data::ColumnType::Int64) row[input.name] = c.int64Values()[r];
      else row[input.name] = c.displayText(r);
    }
    out.push_back(row);
  }
  return {{"rows", out}};
}

std::vector<std::size_t> someRows(std::size_t n, std::size_t offset = 0) {
  std::vector<std::size_t> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i] = (offset + i * 13) % 1000;
  return rows;
}

// The answer's predictions are exactly what `model` says of the same rows.
void compareWithScoring(const json& predictions, const deploy::ScoringModel& model, const data::Table& table,
                        const std::vector<std::size_t>& rows) {
  const auto expected = model.score(data::gatherTable(table, rows));
  QCOMPARE(predictions.size(), rows.size());
  QVERIFY(expected.threshold.has_value());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& p = predictions[i];
    QCOMPARE(p["label"].get<std::string>(), expected.classes[static_cast<std::size_t>(expected.predicted[i])]);
    QCOMPARE(p["decision"].get<std::string>(), expected.classes[expected.decision[i]]);
    QCOMPARE(p["probabilities"].size(), expected.classes.size());
    for (std::size_t k = 0; k < expected.classes.size(); ++k)
      QCOMPARE(p["probabilities"][expected.classes[k]].get<double>(), expected.probabilities.at(i, k));
  }
}

// Waits until `done` holds, up to kPatience; how long it took, or nullopt.
std::optional<double> within(const std::function<bool()>& done) {
  const auto start = Clock::now();
  while (Clock::now() - start < kPatience) {
    if (done()) return std::chrono::duration<double>(Clock::now() - start).count();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

std::vector<std::string> kinds(const std::vector<deploy::EndpointEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.kind);
  return out;
}

}  // namespace

class tst_ServingSession : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<store::Project> project_;
  data::Table credit_;
  deploy::ModelVersionInfo logistic_, tree_;
  std::shared_ptr<const deploy::ScoringModel> logisticModel_, treeModel_;

  std::int64_t logRows(std::int64_t endpointId, const std::string& extra = "") {
    store::Statement count =
        project_->db().prepare("SELECT COUNT(*) FROM request_log WHERE endpoint_id = ?1" + extra);
    count.bind(1, endpointId);
    return count.step() ? count.int64(0) : -1;
  }
  static std::uint64_t answered(const ServingSession& session) {
    std::uint64_t requests = 0;
    for (const auto& v : session.snapshot().variants) requests += v.stats.requests;
    return requests;
  }
  std::string body(const std::vector<std::size_t>& rows) const {
    return rowsJson(credit_, logisticModel_->inputSchema(), rows).dump();
  }

  std::int64_t trainAndRegister(std::int64_t dataset, const std::string& algorithm, const std::string& name) {
    return enginetest::registerRun(project_, enginetest::trainRun(project_, dataset, "class", algorithm), name).id;
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = store::Project::create(dir_.filePath("serving.lathe").toStdString(),
                                      store::ProjectInfo{"Serving", {}, {}, {}, {}, {}, {}});
    credit_ = mltest::loadTable("credit-g.arff");
    const auto dataset = store::DatasetRepository(project_->db()).addDataset("credit-g", credit_, {});
    deploy::ModelRegistry registry(project_->db());
    logistic_ = *registry.version(trainAndRegister(dataset, "logistic", "credit"));
    tree_ = *registry.version(trainAndRegister(dataset, "tree", "credit"));
    QCOMPARE(tree_.reference(), std::string("credit:2"));
    logisticModel_ = registry.load(logistic_.id);
    treeModel_ = registry.load(tree_.id);
  }

  void servesTheVersionsAnswersAndLogsEveryRequest() {
    EndpointRegistry endpoints(project_->db());
    const auto info = endpoints.create("scoring", {{logistic_.reference(), logistic_.id, 1.0, "variant"}}, {{"sampling", 1.0}});
    auto session = ServingSession::fromProject(project_, "scoring", {});
    QCOMPARE(session->endpoint(), std::string("scoring"));
    QCOMPARE(session->token(), info.token);
    QVERIFY(!session->running());
    session->start();
    QVERIFY(session->running());
    QVERIFY(session->port() > 0);
    QCOMPARE(session->predictUrl(),
             "http://127.0.0.1:" + std::to_string(session->port()) + "/v1/endpoints/scoring/predict");
    QCOMPARE(roundTrip(session->port(), "GET", "/health", "").status, 200);

    const auto rows = someRows(40);
    const Reply r = predict(*session, body(rows), info.token);
    QVERIFY2(r.status == 200, r.body.c_str());
    const json predictions = r.parsed()["predictions"];
    compareWithScoring(predictions, *logisticModel_, credit_, rows);
    for (const auto& p : predictions) QCOMPARE(p["variant"].get<std::string>(), std::string("credit:1"));

    // Another token, or none, is refused and not logged as a variant's traffic.
    QCOMPARE(predict(*session, body(rows), "wrong").status, 401);
    QCOMPARE(predict(*session, body(rows), "").status, 401);
    // A request the model cannot take is the client's error (4xx), logged per variant only when
    // a variant saw it.
    QCOMPARE(predict(*session, R"({"rows": [{"duration": "long"}]})", info.token).status / 100, 4);
    for (int i = 0; i < 25; ++i) QCOMPARE(predict(*session, body(someRows(3, std::size_t(i))), info.token).status, 200);

    const auto route = roundTrip(session->port(), "GET", "/v1/endpoints/scoring", info.token).parsed();
    QCOMPARE(route["variants"][0]["name"].get<std::string>(), std::string("credit:1"));
    QVERIFY(route["variants"][0]["requests"].get<int>() >= 26);

    session->stop();
    QVERIFY(!session->running());
    QVERIFY(roundTrip(session->port(), "GET", "/health", "").status == 0);  // nobody listens
    // Everything answered is written once stop() returns.
    const std::uint64_t requests = answered(*session);
    QVERIFY(requests >= 26);
    QCOMPARE(logRows(info.id), static_cast<std::int64_t>(requests));
    QCOMPARE(session->loggedRequests(), requests);
    QCOMPARE(session->droppedLogRecords(), std::uint64_t{0});
    QCOMPARE(session->logError(), std::string());
    QCOMPARE(logRows(info.id, " AND status = 200 AND variant = 'credit:1'"), std::int64_t{26});
    // Sampling 1: every request's inputs and outputs are there, the outputs the answers.
    QCOMPARE(logRows(info.id, " AND input IS NOT NULL AND output IS NOT NULL AND status = 200"), std::int64_t{26});
    store::Statement first = project_->db().prepare(
        "SELECT input, output, rows FROM request_log WHERE endpoint_id = ?1 AND status = 200 ORDER BY id LIMIT 1");
    first.bind(1, info.id);
    QVERIFY(first.step());
    QCOMPARE(first.int64(2), std::int64_t{40});
    const json input = json::parse(first.text(0)), output = json::parse(first.text(1));
    QCOMPARE(input.size(), std::size_t{40});
    QCOMPARE(input[0]["duration"], json::parse(body(rows))["rows"][0]["duration"]);
    QCOMPARE(output.size(), std::size_t{40});
    for (std::size_t i = 0; i < 40; ++i) QCOMPARE(output[i]["label"], predictions[i]["label"]);

    // Started and stopped, once each; a second stop changes nothing.
    session->stop();
    session.reset();
    const auto events = endpoints.events("scoring");
    QCOMPARE(kinds(events), (std::vector<std::string>{"created", "started", "stopped"}));
    QVERIFY(events[1].detail["port"].get<int>() > 0);
    QCOMPARE(logRows(info.id), static_cast<std::int64_t>(requests));
  }

  void aGivenTokenReplacesTheEndpoints() {
    const auto info = EndpointRegistry(project_->db()).get("scoring");
    ServingSession::Options options;
    options.token = "a-token-of-my-own";
    auto session = ServingSession::fromProject(project_, "scoring", options);
    QCOMPARE(session->token(), std::string("a-token-of-my-own"));
    session->start();
    QCOMPARE(predict(*session, body(someRows(2)), "a-token-of-my-own").status, 200);
    QCOMPARE(predict(*session, body(someRows(2)), info.token).status, 401);
    session->stop();

    // An endpoint that is not there, and a busy port, are errors that say so.
    QVERIFY_ERROR(ServingSession::fromProject(project_, "nope", {}), ErrorCode::InvalidArgument, "\"nope\"");
    auto holder = ServingSession::fromProject(project_, "scoring", {});
    holder->start();
    ServingSession::Options busy;
    busy.port = holder->port();
    auto second = ServingSession::fromProject(project_, "scoring", busy);
    QVERIFY_ERROR(second->start(), ErrorCode::Io, std::to_string(holder->port()));
    QVERIFY(!second->running());
    second->stop();  // harmless
    holder->stop();
  }

  void aWeightChangedInTheProjectReachesTheServer() {
    EndpointRegistry endpoints(project_->db());
    const auto info = endpoints.create("live", {{logistic_.reference(), logistic_.id, 1.0, "variant"},
                                                 {tree_.reference(), tree_.id, 0.0, "variant"}});
    auto session = ServingSession::fromProject(project_, "live", {});
    session->start();
    const auto rows = someRows(20, 5);
    for (int i = 0; i < 5; ++i) {
      const json answer = predict(*session, body(rows), info.token).parsed();
      for (const auto& p : answer["predictions"]) QCOMPARE(p["variant"].get<std::string>(), std::string("credit:1"));
    }

    endpoints.setVariants("live", {{logistic_.reference(), logistic_.id, 0.0, "variant"}, {tree_.reference(), tree_.id, 1.0, "variant"}},
                          "weights", "all to the tree");
    json last;
    const auto took = within([&] {
      last = predict(*session, body(rows), info.token).parsed();
      return last["predictions"][0]["variant"] == "credit:2";
    });
    QVERIFY2(took.has_value(), last.dump().c_str());
    QVERIFY2(*took < 10.0 * kTimeBoundScale, std::to_string(*took).c_str());  // about a second, measured
    qInfo("a weight change reached the server in %.2f s", *took);
    // The tree's own answers, for every row.
    for (const auto& p : last["predictions"]) QCOMPARE(p["variant"].get<std::string>(), std::string("credit:2"));
    compareWithScoring(last["predictions"], *treeModel_, credit_, rows);
    const auto snapshot = session->snapshot();
    QCOMPARE(snapshot.variants.size(), std::size_t{2});
    for (const auto& v : snapshot.variants) QCOMPARE(v.weight, v.name == "credit:2" ? 1.0 : 0.0);

    // Half and half: both variants answer, each with its own model.
    endpoints.setVariants("live", {{logistic_.reference(), logistic_.id, 0.5, "variant"}, {tree_.reference(), tree_.id, 0.5, "variant"}},
                          "weights", "an A/B test");
    QVERIFY(within([&] { return session->snapshot().variants[0].weight == 0.5; }).has_value());
    std::map<std::string, int> seen;
    for (int i = 0; i < 40; ++i) {
      const json answer = predict(*session, body(rows), info.token).parsed();
      const std::string variant = answer["predictions"][0]["variant"];
      ++seen[variant];
      compareWithScoring(answer["predictions"], variant == "credit:1" ? *logisticModel_ : *treeModel_, credit_, rows);
    }
    QCOMPARE(seen.size(), std::size_t{2});

    session->stop();
    QCOMPARE(logRows(info.id), static_cast<std::int64_t>(answered(*session)));
    QCOMPARE(logRows(info.id, " AND variant = 'credit:2'"),
             static_cast<std::int64_t>(session->snapshot().variants[1].stats.requests));
  }

  // Sampling, the key column and the log's retention, changed in the project (the Deploy
  // panel's Settings, `lathe endpoint settings`), reach the running server.
  void settingsChangedInTheProjectReachTheServer() {
    EndpointRegistry endpoints(project_->db());
    const auto info = endpoints.create("tuned", {{logistic_.reference(), logistic_.id, 0.5, "variant"},
                                                  {tree_.reference(), tree_.id, 0.5, "variant"}},
                                       {{"sampling", 0.0}});
    auto session = ServingSession::fromProject(project_, "tuned", {});
    session->start();
    const auto rows = someRows(32, 3);
    json keyed = json::parse(body(rows));
    for (std::size_t i = 0; i < rows.size(); ++i) keyed["rows"][i]["customer"] = "c" + std::to_string(i % 16);
    // No key column yet: "customer" is a column no variant knows.
    QCOMPARE(predict(*session, keyed.dump(), info.token).status, 400);
    for (int i = 0; i < 5; ++i) QCOMPARE(predict(*session, body(rows), info.token).status, 200);
    QCOMPARE(session->snapshot().sampleRate, 0.0);

    endpoints.setSettings("tuned", {{"sampling", 1.0}, {"key_column", "customer"}}, "log all, key by customer");
    const auto took = within([&] {
      const auto s = session->snapshot();
      return s.keyColumn == "customer" && s.sampleRate == 1.0;
    });
    QVERIFY(took.has_value());
    qInfo("the settings reached the server in %.2f s", *took);
    // Each customer's rows go to one variant, the same on every request; the 16 customers use both.
    std::map<std::string, std::string> variantOf;
    for (int request = 0; request < 2; ++request) {
      const Reply r = predict(*session, keyed.dump(), info.token);
      QVERIFY2(r.status == 200, r.body.c_str());
      const json predictions = r.parsed()["predictions"];
      QCOMPARE(predictions.size(), rows.size());
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string customer = keyed["rows"][i]["customer"];
        const std::string variant = predictions[i]["variant"];
        const auto [seen, first] = variantOf.emplace(customer, variant);
        QCOMPARE(seen->second, variant);
      }
    }
    std::set<std::string> used;
    for (const auto& [customer, variant] : variantOf) used.insert(variant);
    QCOMPARE(used.size(), std::size_t{2});
    // Sampling 0 logged the first requests without their inputs; sampling 1 logs the keyed ones
    // with theirs (one record per variant a request reached).
    QVERIFY(within([&] { return logRows(info.id, " AND input IS NULL AND status = 200") == 5; }).has_value());
    QVERIFY(within([&] { return logRows(info.id, " AND input IS NOT NULL") == 4; }).has_value());

    // A retention of under a second: the housekeeper trims at once, not at its next hourly trim.
    endpoints.setSettings("tuned", {{"sampling", 1.0}, {"key_column", "customer"}, {"log_retention_days", 1e-5}}, "");
    QVERIFY(within([&] { return logRows(info.id, " AND input IS NULL") == 0; }).has_value());
    session->stop();
  }

  void aFailingCanaryIsRolledBackByTheHousekeeper() {
    EndpointRegistry endpoints(project_->db());
    const json settings = {{"canary", {{"max_error_rate", 0.05}, {"min_requests", 20}}}};
    const auto info = endpoints.create("guarded", {{logistic_.reference(), logistic_.id, 0.8, "variant"},
                                                    {tree_.reference(), tree_.id, 0.2, "canary"}}, settings);
    auto session = ServingSession::fromProject(project_, "guarded", {});
    session->start();
    for (int i = 0; i < 10; ++i) QCOMPARE(predict(*session, body(someRows(2, std::size_t(i))), info.token).status, 200);
    // Healthy so far: the canary keeps its share over a few housekeeping rounds.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    QCOMPARE(endpoints.get("guarded").variants.back().weight, 0.2);

    // The canary's failures, as the log would hold them: 30 of status 500.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    {
      store::Statement insert = project_->db().prepare(
          "INSERT INTO request_log (endpoint_id, variant, at, status, latency_ms, rows) VALUES (?1, 'credit:2', ?2, 500, 2.0, 1)");
      for (int i = 0; i < 30; ++i) {
        insert.bind(1, info.id).bind(2, deploy::RequestLog::formatTime(std::chrono::system_clock::now())).run();
        insert.reset();
      }
    }
    const auto took = within([&] { return endpoints.get("guarded").variants.back().weight == 0.0; });
    QVERIFY(took.has_value());
    QVERIFY2(*took < 10.0 * kTimeBoundScale, std::to_string(*took).c_str());  // about a second, measured
    qInfo("the canary was rolled back %.2f s after its errors were logged", *took);
    const auto events = endpoints.events("guarded");
    const auto rollback = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.kind == "rollback"; });
    QVERIFY(rollback != events.end());
    QVERIFY2(rollback->reason.find("error rate") != std::string::npos && rollback->reason.find("over the 5% limit") != std::string::npos,
             rollback->reason.c_str());
    QCOMPARE(endpoints.get("guarded").variants.front().weight, 1.0);

    // And the running server follows: the canary gets nothing any more.
    QVERIFY(within([&] {
      for (const auto& v : session->snapshot().variants)
        if (v.name == "credit:2") return v.weight == 0.0;
      return false;
    }).has_value());
    for (int i = 0; i < 30; ++i) {
      const json answer = predict(*session, body(someRows(2, std::size_t(i))), info.token).parsed();
      QCOMPARE(answer["predictions"][0]["variant"].get<std::string>(), std::string("credit:1"));
    }
    session->stop();
    QCOMPARE(kinds(endpoints.events("guarded")), (std::vector<std::string>{"created", "started", "rollback", "stopped"}));
  }

  void aScheduledCanaryIsSteppedUpAndPromoted() {
    EndpointRegistry endpoints(project_->db());
    const json settings = {{"canary", {{"step", 0.45}, {"interval_seconds", 1}, {"min_requests", 0}}}};
    endpoints.create("schedule", {{logistic_.reference(), logistic_.id, 0.9, "variant"}, {tree_.reference(), tree_.id, 0.1, "canary"}},
                     settings);
    auto session = ServingSession::fromProject(project_, "schedule", {});
    session->start();
    // 0.1 -> 0.55 -> 1.0 (promoted), a step about every second.
    const auto took = within([&] { return !deploy::CanaryRelease(project_->db(), "schedule").canary().has_value(); });
    QVERIFY(took.has_value());
    qInfo("stepped up and promoted in %.2f s", *took);
    const auto info = endpoints.get("schedule");
    QCOMPARE(info.variants.back().name, std::string("credit:2"));
    QCOMPARE(info.variants.back().weight, 1.0);
    // The promotion moved the alias in the same transaction as the weights.
    const auto production = deploy::ModelRegistry(project_->db()).production("credit");
    QVERIFY(production.has_value());
    QCOMPARE(production->id, tree_.id);
    QVERIFY(within([&] { return session->snapshot().variants.back().weight == 1.0; }).has_value());
    QCOMPARE(predict(*session, body(someRows(3)), info.token).parsed()["predictions"][0]["variant"].get<std::string>(),
             std::string("credit:2"));
    session->stop();
    QCOMPARE(kinds(endpoints.events("schedule")),
             (std::vector<std::string>{"created", "started", "canary_step", "promote", "stopped"}));
  }

  void aReadOnlyProjectIsServedButNotWritten() {
    store::ProjectOpenOptions options;
    options.readOnly = true;
    std::shared_ptr<const store::Project> readOnly = store::Project::open(project_->path(), options);
    QVERIFY(readOnly->readOnly());
    const auto info = EndpointRegistry(project_->db()).get("scoring");
    const auto logged = logRows(info.id);
    const auto events = EndpointRegistry(project_->db()).events("scoring").size();
    auto session = ServingSession::fromProject(readOnly, "scoring", {});
    session->start();
    const auto rows = someRows(10, 7);
    const Reply r = predict(*session, body(rows), info.token);
    QVERIFY2(r.status == 200, r.body.c_str());
    compareWithScoring(r.parsed()["predictions"], *logisticModel_, credit_, rows);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a housekeeping round or so
    QVERIFY(session->running());
    session->stop();
    QCOMPARE(session->loggedRequests(), std::uint64_t{0});
    QCOMPARE(logRows(info.id), logged);
    QCOMPARE(EndpointRegistry(project_->db()).events("scoring").size(), events);
  }

  void aBundleServesTheSameAnswersWithoutAProject() {
    deploy::ModelRegistry registry(project_->db());
    const std::string path = dir_.filePath("credit.lathemodel").toStdString();
    deploy::ModelBundle::write(registry.content(logistic_.id), path);
    QVERIFY_ERROR(ServingSession::fromBundle(path, {}), ErrorCode::InvalidArgument, "--token");
    ServingSession::Options options;
    options.token = "bundle-token";
    auto session = ServingSession::fromBundle(path, options);
    QCOMPARE(session->endpoint(), std::string("credit"));
    QCOMPARE(session->token(), std::string("bundle-token"));
    session->start();
    const auto rows = someRows(50, 3);
    const Reply r = predict(*session, body(rows), "bundle-token");
    QVERIFY2(r.status == 200, r.body.c_str());
    compareWithScoring(r.parsed()["predictions"], *logisticModel_, credit_, rows);
    QCOMPARE(r.parsed()["predictions"][0]["variant"].get<std::string>(), std::string("credit:1"));
    QCOMPARE(predict(*session, body(rows), "other").status, 401);
    session->stop();
    session->stop();
    QCOMPARE(session->loggedRequests(), std::uint64_t{0});
    QCOMPARE(answered(*session), std::uint64_t{1});

    // A model named with a space (allowed in the registry) is served under an address-safe name.
    const auto named = registry.content(logistic_.id);
    auto renamed = named;
    renamed.info.model = "credit risk";
    const auto added = registry.add(renamed);
    const std::string spaced = dir_.filePath("credit risk.lathemodel").toStdString();
    deploy::ModelBundle::write(registry.content(added.id), spaced);
    auto riskSession = ServingSession::fromBundle(spaced, options);
    QCOMPARE(riskSession->endpoint(), std::string("credit-risk"));
    riskSession->start();
    QVERIFY(riskSession->predictUrl().ends_with("/v1/endpoints/credit-risk/predict"));
    const Reply risk = predict(*riskSession, body(rows), "bundle-token");
    QVERIFY2(risk.status == 200, risk.body.c_str());
    compareWithScoring(risk.parsed()["predictions"], *logisticModel_, credit_, rows);
    QCOMPARE(risk.parsed()["predictions"][0]["variant"].get<std::string>(), std::string("credit risk:1"));
    riskSession->stop();
  }
};

QTEST_GUILESS_MAIN(tst_ServingSession)
#include "tst_ServingSession.moc"
