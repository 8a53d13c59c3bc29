// The model file: data only, bounds-checked, checksummed (BAD_INPUTS case 33). A small estimator
// defined here exercises every field type, so the format is tested apart from any algorithm.
#include <QTemporaryDir>
#include <QtTest>

#include <nettle/sha2.h>

#include <fstream>

#include "engine/core/Error.h"
#include "engine/ml/Estimator.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/ModelFile.h"

using namespace lathe;
using namespace lathe::ml;

namespace {

// Stores a weight per feature; load() checks the counts against each other, as real models do.
class WeightsEstimator final : public Estimator {
 public:
  explicit WeightsEstimator(double scale) : scale_(scale) {}
  std::string algorithm() const override { return "test_weights"; }
  nlohmann::json parameters() const override { return {{"scale", scale_}}; }
  bool supports(Task task) const override { return task == Task::Regression; }
  void fit(const TrainingData& data, const jobs::JobContext&) override {
    names_ = data.x.names();
    weights_.assign(data.x.cols(), scale_);
    codes_.assign(data.x.cols(), -1);
    blob_ = std::string("\0\x01\xff", 3);
  }
  std::vector<double> predict(const FeatureMatrix& x) const override {
    std::vector<double> out(x.rows(), 0.0);
    for (std::size_t c = 0; c < x.cols(); ++c)
      for (std::size_t r = 0; r < x.rows(); ++r) out[r] += weights_[c] * x.at(r, c);
    return out;
  }
  void save(ModelWriter& out) const override {
    out.u32(static_cast<std::uint32_t>(weights_.size()));
    out.texts(names_);
    out.f64s(weights_);
    out.i32s(codes_);
    out.u32s({7, 8});
    out.i64(-5);
    out.f64(scale_);
    out.bytes(blob_);
    out.json({{"note", "ok"}});
  }
  void load(ModelReader& in) override {
    const std::uint32_t n = in.u32();
    names_ = in.texts();
    weights_ = in.f64s();
    codes_ = in.i32s();
    if (names_.size() != n || weights_.size() != n || codes_.size() != n)
      throw Error(ErrorCode::Parse, "test_weights: sizes disagree", {"", -1, -1, static_cast<std::int64_t>(in.offset())});
    if (in.u32s().size() != 2 || in.i64() != -5) throw Error(ErrorCode::Parse, "test_weights: bad fields");
    if (in.f64() != scale_) throw Error(ErrorCode::InvalidArgument, "test_weights: scale differs");
    blob_ = in.bytes();
    (void)in.json();
  }
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<WeightsEstimator>(scale_); }
  std::vector<std::string> names_;
  std::vector<double> weights_;
  std::vector<std::int32_t> codes_;
  std::string blob_;

 private:
  double scale_;
};

void registerTestEstimator() {
  EstimatorRegistry::add("test_weights", [](const nlohmann::json& p) {
    return std::make_unique<WeightsEstimator>(p.value("scale", 1.0));
  });
}

WeightsEstimator fitted() {
  WeightsEstimator e(2.5);
  TrainingData data{FeatureMatrix(3, {"age", "income", "소득"}), {1, 2, 3}, Task::Regression, {}, "y"};
  jobs::NullProgressSink sink;
  e.fit(data, jobs::JobContext(std::stop_token{}, sink));
  return e;
}

std::string withChecksum(std::string body) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, body.size(), reinterpret_cast<const std::uint8_t*>(body.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, sizeof digest, digest);
  body.append(reinterpret_cast<const char*>(digest), sizeof digest);
  return body;
}

void putU64(std::string& s, std::size_t at, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

class tst_ModelFile : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { registerTestEstimator(); }

  void roundTripsInMemoryAndOnDisk() {
    const auto model = fitted();
    const std::string bytes = ModelFile::serialize(model);
    QCOMPARE(bytes.substr(0, 8), std::string("LATHEMDL"));
    auto back = ModelFile::deserialize(bytes);
    QCOMPARE(back->algorithm(), std::string("test_weights"));
    QCOMPARE(back->parameters()["scale"].get<double>(), 2.5);
    const auto& loaded = dynamic_cast<const WeightsEstimator&>(*back);
    QCOMPARE(loaded.names_, model.names_);
    QCOMPARE(loaded.weights_, model.weights_);
    QCOMPARE(loaded.codes_, model.codes_);
    QCOMPARE(loaded.blob_, model.blob_);
    QCOMPARE(ModelFile::serialize(*back), bytes);  // deterministic

    QTemporaryDir dir;
    const std::string path = dir.filePath("model.lmdl").toStdString();
    ModelFile::write(model, path);
    ModelFile::write(model, path);  // replaces atomically
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), qsizetype{1});  // no temp left
    auto fromDisk = ModelFile::read(path);
    QCOMPARE(dynamic_cast<const WeightsEstimator&>(*fromDisk).weights_, model.weights_);
  }

  void refusesTruncationAtEveryByte() {
    const std::string bytes = ModelFile::serialize(fitted());
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      try {
        ModelFile::deserialize(std::string_view(bytes).substr(0, n));
        QFAIL(qPrintable(QString("truncated at %1 was accepted").arg(n)));
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Parse);
      }
    }
  }

  void refusesEveryFlippedByte() {
    const std::string bytes = ModelFile::serialize(fitted());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      std::string broken = bytes;
      broken[i] = static_cast<char>(broken[i] ^ 0x10);
      try {
        ModelFile::deserialize(broken);
        QFAIL(qPrintable(QString("flipped byte %1 was accepted").arg(i)));
      } catch (const Error& e) {
        // A flipped version byte reads as a newer format: Unsupported; anything else: Parse.
        QVERIFY2(e.code() == ErrorCode::Parse || (i >= 8 && i < 12 && e.code() == ErrorCode::Unsupported),
                 e.what());
      }
    }
  }

  void refusesHugeCountsBeforeAllocating() {
    // A valid checksum over a body whose names count claims 2^40 items: refused by the count
    // check (no 8 TB allocation), with the byte offset of the count.
    const std::string bytes = ModelFile::serialize(fitted());
    std::string body = bytes.substr(0, bytes.size() - SHA256_DIGEST_SIZE);
    ModelReader probe(body);
    probe.u64();
    probe.u32();
    probe.text();
    probe.json();
    probe.u32();
    const std::size_t namesAt = probe.offset();
    putU64(body, namesAt, std::uint64_t{1} << 40);
    try {
      ModelFile::deserialize(withChecksum(body));
      QFAIL("huge count accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Parse);
      QCOMPARE(e.where().byteOffset, static_cast<std::int64_t>(namesAt));
    }
    // Same for a 2 GB array of doubles claimed in a short file.
    ModelWriter w;
    w.u64(std::uint64_t{1} << 28);
    ModelReader r(w.data());
    QVERIFY_THROWS_EXCEPTION(Error, r.f64s());
    ModelReader limited(w.data());
    QVERIFY_THROWS_EXCEPTION(Error, limited.count(10, 0));
  }

  void refusesSizesThatDisagreeWithAValidChecksum() {
    // The estimator's own validation: counts consistent with the remaining bytes but not with
    // each other. The weights array is shortened by one element, everything re-checksummed.
    const auto model = fitted();
    ModelWriter w;
    w.u64(0x4C444D454854414CULL);
    w.u32(ModelFile::kFormatVersion);
    w.text("test_weights");
    w.json(model.parameters());
    w.u32(3);
    w.texts(model.names_);
    w.f64s({1.0, 2.0});
    w.i32s({-1, -1, -1});
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(withChecksum(w.data())));
  }

  void refusesWrongMagicNewerVersionAndPickles() {
    std::string bytes = ModelFile::serialize(fitted());
    std::string wrong = bytes;
    wrong[0] = 'X';
    try {
      ModelFile::deserialize(wrong);
      QFAIL("wrong magic accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Parse);
      QVERIFY(e.message().find("not a Lathe model") != std::string::npos);
    }
    std::string body = bytes.substr(0, bytes.size() - SHA256_DIGEST_SIZE);
    body[8] = static_cast<char>(ModelFile::kFormatVersion + 1);
    try {
      ModelFile::deserialize(withChecksum(body));
      QFAIL("newer version accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Unsupported);
      QVERIFY(e.message().find("newer") != std::string::npos);
    }
    // A protocol-4 pickle as Python writes it: refused with the reason.
    const std::string pickle("\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00\x8c\x07sklearn\x94.", 22);
    try {
      ModelFile::deserialize(pickle);
      QFAIL("pickle accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Parse);
      QVERIFY(e.message().find("pickle") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(""));
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(std::string(100, '\0')));
  }

  void refusesUnknownAlgorithmAndTrailingBytes() {
    const auto model = fitted();
    std::string bytes = ModelFile::serialize(model);
    std::string body = bytes.substr(0, bytes.size() - SHA256_DIGEST_SIZE);
    body.replace(20, 12, "test_weighTS");  // the algorithm name follows magic, version, length
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::deserialize(withChecksum(body)));
    std::string trailing = bytes.substr(0, bytes.size() - SHA256_DIGEST_SIZE) + "x";
    try {
      ModelFile::deserialize(withChecksum(trailing));
      QFAIL("trailing bytes accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Parse);
    }
  }

  void readNamesThePathOfABadFile() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("bad.lmdl").toStdString();
    std::ofstream(path, std::ios::binary) << "LATHEMDL\x01";
    try {
      ModelFile::read(path);
      QFAIL("bad file accepted");
    } catch (const Error& e) {
      QCOMPARE(e.where().file, path);
    }
    QVERIFY_THROWS_EXCEPTION(Error, ModelFile::read(dir.filePath("missing").toStdString()));
  }

  void registryNamesUnknownAlgorithmsAndDefaultsRefuseProbabilities() {
    try {
      EstimatorRegistry::create("no_such_algo");
      QFAIL("unknown algorithm created");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY(e.message().find("no_such_algo") != std::string::npos);
      QVERIFY(e.message().find("test_weights") != std::string::npos);  // lists the known ones
    }
    const auto model = fitted();
    try {
      model.predictProba(FeatureMatrix(1, {"a"}));
      QFAIL("default predictProba returned");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Unsupported);
    }
  }
};

QTEST_APPLESS_MAIN(tst_ModelFile)
#include "tst_ModelFile.moc"
