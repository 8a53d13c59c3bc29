// The REST model server (issue 10, item 3 and 4) over real sockets on 127.0.0.1, with real
// models: penguins (multiclass), German credit (binary, with a decision threshold) and diabetes
// progression (regression). Every route; JSON and CSV bodies give exactly what
// ScoringModel::score gives on the same rows; the split by key column and by X-Request-Key is
// deterministic; variants swap live; the request hook sees each request, sampled as asked;
// keep-alive and pipelined requests work; a busy port is an error naming it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtTest>

#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>

#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/serve/ModelServer.h"

using namespace lathe;
using nlohmann::json;
using serve::ModelServer;

namespace {

const std::string kToken = "s3cret-token";

// ---- Models ---------------------------------------------------------------------------------

struct Trained {
  data::Table table;
  std::shared_ptr<const deploy::ScoringModel> model;
};

Trained train(const std::string& file, const std::string& target, const std::string& algorithm,
              std::optional<double> threshold = std::nullopt) {
  Trained t{mltest::loadTable(file), nullptr};
  auto encoder = ml::FeatureEncoder::fit(t.table, target, {}, ml::EstimatorRegistry::categoriesFor(algorithm));
  const auto training = encoder.encodeTraining(t.table);
  experiments::TrainedModel trained{std::move(encoder), ml::EstimatorRegistry::create(algorithm, {{"impute", "median"}})};
  mltest::QuietContext quiet;
  trained.estimator->fit(training, quiet.context);
  deploy::InputSchema schema;
  for (const auto& c : t.table.columns())
    if (c->name() != target) schema.push_back({c->name(), c->type()});
  t.model = deploy::ScoringModel::load(trained.serialize(), json::array(), schema, target, threshold);
  return t;
}

const Trained& penguins() {
  static const Trained t = train("penguins.csv", "Species", "logistic");
  return t;
}
const Trained& penguinForest() {
  static const Trained t = train("penguins.csv", "Species", "forest");
  return t;
}
const Trained& credit() {
  static const Trained t = train("credit-g.arff", "class", "logistic", 0.3);
  return t;
}
const Trained& diabetes() {
  static const Trained t = train("diabetes_progression.csv", "progression", "linear");
  return t;
}

// `rows` of `t`'s table as the JSON a client sends (the target left out).
json rowsJson(const Trained& t, const std::vector<std::size_t>& rows, const std::string& extraKey = {}) {
  json out = json::array();
  for (std::size_t r : rows) {
    json row = json::object();
    for (const auto& input : t.model->inputSchema()) {
      const data::Column& c = t.table.column(*t.table.indexOf(input.name));
      if (!c.isValid(r)) row[input.name] = nullptr;
      else if (c.type() == data::ColumnType::Float64) row[input.name] = c.float64Values()[r];
      else if (c.type() == data::ColumnType::Int64) row[input.name] = c.int64Values()[r];
      else row[input.name] = c.displayText(r);
    }
    if (!extraKey.empty()) row[extraKey] = "key-" + std::to_string(r);
    out.push_back(row);
  }
  return {{"rows", out}};
}

std::string rowsCsv(const Trained& t, const std::vector<std::size_t>& rows) {
  std::string out;
  for (const auto& input : t.model->inputSchema()) out += (out.empty() ? "" : ",") + input.name;
  out += "\n";
  for (std::size_t r : rows) {
    std::string line;
    for (std::size_t i = 0; i < t.model->inputSchema().size(); ++i) {
      const data::Column& c = t.table.column(*t.table.indexOf(t.model->inputSchema()[i].name));
      if (i > 0) line += ",";
      if (!c.isValid(r)) continue;
      if (c.type() == data::ColumnType::Float64) line += json(c.float64Values()[r]).dump();  // round-trips exactly
      else line += "\"" + c.displayText(r) + "\"";
    }
    out += line + "\n";
  }
  return out;
}

std::vector<std::size_t> firstRows(std::size_t n) {
  std::vector<std::size_t> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i] = i * 7 % 300;
  return rows;
}

// ---- A raw HTTP client (httplib stays inside the engine) ----------------------------------

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
  bool hasHeader(const std::string& line) const { return head.find(line) != std::string::npos; }
};

// One response from `fd`, by its Content-Length; what follows stays in `buffer`.
Reply readReply(int fd, std::string& buffer) {
  Reply reply;
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
  buffer.erase(0, std::min(length, buffer.size()));
  return reply;
}

Reply roundTrip(int port, const std::string& raw) {
  const int fd = connectTo(port);
  if (fd < 0) return {};
  std::string buffer;
  Reply reply = sendAll(fd, raw) ? readReply(fd, buffer) : Reply{};
  ::close(fd);
  return reply;
}

std::string request(int port, const std::string& method, const std::string& path, const std::string& body = {},
                    const std::vector<std::string>& headers = {"Authorization: Bearer " + kToken}) {
  std::string out = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n";
  for (const auto& h : headers) out += h + "\r\n";
  if (method == "POST") out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return out + "\r\n" + body;
}

Reply predict(int port, const std::string& endpoint, const std::string& body, std::vector<std::string> headers = {}) {
  headers.push_back("Authorization: Bearer " + kToken);
  return roundTrip(port, request(port, "POST", "/v1/endpoints/" + endpoint + "/predict", body, headers));
}

ModelServer::Config config() {
  ModelServer::Config c;
  c.token = kToken;
  c.threads = 4;
  return c;
}

}  // namespace

class tst_ModelServer : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    server_ = std::make_unique<ModelServer>(config());
    server_->addEndpoint({"penguins", 7, {{"main", 1.0, penguins().model}}, "", 0.0});
    server_->addEndpoint({"credit", 8, {{"v1", 1.0, credit().model}}, "", 0.0});
    server_->addEndpoint({"diabetes", 9, {{"v1", 1.0, diabetes().model}}, "", 0.0});
    server_->setRequestHook([this](serve::RequestEvent&& e) {
      const std::lock_guard lock(eventsMutex_);
      events_.push_back(std::move(e));
    });
    server_->start();
    port_ = server_->port();
    QVERIFY(port_ > 0);
    QCOMPARE(server_->config().host, std::string("127.0.0.1"));
  }
  void cleanupTestCase() { server_.reset(); }

  void health() {
    const Reply r = roundTrip(port_, request(port_, "GET", "/health", {}, {}));  // no token needed
    QCOMPARE(r.status, 200);
    QCOMPARE(r.parsed(), json({{"status", "ok"}}));
    QVERIFY(r.hasHeader("Content-Type: application/json"));
  }

  void jsonPredictionsEqualScoringModel() {
    const auto rows = firstRows(40);
    const Reply r = predict(port_, "penguins", rowsJson(penguins(), rows).dump(), {"Content-Type: application/json"});
    QCOMPARE(r.status, 200);
    const json predictions = r.parsed()["predictions"];
    QCOMPARE(predictions.size(), rows.size());
    const auto expected = penguins().model->score(data::gatherTable(penguins().table, rows));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const json& p = predictions[i];
      QCOMPARE(p["variant"].get<std::string>(), std::string("main"));
      QCOMPARE(p["label"].get<std::string>(), expected.classes[static_cast<std::size_t>(expected.predicted[i])]);
      QCOMPARE(p["probabilities"].size(), expected.classes.size());
      for (std::size_t k = 0; k < expected.classes.size(); ++k)
        QCOMPARE(p["probabilities"][expected.classes[k]].get<double>(), expected.probabilities.at(i, k));
      QVERIFY(!p.contains("decision") && !p.contains("value"));
    }
  }

  void csvPredictionsEqualJsonOnes() {
    const auto rows = firstRows(25);
    const Reply fromJson = predict(port_, "penguins", rowsJson(penguins(), rows).dump());
    const Reply fromCsv = predict(port_, "penguins", rowsCsv(penguins(), rows), {"Content-Type: text/csv"});
    QCOMPARE(fromCsv.status, 200);
    QCOMPARE(fromCsv.parsed(), fromJson.parsed());
  }

  void binaryAnswersCarryTheDecision() {
    const auto rows = firstRows(30);
    const Reply r = predict(port_, "credit", rowsJson(credit(), rows).dump());
    QVERIFY2(r.status == 200, r.body.c_str());
    const json predictions = r.parsed()["predictions"];
    const auto expected = credit().model->score(data::gatherTable(credit().table, rows));
    QVERIFY(expected.threshold.has_value());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const json& p = predictions[i];
      QCOMPARE(p["decision"].get<std::string>(), expected.classes[expected.decision[i]]);
      QCOMPARE(p["probabilities"]["good"].get<double>(), expected.probabilities.at(i, 1));
      // At 0.3 "good" is decided from a probability of 0.3 up, unlike the label (0.5).
      QCOMPARE(p["decision"] == "good", expected.probabilities.at(i, 1) >= 0.3);
    }
  }

  void regressionAnswersCarryValues() {
    const auto rows = firstRows(20);
    const Reply r = predict(port_, "diabetes", rowsJson(diabetes(), rows).dump());
    QCOMPARE(r.status, 200);
    const auto expected = diabetes().model->score(data::gatherTable(diabetes().table, rows));
    const json predictions = r.parsed()["predictions"];
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const json& p = predictions[i];
      QCOMPARE(p["value"].get<double>(), expected.predicted[i]);
      QVERIFY(!p.contains("label"));
    }
  }

  void endpointRouteReportsVariantsAndCounts() {
    const Reply r = roundTrip(port_, request(port_, "GET", "/v1/endpoints/credit"));
    QCOMPARE(r.status, 200);
    const json info = r.parsed();
    QCOMPARE(info["name"].get<std::string>(), std::string("credit"));
    const json& v = info["variants"][0];
    QCOMPARE(v["name"].get<std::string>(), std::string("v1"));
    QCOMPARE(v["weight"].get<double>(), 1.0);
    QVERIFY(v["requests"].get<int>() >= 1);
    QVERIFY(v["rows"].get<int>() >= 30);
    QCOMPARE(v["errors"].get<int>(), 0);
    QVERIFY(v["latency_ms"]["p50"].get<double>() > 0.0);
    QVERIFY(v["latency_ms"]["p99"].get<double>() >= v["latency_ms"]["p50"].get<double>());
    int counted = 0;
    for (const auto& [label, count] : v["predictions"].items()) counted += count.get<int>();
    QCOMPARE(counted, v["rows"].get<int>());
    const json regression = roundTrip(port_, request(port_, "GET", "/v1/endpoints/diabetes")).parsed();
    QVERIFY(regression["variants"][0]["predictions"]["count"].get<int>() >= 20);
    QVERIFY(regression["variants"][0]["predictions"]["min"].get<double>() <=
            regression["variants"][0]["predictions"]["max"].get<double>());
    // The same figures for the GUI, without HTTP.
    const auto snapshot = server_->snapshot("credit");
    QCOMPARE(snapshot.variants.size(), std::size_t(1));
    QVERIFY(snapshot.variants[0].stats.requests >= 1);
  }

  void keyColumnSplitsRowsDeterministically() {
    server_->addEndpoint({"ab", 11, {{"a", 0.5, penguins().model}, {"b", 0.5, penguinForest().model}}, "customer", 0.0});
    const auto rows = firstRows(200);
    const std::string body = rowsJson(penguins(), rows, "customer").dump();
    const json first = predict(port_, "ab", body).parsed();
    const json second = predict(port_, "ab", body).parsed();
    QCOMPARE(first, second);
    std::map<std::string, int> perVariant;
    for (const auto& p : first["predictions"]) ++perVariant[p["variant"].get<std::string>()];
    QCOMPARE(perVariant.size(), std::size_t(2));  // one request, both variants
    QVERIFY(perVariant["a"] > 60 && perVariant["b"] > 60);
    // Each row's answer is its own variant's model's.
    const auto forest = penguinForest().model->score(data::gatherTable(penguins().table, rows));
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (first["predictions"][i]["variant"] == "b")
        QCOMPARE(first["predictions"][i]["probabilities"][forest.classes[0]].get<double>(), forest.probabilities.at(i, 0));
    const auto split = server_->snapshot("ab");
    QCOMPARE(split.variants[0].stats.rows + split.variants[1].stats.rows, std::uint64_t(400));
  }

  void requestKeyKeysTheWholeRequest() {
    server_->addEndpoint({"keyed", 12, {{"a", 0.5, penguins().model}, {"b", 0.5, penguinForest().model}}, "", 0.0});
    const std::string body = rowsJson(penguins(), firstRows(5)).dump();
    std::set<std::string> seen;
    for (int k = 0; k < 40; ++k) {
      const std::string key = "X-Request-Key: user-" + std::to_string(k);
      const json one = predict(port_, "keyed", body, {key}).parsed();
      const json two = predict(port_, "keyed", body, {key}).parsed();
      QCOMPARE(one, two);
      std::set<std::string> variants;
      for (const auto& p : one["predictions"]) variants.insert(p["variant"].get<std::string>());
      QCOMPARE(variants.size(), std::size_t(1));  // the whole request goes one way
      seen.insert(*variants.begin());
    }
    QCOMPARE(seen.size(), std::size_t(2));
    // Without a key: random per request, but still one variant per request.
    for (int i = 0; i < 10; ++i) {
      std::set<std::string> variants;
      const json predictions = predict(port_, "keyed", body).parsed()["predictions"];
      for (const auto& p : predictions) variants.insert(p["variant"].get<std::string>());
      QCOMPARE(variants.size(), std::size_t(1));
    }
  }

  void variantsSwapWhileServing() {
    server_->addEndpoint({"canary", 13, {{"stable", 1.0, penguins().model}, {"new", 0.0, penguinForest().model}}, "", 0.0});
    const std::string body = rowsJson(penguins(), firstRows(3)).dump();
    std::atomic<bool> done{false};
    std::atomic<int> failures{0}, answered{0};
    std::thread client([&] {
      while (!done) {
        const Reply r = predict(port_, "canary", body);
        if (r.status != 200) ++failures;
        ++answered;
      }
    });
    for (double w : {0.1, 0.5, 0.9, 1.0}) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      server_->setVariants("canary", {{"stable", 1.0 - w, penguins().model}, {"new", w, penguinForest().model}});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    done = true;
    client.join();
    QCOMPARE(failures.load(), 0);
    QVERIFY(answered.load() > 4);
    for (int i = 0; i < 5; ++i) QCOMPARE(predict(port_, "canary", body).parsed()["predictions"][0]["variant"], json("new"));
    // Bad weights are refused and change nothing.
    QVERIFY_THROWS_EXCEPTION(Error, server_->setVariants("canary", {{"stable", -0.5, penguins().model},
                                                                      {"new", 1.5, penguinForest().model}}));
    QCOMPARE(server_->snapshot("canary").variants[1].weight, 1.0);
    QVERIFY_THROWS_EXCEPTION(Error, server_->setVariants("nope", {{"a", 1.0, penguins().model}}));
  }

  void theHookSeesEachRequestSampledAsAsked() {
    server_->addEndpoint({"sampled", 21, {{"all", 1.0, penguins().model}}, "", 1.0});
    server_->addEndpoint({"unsampled", 22, {{"none", 1.0, penguins().model}}, "", 0.0});
    server_->addEndpoint({"third", 23, {{"some", 1.0, penguins().model}}, "", 0.3});
    const std::string body = rowsJson(penguins(), firstRows(2)).dump();
    {
      const std::lock_guard lock(eventsMutex_);
      events_.clear();
    }
    for (int i = 0; i < 5; ++i) QCOMPARE(predict(port_, "sampled", body).status, 200);
    for (int i = 0; i < 5; ++i) QCOMPARE(predict(port_, "unsampled", body).status, 200);
    for (int i = 0; i < 300; ++i) QCOMPARE(predict(port_, "third", body).status, 200);
    QCOMPARE(predict(port_, "sampled", "{\"rows\": []}").status, 400);
    const std::lock_guard lock(eventsMutex_);
    int sampledWithPayload = 0, third = 0, thirdSampled = 0, rejected = 0;
    for (const auto& e : events_) {
      if (e.endpoint == "sampled" && e.status == 200) {
        QCOMPARE(e.endpointId, std::int64_t(21));
        QCOMPARE(e.variant, std::string("all"));
        QCOMPARE(e.rows, std::size_t(2));
        QVERIFY(e.latencyMs > 0.0);
        const json input = json::parse(*e.input), output = json::parse(*e.output);
        QCOMPARE(input.size(), std::size_t(2));
        QVERIFY(input[0].contains("Island"));
        QVERIFY(output[0].contains("label") && output[0].contains("p") && output[0]["key"].is_null());
        ++sampledWithPayload;
      } else if (e.endpoint == "unsampled") {
        QVERIFY(!e.input && !e.output);
      } else if (e.endpoint == "third") {
        ++third;
        thirdSampled += e.input ? 1 : 0;
      } else if (e.endpoint == "sampled" && e.status == 400) {
        QCOMPARE(e.variant, std::string());  // refused before any variant
        ++rejected;
      }
    }
    QCOMPARE(sampledWithPayload, 5);
    QCOMPARE(third, 300);
    QVERIFY2(thirdSampled > 50 && thirdSampled < 130, std::to_string(thirdSampled).c_str());
    QCOMPARE(rejected, 1);
    QCOMPARE(server_->snapshot("sampled").rejected, std::uint64_t(1));
  }

  void keepAliveAndPipelining() {
    const int fd = connectTo(port_);
    std::string buffer;
    const std::string body = rowsJson(penguins(), firstRows(2)).dump();
    for (int i = 0; i < 3; ++i) {
      QVERIFY(sendAll(fd, request(port_, "POST", "/v1/endpoints/penguins/predict", body)));
      QCOMPARE(readReply(fd, buffer).status, 200);
    }
    // Three requests in one write: three answers, in order.
    const std::string three = request(port_, "GET", "/health", {}, {}) + request(port_, "GET", "/v1/endpoints/nope") +
                              request(port_, "POST", "/v1/endpoints/penguins/predict", body);
    QVERIFY(sendAll(fd, three));
    QCOMPARE(readReply(fd, buffer).status, 200);
    QCOMPARE(readReply(fd, buffer).status, 404);
    QCOMPARE(readReply(fd, buffer).status, 200);
    ::close(fd);
  }

  void chunkedBodiesAreRead() {
    const std::string body = rowsJson(penguins(), firstRows(3)).dump();
    char size[16];
    std::snprintf(size, sizeof size, "%zx", body.size());
    const std::string raw = "POST /v1/endpoints/penguins/predict HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                            kToken + "\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n" + body + "\r\n0\r\n\r\n";
    const Reply r = roundTrip(port_, raw);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.parsed()["predictions"].size(), std::size_t(3));
  }

  void aScoringFailureIsA422() {
    // A version whose recorded schema lacks "Island", which its model needs: the request is
    // well-formed for the schema, but the model cannot score it.
    auto schema = penguins().model->inputSchema();
    std::erase_if(schema, [](const auto& c) { return c.name == "Island"; });
    const auto bytes = penguins().model->model().serialize();
    const auto noIsland = deploy::ScoringModel::load(bytes, json::array(), schema, "Species", std::nullopt);
    server_->addEndpoint({"broken", 31, {{"v", 1.0, noIsland}}, "", 0.0});
    json body = rowsJson(penguins(), firstRows(2));
    for (auto& row : body["rows"]) row.erase("Island");
    const Reply r = predict(port_, "broken", body.dump());
    QCOMPARE(r.status, 422);
    QVERIFY2(r.parsed()["error"].get<std::string>().find("variant \"v\"") != std::string::npos, r.body.c_str());
    QCOMPARE(server_->snapshot("broken").variants[0].stats.errors, std::uint64_t(1));
  }

  void startAndStopFromAnyThread() {
    ModelServer other(config());
    other.addEndpoint({"p", 1, {{"v", 1.0, penguins().model}}, "", 0.0});
    std::thread([&] { other.start(); }).join();
    const int port = other.port();
    QCOMPARE(roundTrip(port, request(port, "GET", "/health")).status, 200);
    // A connection left open must not keep stop() waiting.
    const int idle = connectTo(port);
    std::thread([&] { other.stop(); }).join();
    QVERIFY(!other.running());
    QCOMPARE(connectTo(port), -1);
    ::close(idle);
    other.start();  // and again
    QCOMPARE(roundTrip(other.port(), request(other.port(), "GET", "/health")).status, 200);
    other.stop();
    other.stop();  // idempotent
  }

  void aBusyPortIsAnErrorNamingIt() {
    auto c = config();
    c.port = port_;
    ModelServer second(c);
    try {
      second.start();
      QFAIL("started on a busy port");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Io);
      QVERIFY2(e.message().find(std::to_string(port_)) != std::string::npos, e.what());
      QVERIFY2(e.message().find("in use") != std::string::npos, e.what());
    }
    QCOMPARE(roundTrip(port_, request(port_, "GET", "/health")).status, 200);  // the first still serves
  }

  void badConfigurationsAreRefused() {
    auto c = config();
    c.token = "";
    QVERIFY_THROWS_EXCEPTION(Error, ModelServer{c});
    c.token = "has space";
    QVERIFY_THROWS_EXCEPTION(Error, ModelServer{c});
    c = config();
    c.rateLimit = std::nan("");
    QVERIFY_THROWS_EXCEPTION(Error, ModelServer{c});
    QVERIFY_THROWS_EXCEPTION(Error, server_->addEndpoint({"penguins", 1, {{"v", 1.0, penguins().model}}, "", 0.0}));
    QVERIFY_THROWS_EXCEPTION(Error, server_->addEndpoint({"../x", 1, {{"v", 1.0, penguins().model}}, "", 0.0}));
    QVERIFY_THROWS_EXCEPTION(Error, server_->addEndpoint({"x", 1, {{"v", 1.0, penguins().model}}, "", 1.5}));
  }

 private:
  std::unique_ptr<ModelServer> server_;
  int port_ = 0;
  std::mutex eventsMutex_;
  std::vector<serve::RequestEvent> events_;
};

QTEST_APPLESS_MAIN(tst_ModelServer)
#include "tst_ModelServer.moc"
