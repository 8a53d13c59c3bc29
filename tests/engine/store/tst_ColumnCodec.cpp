// A column as bytes and back (ColumnCodec), and those bytes in zstd chunks (CompressedChunks):
// every type round-trips exactly, and damaged or lying bytes are Error(Corrupt), never a crash.
#include <QtTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>

#include "StoreTestSupport.h"
#include "engine/core/Error.h"
#include "engine/store/ColumnCodec.h"
#include "engine/store/CompressedChunks.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Validity;
using lathe::store::ColumnCodec;
using lathe::store::CompressedChunks;
using Bytes = std::vector<std::uint8_t>;

namespace {

Validity missingAt(std::initializer_list<std::size_t> rows, std::size_t size) {
  Validity validity;
  for (const std::size_t row : rows) validity.setMissing(row, size);
  return validity;
}

std::shared_ptr<const Column> roundTrip(const Column& column) {
  return ColumnCodec::decode(ColumnCodec::encode(column), column.name(), column.type(), column.size());
}

std::optional<Error> decodeError(const Bytes& bytes, const std::string& name, ColumnType type, std::uint64_t rows) {
  try {
    ColumnCodec::decode(bytes, name, type, rows);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

void putU64(Bytes& bytes, std::size_t at, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value >> (8 * i));
}
void putI32(Bytes& bytes, std::size_t at, std::int32_t value) {
  const auto u = static_cast<std::uint32_t>(value);
  for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(u >> (8 * i));
}

// Every column type, with missing values, Korean text and the edge values of each type.
std::vector<std::shared_ptr<const Column>> sampleColumns() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::shared_ptr<const Column>> columns;
  columns.push_back(Column::float64("기온 (°C)", {1.5, -0.0, nan, std::numeric_limits<double>::infinity(),
                                                  std::numeric_limits<double>::denorm_min(), 1e308},
                                    missingAt({2}, 6)));
  columns.push_back(Column::int64("id", {std::numeric_limits<std::int64_t>::min(), 0, 9007199254740993,
                                         std::numeric_limits<std::int64_t>::max()},
                                  missingAt({1}, 4)));
  columns.push_back(Column::boolean("정답", {1, 0, 0, 1, 1}, missingAt({2}, 5)));
  columns.push_back(Column::categorical("도시", {0, 1, -1, 0, 2}, {"서울", "부산", ""}, missingAt({2}, 5)));
  columns.push_back(Column::text("메모", {0, 0, 6, 6, 9, 9}, "안녕a b", missingAt({2}, 5)));
  columns.push_back(Column::datetime("when", {-86400000000, 0, 1709296200000000}, missingAt({0}, 3)));
  // A column longer than one bitmap word, with a missing value in the second word.
  std::vector<double> many(130);
  for (std::size_t i = 0; i < many.size(); ++i) many[i] = static_cast<double>(i) / 7.0;
  many[100] = nan;
  columns.push_back(Column::float64("many", std::move(many), missingAt({100}, 130)));
  return columns;
}

}  // namespace

class tst_ColumnCodec : public QObject {
  Q_OBJECT

 private slots:
  void everyTypeRoundTripsWithMissingValues() {
    for (const auto& column : sampleColumns()) {
      const auto back = roundTrip(*column);
      QVERIFY2(sameColumn(*column, *back), column->name().c_str());
    }
    // Text keeps an empty string apart from a missing cell.
    const auto text = roundTrip(*sampleColumns()[4]);
    QVERIFY(text->isValid(0));
    QCOMPARE(text->textAt(0), std::string_view());
    QVERIFY(!text->isValid(2));
    QCOMPARE(text->textAt(1), std::string_view("안녕"));
  }

  void columnsWithoutMissingValuesKeepNoBitmap() {
    const auto column = Column::int64("n", {1, 2, 3});
    const Bytes bytes = ColumnCodec::encode(*column);
    QCOMPARE(bytes.size(), ColumnCodec::kHeaderBytes + 3 * 8);
    QCOMPARE(bytes[7], std::uint8_t{0});
    QVERIFY(!roundTrip(*column)->validity().hasMissing());
  }

  void zeroRowsOfEveryType() {
    const std::vector<std::shared_ptr<const Column>> empty = {
        Column::float64("f", {}), Column::int64("i", {}), Column::boolean("b", {}),
        Column::categorical("c", {}, {}), Column::categorical("c1", {}, {"only"}), Column::text("t", {0}, ""),
        Column::datetime("d", {})};
    for (const auto& column : empty) {
      const auto back = roundTrip(*column);
      QVERIFY2(sameColumn(*column, *back), column->name().c_str());
      QCOMPARE(back->size(), std::size_t{0});
    }
  }

  void categoricalsWithOneOrNoLevels() {
    const auto one = Column::categorical("one", {0, 0, -1}, {"yes"}, missingAt({2}, 3));
    QVERIFY(sameColumn(*one, *roundTrip(*one)));
    const auto none = Column::categorical("none", {-1, -1}, {}, missingAt({0, 1}, 2));
    const auto back = roundTrip(*none);
    QVERIFY(sameColumn(*none, *back));
    QCOMPARE(back->missingCount(), std::size_t{2});
  }

  void theSameColumnAlwaysGivesTheSameBytes() {
    const auto a = sampleColumns();
    const auto b = sampleColumns();
    for (std::size_t i = 0; i < a.size(); ++i) QCOMPARE(ColumnCodec::encode(*a[i]), ColumnCodec::encode(*b[i]));
    QVERIFY(ColumnCodec::encode(*Column::int64("x", {1, 2})) != ColumnCodec::encode(*Column::int64("x", {1, 3})));
  }

  void everyTruncationIsCorrupt() {
    for (const auto& column : sampleColumns()) {
      const Bytes bytes = ColumnCodec::encode(*column);
      for (std::size_t size = 0; size < bytes.size(); ++size) {
        const auto error = decodeError(Bytes(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size)),
                                       column->name(), column->type(), column->size());
        QVERIFY(error);
        QCOMPARE(error->code(), ErrorCode::Corrupt);
        QVERIFY2(error->message().find(column->name()) != std::string::npos, error->message().c_str());
      }
    }
  }

  void extraBytesAreCorrupt() {
    Bytes bytes = ColumnCodec::encode(*Column::int64("n", {1, 2}));
    bytes.push_back(0);
    const auto error = decodeError(bytes, "n", ColumnType::Int64, 2);
    QVERIFY(error && error->code() == ErrorCode::Corrupt);
    QVERIFY(error->message().find("left over") != std::string::npos);
  }

  void aHeaderThatDisagreesWithTheProjectIsCorrupt() {
    const Bytes bytes = ColumnCodec::encode(*Column::int64("n", {1, 2}));
    QCOMPARE(decodeError(bytes, "n", ColumnType::Float64, 2)->code(), ErrorCode::Corrupt);  // type
    QCOMPARE(decodeError(bytes, "n", ColumnType::Int64, 3)->code(), ErrorCode::Corrupt);    // row count
    Bytes magic = bytes;
    magic[0] = 'X';
    QCOMPARE(decodeError(magic, "n", ColumnType::Int64, 2)->code(), ErrorCode::Corrupt);
    Bytes version = bytes;
    version[4] = 9;
    QVERIFY(decodeError(version, "n", ColumnType::Int64, 2)->message().find("version 9") != std::string::npos);
    Bytes flags = bytes;
    flags[7] = 0x80;
    QCOMPARE(decodeError(flags, "n", ColumnType::Int64, 2)->code(), ErrorCode::Corrupt);
  }

  // A header claiming 2^40 rows (8 TiB of values) when the project agrees: refused from the
  // size of the bytes, before anything is allocated.
  void sizesThatWouldNeedGigabytesAreRefused() {
    const std::uint64_t huge = std::uint64_t{1} << 40;
    for (const auto& column : sampleColumns()) {
      Bytes bytes = ColumnCodec::encode(*column);
      putU64(bytes, 8, huge);
      const auto error = decodeError(bytes, column->name(), column->type(), huge);
      QVERIFY(error);
      QCOMPARE(error->code(), ErrorCode::Corrupt);
    }
    Bytes levels = ColumnCodec::encode(*Column::categorical("c", {0}, {"a"}));
    putU64(levels, 24, std::uint64_t{1} << 31);
    QCOMPARE(decodeError(levels, "c", ColumnType::Categorical, 1)->code(), ErrorCode::Corrupt);
    putU64(levels, 24, ~std::uint64_t{0});
    QCOMPARE(decodeError(levels, "c", ColumnType::Categorical, 1)->code(), ErrorCode::Corrupt);
  }

  void textOffsetsOutOfRangeAreCorrupt() {
    // No missing value: offsets start right after the header.
    const Bytes good = ColumnCodec::encode(*Column::text("t", {0, 2, 5}, "abcde"));
    Bytes past = good;
    putU64(past, 24 + 8, 1000);
    QCOMPARE(decodeError(past, "t", ColumnType::Text, 2)->code(), ErrorCode::Corrupt);
    Bytes decreasing = good;
    putU64(decreasing, 24 + 16, 1);
    QCOMPARE(decodeError(decreasing, "t", ColumnType::Text, 2)->code(), ErrorCode::Corrupt);
    Bytes notFromZero = good;
    putU64(notFromZero, 24, 1);
    QCOMPARE(decodeError(notFromZero, "t", ColumnType::Text, 2)->code(), ErrorCode::Corrupt);
    Bytes shortEnd = good;
    putU64(shortEnd, 24 + 16, 4);  // leaves a byte over
    QCOMPARE(decodeError(shortEnd, "t", ColumnType::Text, 2)->code(), ErrorCode::Corrupt);
  }

  void categoryCodesOutsideTheLevelsAreCorrupt() {
    // Layout without missing values: header, u64 level count (2), 3 offsets, "ab" "c", codes.
    const Bytes good = ColumnCodec::encode(*Column::categorical("c", {0, 1}, {"ab", "c"}));
    const std::size_t codesAt = 24 + 8 + 3 * 8 + 3;
    QCOMPARE(good.size(), codesAt + 8);
    for (const std::int32_t code : {2, 1000, -2, std::numeric_limits<std::int32_t>::min()}) {
      Bytes bytes = good;
      putI32(bytes, codesAt + 4, code);
      const auto error = decodeError(bytes, "c", ColumnType::Categorical, 2);
      QVERIFY(error);
      QCOMPARE(error->code(), ErrorCode::Corrupt);
      QVERIFY2(error->message().find("row 1") != std::string::npos, error->message().c_str());
    }
    Bytes unmarked = good;  // -1 (no category) on a row the bitmap calls valid
    putI32(unmarked, codesAt, -1);
    QCOMPARE(decodeError(unmarked, "c", ColumnType::Categorical, 2)->code(), ErrorCode::Corrupt);
    Bytes levelOffset = good;
    putU64(levelOffset, 24 + 8 + 8, 99);
    QCOMPARE(decodeError(levelOffset, "c", ColumnType::Categorical, 2)->code(), ErrorCode::Corrupt);
  }

  void lyingMissingCountsAndBoolBytesAreCorrupt() {
    Bytes bytes = ColumnCodec::encode(*Column::boolean("b", {1, 0, 1}, missingAt({1}, 3)));
    Bytes count = bytes;
    putU64(count, 16, 2);
    QCOMPARE(decodeError(count, "b", ColumnType::Bool, 3)->code(), ErrorCode::Corrupt);
    Bytes noBitmap = ColumnCodec::encode(*Column::boolean("b", {1, 0, 1}));
    putU64(noBitmap, 16, 1);
    QCOMPARE(decodeError(noBitmap, "b", ColumnType::Bool, 3)->code(), ErrorCode::Corrupt);
    Bytes two = ColumnCodec::encode(*Column::boolean("b", {1, 0, 1}));
    two[24 + 1] = 2;
    QCOMPARE(decodeError(two, "b", ColumnType::Bool, 3)->code(), ErrorCode::Corrupt);
  }

  // Flipped and cut bytes: decode throws lathe::Error or returns a column of the right type and
  // size, never crashes (ASan builds run this too).
  void fuzzedBytesNeverCrash() {
    std::mt19937 random(20261128);
    int errors = 0, decoded = 0;
    for (const auto& column : sampleColumns()) {
      const Bytes good = ColumnCodec::encode(*column);
      for (int round = 0; round < 400; ++round) {
        Bytes bytes = good;
        const int flips = 1 + static_cast<int>(random() % 4);
        for (int f = 0; f < flips; ++f) bytes[random() % bytes.size()] ^= static_cast<std::uint8_t>(1 + random() % 255);
        if (random() % 4 == 0) bytes.resize(random() % bytes.size());
        try {
          const auto back = ColumnCodec::decode(bytes, column->name(), column->type(), column->size());
          QCOMPARE(back->type(), column->type());
          QCOMPARE(back->size(), column->size());
          for (std::size_t row = 0; row < back->size(); ++row) (void)back->displayText(row);
          ++decoded;
        } catch (const Error&) {
          ++errors;
        }
      }
    }
    QVERIFY(errors > 0);
    QVERIFY(decoded > 0);  // flips inside values are not detectable, and must still read safely
  }

  void chunksSplitAndJoinBack() {
    Bytes raw(100000);
    std::mt19937 random(7);
    for (auto& byte : raw) byte = static_cast<std::uint8_t>(random() % 16);
    const auto chunks = CompressedChunks::compress(raw, nullptr, 30000);
    QCOMPARE(chunks.size(), std::size_t{4});
    QCOMPARE(chunks.back().rawBytes, std::uint64_t{10000});
    Bytes back(raw.size());
    std::size_t at = 0;
    for (const auto& chunk : chunks) {
      QVERIFY(chunk.data.size() < chunk.rawBytes);
      CompressedChunks::decompress(chunk.data, std::span(back.data() + at, chunk.rawBytes), "chunk");
      at += chunk.rawBytes;
    }
    QCOMPARE(back, raw);
    // The default cuts at 8 MiB.
    QCOMPARE(CompressedChunks::compress(Bytes(CompressedChunks::kMaxRawBytes + 1)).size(), std::size_t{2});
  }

  void damagedFramesAreCorrupt() {
    const Bytes raw(5000, 42);
    const Bytes frame = CompressedChunks::compress(raw).front().data;
    Bytes out(raw.size());
    const auto errorOf = [&out](const Bytes& bytes, std::size_t size) -> std::optional<Error> {
      try {
        CompressedChunks::decompress(bytes, std::span(out.data(), size), "column 'x', chunk 0");
      } catch (const Error& e) {
        return e;
      }
      return std::nullopt;
    };
    QVERIFY(!errorOf(frame, raw.size()));
    QCOMPARE(errorOf(frame, raw.size() - 1)->code(), ErrorCode::Corrupt);  // another size than recorded
    QCOMPARE(errorOf(Bytes(frame.begin(), frame.end() - 3), raw.size())->code(), ErrorCode::Corrupt);
    QCOMPARE(errorOf(Bytes{}, raw.size())->code(), ErrorCode::Corrupt);
    Bytes garbage(64);
    std::iota(garbage.begin(), garbage.end(), std::uint8_t{0});
    QVERIFY(errorOf(garbage, raw.size())->message().starts_with("column 'x', chunk 0"));
    Bytes twice = frame;
    twice.insert(twice.end(), frame.begin(), frame.end());
    QCOMPARE(errorOf(twice, raw.size())->code(), ErrorCode::Corrupt);
  }
};

QTEST_APPLESS_MAIN(tst_ColumnCodec)
#include "tst_ColumnCodec.moc"
