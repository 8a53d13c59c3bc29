// Endpoints (issue 10, items 3 and 5) on a real project: credit-g stored as a dataset version,
// logistic regression trained on it and registered twice. An endpoint gets a token of 64 hex
// characters of its own; bad names and bad variants (negative, NaN, over 1, not summing to 1,
// two canaries, named twice) are refused naming the variant and change nothing; setVariants,
// setSettings and regenerateToken each record an event (with from and to), in order, and move
// modified_at; a read-only project refuses every change and still reads.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <thread>

#include "../RegisteredModel.h"
#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"

using namespace lathe;
using deploy::EndpointRegistry;
using deploy::EndpointVariant;
using nlohmann::json;

namespace {

std::optional<Error> errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

// The statement throws lathe::Error with `code`, its message holding `needle`.
#define QVERIFY_ERROR(statement, errorCode, needle)                                                   \
  do {                                                                                                \
    const auto error_ = errorOf([&] { statement; });                                                  \
    QVERIFY2(error_.has_value(), "no error from: " #statement);                                       \
    QVERIFY2(error_->code() == (errorCode), error_->what());                                          \
    QVERIFY2(std::string(error_->what()).find(needle) != std::string::npos, error_->what());          \
  } while (0)

bool isHex64(const std::string& token) {
  return token.size() == 64 &&
         std::all_of(token.begin(), token.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::vector<std::string> kinds(const std::vector<deploy::EndpointEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.kind);
  return out;
}

}  // namespace

class tst_EndpointRegistry : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  std::shared_ptr<store::Project> project_;
  deploy::ModelVersionInfo v1_, v2_;

  std::vector<EndpointVariant> split(double first, double second, const std::string& secondRole = "variant") const {
    return {{v1_.reference(), v1_.id, first, "variant"}, {v2_.reference(), v2_.id, second, secondRole}};
  }
  std::size_t endpointCount() { return EndpointRegistry(project_->db()).list().size(); }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath("endpoints.lathe").toStdString();
    project_ = store::Project::create(path_, store::ProjectInfo{"Endpoints", {}, {}, {}, {}, {}, {}});
    const auto dataset =
        store::DatasetRepository(project_->db()).addDataset("credit-g", mltest::loadTable("credit-g.arff"), {});
    const auto run = enginetest::trainRun(project_, dataset, "class", "logistic");
    v1_ = enginetest::registerRun(project_, run, "credit");
    v2_ = enginetest::registerRun(project_, run, "credit");
    QCOMPARE(v2_.version, 2);
  }

  void createGivesEachEndpointItsOwnToken() {
    EndpointRegistry endpoints(project_->db());
    const auto info = endpoints.create("scoring", split(0.7, 0.3), {{"sampling", 0.5}, {"key_column", "customer"}});
    QVERIFY(info.id > 0);
    QCOMPARE(info.name, std::string("scoring"));
    QVERIFY2(isHex64(info.token), info.token.c_str());
    QCOMPARE(info.settings["sampling"].get<double>(), 0.5);
    QCOMPARE(info.settings["key_column"].get<std::string>(), std::string("customer"));
    QVERIFY(!info.createdAt.empty());
    QCOMPARE(info.modifiedAt >= info.createdAt, true);
    QCOMPARE(info.variants.size(), std::size_t{2});
    QCOMPARE(info.variants[0].name, std::string("credit:1"));
    QCOMPARE(info.variants[0].modelVersionId, v1_.id);
    QCOMPARE(info.variants[0].weight, 0.7);
    QCOMPARE(info.variants[1].weight, 0.3);
    QCOMPARE(info.variants[1].role, std::string("variant"));

    // Read back the same, and the creation is the first event, with the variants.
    const auto again = endpoints.get("scoring");
    QCOMPARE(again.token, info.token);
    QCOMPARE(again.settings, info.settings);
    const auto events = endpoints.events("scoring");
    QCOMPARE(kinds(events), std::vector<std::string>{"created"});
    QCOMPARE(events[0].detail["variants"].size(), std::size_t{2});
    QCOMPARE(events[0].detail["variants"][1]["model_version"].get<std::int64_t>(), v2_.id);
    QCOMPARE(events[0].detail["variants"][1]["weight"].get<double>(), 0.3);

    // Tokens are per endpoint and random: none repeats, over endpoints and fresh ones alike.
    const auto other = endpoints.create("other", {{v1_.reference(), v1_.id, 1.0, "variant"}});
    QVERIFY(isHex64(other.token));
    QVERIFY(other.token != info.token);
    std::set<std::string> tokens{info.token, other.token};
    for (int i = 0; i < 200; ++i) {
      const std::string token = EndpointRegistry::newToken();
      QVERIFY(isHex64(token));
      tokens.insert(token);
    }
    QCOMPARE(tokens.size(), std::size_t{202});

    // A single-variant endpoint without settings has an empty settings object.
    QVERIFY(other.settings.is_object() && other.settings.empty());
    const auto all = endpoints.list();
    QCOMPARE(all.size(), std::size_t{2});
    QCOMPARE(all[0].name, std::string("other"));  // by name
    QCOMPARE(all[1].name, std::string("scoring"));
    QVERIFY(!endpoints.find("nope").has_value());
    QVERIFY_ERROR(endpoints.get("nope"), ErrorCode::InvalidArgument, "no endpoint \"nope\"");
    QCOMPARE(endpoints.modifiedAt("nope"), std::string());
  }

  void badNamesAreRefused() {
    EndpointRegistry endpoints(project_->db());
    const std::size_t before = endpointCount();
    const std::vector<EndpointVariant> one{{v1_.reference(), v1_.id, 1.0, "variant"}};
    QVERIFY_ERROR(endpoints.create("", one), ErrorCode::InvalidArgument, "1 to 100 characters");
    QVERIFY_ERROR(endpoints.create(std::string(101, 'a'), one), ErrorCode::InvalidArgument, "1 to 100 characters");
    for (const std::string name : {"credit risk", "a/b", "../up", "x:y", "name?q=1", "caf\xc3\xa9", "tab\there"})
      QVERIFY_ERROR(endpoints.create(name, one), ErrorCode::InvalidArgument, "letters, digits");
    QVERIFY_ERROR(endpoints.create("scoring", one), ErrorCode::InvalidArgument, "already an endpoint \"scoring\"");
    QCOMPARE(endpointCount(), before);
    // 100 characters of the allowed ones are fine.
    const std::string longest = "a-b_c." + std::string(94, 'z');
    QCOMPARE(endpoints.create(longest, one).name, longest);
  }

  void badVariantsAreRefusedNamingTheVariant() {
    EndpointRegistry endpoints(project_->db());
    const std::size_t before = endpointCount();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_ERROR(endpoints.create("bad", split(1.0, -0.2)), ErrorCode::InvalidArgument, "\"credit:2\" has weight -0.2");
    QVERIFY_ERROR(endpoints.create("bad", split(1.2, -0.2)), ErrorCode::InvalidArgument, "\"credit:1\" has weight 1.2");
    QVERIFY_ERROR(endpoints.create("bad", split(1.2, -0.2)), ErrorCode::InvalidArgument, "between 0 and 1");
    QVERIFY_ERROR(endpoints.create("bad", split(nan, 1.0)), ErrorCode::InvalidArgument, "\"credit:1\" has a weight that is not a number");
    QVERIFY_ERROR(endpoints.create("bad", split(0.5, std::numeric_limits<double>::infinity())), ErrorCode::InvalidArgument,
                  "\"credit:2\"");
    QVERIFY_ERROR(endpoints.create("bad", split(0.6, 0.3)), ErrorCode::InvalidArgument, "sum to 0.9");
    QVERIFY_ERROR(endpoints.create("bad", split(0.6, 0.6)), ErrorCode::InvalidArgument, "sum to 1.2");
    QVERIFY_ERROR(endpoints.create("bad", {}), ErrorCode::InvalidArgument, "at least one model version");
    std::vector<EndpointVariant> twice{{"same", v1_.id, 0.5, "variant"}, {"same", v2_.id, 0.5, "variant"}};
    QVERIFY_ERROR(endpoints.create("bad", twice), ErrorCode::InvalidArgument, "\"same\" is named twice");
    std::vector<EndpointVariant> canaries{{"a", v1_.id, 0.8, "variant"}, {"b", v2_.id, 0.1, "canary"}, {"c", v2_.id, 0.1, "canary"}};
    QVERIFY_ERROR(endpoints.create("bad", canaries), ErrorCode::InvalidArgument, "at most one canary");
    QVERIFY_ERROR(endpoints.create("bad", canaries), ErrorCode::InvalidArgument, "\"c\"");
    std::vector<EndpointVariant> role{{"a", v1_.id, 1.0, "shadow"}};
    QVERIFY_ERROR(endpoints.create("bad", role), ErrorCode::InvalidArgument, "\"a\" has an unknown role");
    // A version the registry does not hold: refused by the database, and nothing half made.
    QVERIFY(errorOf([&] { endpoints.create("bad", {{"ghost", 987654, 1.0, "variant"}}); }).has_value());
    QCOMPARE(endpointCount(), before);
    QVERIFY(!endpoints.find("bad").has_value());

    // The same checks guard changes: the endpoint keeps its variants and records nothing.
    const auto was = endpoints.get("scoring");
    const auto eventsBefore = endpoints.events("scoring").size();
    QVERIFY_ERROR(endpoints.setVariants("scoring", split(0.5, -0.5), "weights", ""), ErrorCode::InvalidArgument,
                  "\"credit:2\"");
    QVERIFY_ERROR(endpoints.setVariants("scoring", split(nan, 0.5), "weights", ""), ErrorCode::InvalidArgument, "\"credit:1\"");
    QVERIFY_ERROR(endpoints.setVariants("scoring", split(0.5, 0.4), "weights", ""), ErrorCode::InvalidArgument, "not 1");
    QVERIFY_ERROR(endpoints.setVariants("scoring", canaries, "weights", ""), ErrorCode::InvalidArgument, "at most one canary");
    QVERIFY_ERROR(endpoints.setVariants("nope", split(0.5, 0.5), "weights", ""), ErrorCode::InvalidArgument, "\"nope\"");
    QVERIFY(errorOf([&] { endpoints.setVariants("scoring", {{"ghost", 987654, 1.0, "variant"}}, "weights", ""); }).has_value());
    const auto now = endpoints.get("scoring");
    QCOMPARE(now.variants.size(), was.variants.size());
    for (std::size_t i = 0; i < now.variants.size(); ++i) QCOMPARE(now.variants[i].weight, was.variants[i].weight);
    QCOMPARE(now.modifiedAt, was.modifiedAt);
    QCOMPARE(endpoints.events("scoring").size(), eventsBefore);
  }

  void changesAreRecordedInOrderWithFromAndTo() {
    EndpointRegistry endpoints(project_->db());
    const auto was = endpoints.get("scoring");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // modified_at has milliseconds

    endpoints.setVariants("scoring", split(0.9, 0.1, "canary"), "weights", "a canary for version 2");
    const auto withCanary = endpoints.get("scoring");
    QCOMPARE(withCanary.variants.size(), std::size_t{2});
    QCOMPARE(withCanary.variants[0].role, std::string("variant"));  // ordinary variants first, the canary last
    QCOMPARE(withCanary.variants[1].name, std::string("credit:2"));
    QCOMPARE(withCanary.variants[1].role, std::string("canary"));
    QCOMPARE(withCanary.variants[1].weight, 0.1);
    QVERIFY(withCanary.modifiedAt > was.modifiedAt);
    QCOMPARE(endpoints.modifiedAt("scoring"), withCanary.modifiedAt);
    QCOMPARE(withCanary.token, was.token);

    const auto events = endpoints.events("scoring");
    const auto& change = events.back();
    QCOMPARE(change.kind, std::string("weights"));
    QCOMPARE(change.reason, std::string("a canary for version 2"));
    QCOMPARE(change.detail["from"][0]["weight"].get<double>(), 0.7);
    QCOMPARE(change.detail["from"][1]["weight"].get<double>(), 0.3);
    QCOMPARE(change.detail["from"][1]["role"].get<std::string>(), std::string("variant"));
    QCOMPARE(change.detail["to"][0]["weight"].get<double>(), 0.9);
    QCOMPARE(change.detail["to"][1]["weight"].get<double>(), 0.1);
    QCOMPARE(change.detail["to"][1]["role"].get<std::string>(), std::string("canary"));
    QCOMPARE(change.at, withCanary.modifiedAt);

    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const json settings = {{"sampling", 1.0}, {"canary", {{"step", 0.2}, {"max_error_rate", 0.1}}}};
    endpoints.setSettings("scoring", settings, "log everything");
    QCOMPARE(endpoints.get("scoring").settings, settings);
    QVERIFY_ERROR(endpoints.setSettings("scoring", json::array(), ""), ErrorCode::InvalidArgument, "JSON object");
    QVERIFY_ERROR(endpoints.setSettings("nope", settings, ""), ErrorCode::InvalidArgument, "\"nope\"");

    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const std::string token = endpoints.regenerateToken("scoring");
    QVERIFY(isHex64(token));
    QVERIFY(token != was.token);
    QCOMPARE(endpoints.get("scoring").token, token);
    QCOMPARE(endpoints.get("other").token == token, false);

    endpoints.record(was.id, "started", {{"port", 8321}}, "");
    const auto all = endpoints.events("scoring");
    QCOMPARE(kinds(all), (std::vector<std::string>{"created", "weights", "settings", "token", "started"}));
    for (std::size_t i = 1; i < all.size(); ++i) {
      QVERIFY(all[i].id > all[i - 1].id);
      QVERIFY2(all[i].at >= all[i - 1].at, all[i].at.c_str());
    }
    QCOMPARE(all[2].detail["from"], json({{"sampling", 0.5}, {"key_column", "customer"}}));
    QCOMPARE(all[2].detail["to"], settings);
    QCOMPARE(all[2].reason, std::string("log everything"));
    QVERIFY2(all[3].detail.dump().find(token) == std::string::npos, "the token is not written into the record");
    QCOMPARE(all[4].detail["port"].get<int>(), 8321);
    QCOMPARE(endpoints.modifiedAt("scoring"), all[4].at);
    // The other endpoint's history is its own.
    QCOMPARE(kinds(endpoints.events("other")), std::vector<std::string>{"created"});
  }

  // Settings a server reads are checked when written, naming the setting; a refused change
  // leaves the stored settings and the history as they were.
  void badSettingsAreRefusedNamingTheSetting() {
    EndpointRegistry endpoints(project_->db());
    const auto before = endpoints.get("scoring");
    const auto history = endpoints.events("scoring").size();
    const auto refused = [&](const json& settings, const std::string& needle) {
      QVERIFY_ERROR(endpoints.setSettings("scoring", settings, ""), ErrorCode::InvalidArgument, needle);
    };
    refused({{"sampling", 1.5}}, "sampling");
    refused({{"sampling", -0.1}}, "sampling");
    refused({{"sampling", "all"}}, "sampling");
    refused({{"key_column", ""}}, "key column");
    refused({{"key_column", 7}}, "key column");
    refused({{"key_column", std::string(201, 'k')}}, "key column");
    refused({{"log_retention_days", -1}}, "retention");
    refused({{"log_retention_days", "forever"}}, "retention");
    // Canary settings are CanarySettings' to judge (a misspelt one is a Parse error there).
    QVERIFY_ERROR(endpoints.setSettings("scoring", {{"canary", {{"stepp", 0.2}}}}, ""), ErrorCode::Parse, "stepp");
    QCOMPARE(endpoints.get("scoring").settings, before.settings);
    QCOMPARE(endpoints.events("scoring").size(), history);
    // create() checks them too, and then creates nothing.
    QVERIFY_ERROR(endpoints.create("bad-settings", split(1.0, 0.0), {{"sampling", 2}}), ErrorCode::InvalidArgument,
                  "sampling");
    QVERIFY(!endpoints.find("bad-settings"));
    // Unknown keys are kept as they are; 0 days keeps every request.
    const json fine = {{"sampling", 0.0}, {"key_column", "customer"}, {"log_retention_days", 0}, {"note", "kept"}};
    endpoints.setSettings("scoring", fine, "");
    QCOMPARE(endpoints.get("scoring").settings, fine);
    endpoints.setSettings("scoring", before.settings, "");
  }

  void aReadOnlyProjectRefusesChanges() {
    store::ProjectOpenOptions options;
    options.readOnly = true;
    std::shared_ptr<store::Project> readOnly = store::Project::open(path_, options);
    QVERIFY(readOnly->readOnly());
    EndpointRegistry endpoints(readOnly->db());
    const auto info = endpoints.get("scoring");  // reading works
    const auto events = endpoints.events("scoring").size();
    QVERIFY_ERROR(endpoints.create("fresh", {{v1_.reference(), v1_.id, 1.0, "variant"}}), ErrorCode::Io, "read-only");
    QVERIFY_ERROR(endpoints.setVariants("scoring", split(0.5, 0.5), "weights", ""), ErrorCode::Io, "read-only");
    QVERIFY_ERROR(endpoints.setSettings("scoring", json::object(), ""), ErrorCode::Io, "read-only");
    QVERIFY_ERROR(endpoints.regenerateToken("scoring"), ErrorCode::Io, "read-only");
    EndpointRegistry writable(project_->db());
    QVERIFY(!writable.find("fresh").has_value());
    QCOMPARE(writable.get("scoring").token, info.token);
    QCOMPARE(writable.get("scoring").variants[1].weight, info.variants[1].weight);
    QCOMPARE(writable.events("scoring").size(), events);
  }
};

QTEST_GUILESS_MAIN(tst_EndpointRegistry)
#include "tst_EndpointRegistry.moc"
