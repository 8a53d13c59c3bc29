#include "engine/data/CsvChunkParser.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>

#include "engine/core/Error.h"
#include "engine/data/CsvCursor.h"

namespace lathe::data {
namespace {

using Kind = CsvColumnSegment::Kind;
constexpr std::uint64_t kCheckEvery = 4096;  // records between looks at the stop token
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char* kindName(Kind kind) {
  switch (kind) {
    case Kind::Bool: return "bool";
    case Kind::Int: return "int64";
    case Kind::Float: return "float64";
    case Kind::Date: return "datetime";
    default: return "text";
  }
}

// Integers of up to 18 digits with an optional '-' and nothing else, the common shape; anything
// else (spaces, '+', long IDs, not an integer) is left to parseInt64. Same value as parseInt64.
inline bool parsePlainInt(std::string_view v, std::int64_t& out) {
  const char* p = v.data();
  std::size_t n = v.size();
  const bool minus = n > 0 && *p == '-';
  p += minus;
  n -= minus;
  if (n == 0 || n > 18) return false;
  std::int64_t value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned digit = static_cast<unsigned char>(p[i]) - unsigned{'0'};
    if (digit > 9) return false;
    value = value * 10 + digit;
  }
  out = minus ? -value : value;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil, the
// algorithm std::chrono uses); the caller has checked the date.
constexpr std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
static_assert(daysFromCivil(1970, 1, 1) == 0 && daysFromCivil(2000, 3, 1) == 11017 && daysFromCivil(0, 1, 1) == -719528);

// The fixed ISO shapes that fill most date columns: "YYYY-MM-DD", "YYYY-MM-DD HH:MM" and
// "YYYY-MM-DD HH:MM:SS" (or 'T' for the space), read by position. The date part of the last value
// is remembered, since a file's dates repeat row after row. Anything else (other separators,
// fractions, offsets, spaces, one-digit fields) returns false and goes to parseDatetime, which
// gives these shapes the same value in either DateOrder.
class IsoDateCache {
 public:
  bool parse(std::string_view v, std::int64_t& out) {
    const std::size_t n = v.size();
    const char* p = v.data();
    if ((n != 10 && n != 16 && n != 19) || p[4] != '-' || p[7] != '-') return false;
    std::uint64_t head;
    std::uint16_t tail;
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, p + 8, 2);
    if (head != head_ || tail != tail_ || !known_) {
      if (!readDay(p)) return false;
      head_ = head;
      tail_ = tail;
      known_ = true;
    }
    if (n == 10) {
      out = dayMicros_;
      return true;
    }
    if (p[10] != ' ' && p[10] != 'T') return false;
    int h, mi, sec = 0;
    if (!twoDigits(p + 11, h) || p[13] != ':' || !twoDigits(p + 14, mi)) return false;
    if (n == 19 && (p[16] != ':' || !twoDigits(p + 17, sec))) return false;
    if (h > 23 || mi > 59 || sec > 60) return false;  // 60: a leap second, as parseDatetime takes it
    out = dayMicros_ + ((static_cast<std::int64_t>(h) * 60 + mi) * 60 + sec) * 1'000'000;
    return true;
  }

 private:
  static bool twoDigits(const char* p, int& out) {
    const unsigned a = static_cast<unsigned char>(p[0]) - unsigned{'0'}, b = static_cast<unsigned char>(p[1]) - unsigned{'0'};
    if (a > 9 || b > 9) return false;
    out = static_cast<int>(a * 10 + b);
    return true;
  }
  bool readDay(const char* p) {
    int y1, y2, m, d;
    if (!twoDigits(p, y1) || !twoDigits(p + 2, y2) || !twoDigits(p + 5, m) || !twoDigits(p + 8, d)) return false;
    const int y = y1 * 100 + y2;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap)) return false;
    dayMicros_ = daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86'400'000'000LL;
    return true;
  }

  std::uint64_t head_ = 0;
  std::uint16_t tail_ = 0;
  bool known_ = false;
  std::int64_t dayMicros_ = 0;
};

bool isYearFirst(std::string_view v) {
  v = trimSpaces(v);
  return v.size() > 4 && v[4] < '0';  // "2024-", "2024/", "2024."
}

// A request to parse the chunk again with one more column pinned.
struct Restart {
  std::size_t column;
  CsvPin pin;
};

class ChunkPass {
 public:
  ChunkPass(std::string_view text, const CsvChunkParser::Settings& settings, const std::map<std::size_t, CsvPin>& pins,
            const jobs::JobContext& context)
      : text_(text), s_(settings), pins_(pins), context_(context) {}

  // The chunk's result, or a restart request.
  std::optional<Restart> run(CsvChunkResult& result) {
    CsvCursor cursor(text_, 0, text_.size(), s_.dialect->delimiter, s_.dialect->quote, s_.maxFieldBytes);
    cursor_ = &cursor;
    std::vector<CsvField> fields;
    std::size_t row = 0;
    result_ = &result;
    while (cursor.next(fields)) {
      line_ = cursor.recordLine();
      if (s_.headerFields && fields.size() != s_.headerFields) {
        const bool isShort = fields.size() < s_.headerFields;
        if ((isShort ? result.shortRows++ : result.longRows++) == 0)
          (isShort ? result.firstShortLine : result.firstLongLine) = line_;
      }
      const std::size_t needed = std::max(fields.size(), s_.onlyColumn ? *s_.onlyColumn + 1 : 0);
      if (needed > states_.size()) grow(needed, row);
      if (s_.onlyColumn) {
        const std::size_t c = *s_.onlyColumn;
        if (auto restart = add(c, c < fields.size() ? &fields[c] : nullptr, row)) return restart;
      } else {
        for (std::size_t c = 0; c < states_.size(); ++c) {
          if (c < fields.size() && addFast(states_[c], fields[c])) continue;
          if (auto restart = add(c, c < fields.size() ? &fields[c] : nullptr, row)) return restart;
        }
      }
      ++row;
      if (row % kCheckEvery == 0) context_.throwIfStopped();
    }
    for (auto& state : states_) {
      if (state.strings) state.strings->finish();
      state.segment().rows = row;
    }
    result.rows = row;
    result.lines = cursor.linesConsumed();
    return std::nullopt;
  }

 private:
  struct State {
    CsvColumnSegment* seg = nullptr;  // into result_->columns, re-pointed when it grows
    std::optional<CsvPin> pin;
    std::unique_ptr<CsvStringBuilder> strings;
    IsoDateCache dates;
    CsvColumnSegment& segment() { return *seg; }
  };

  void grow(std::size_t count, std::size_t row) {
    const std::size_t old = states_.size();
    result_->columns.resize(count);
    states_.resize(count);
    for (std::size_t c = 0; c < count; ++c) {
      states_[c].seg = &result_->columns[c];
      if (states_[c].strings) states_[c].strings->rebind(result_->columns[c]);
    }
    for (std::size_t c = old; c < count; ++c) {
      State& st = states_[c];
      if (const auto it = pins_.find(c); it != pins_.end()) start(st, it->second.kind, 0, it->second);
      for (std::size_t r = 0; r < row; ++r) addMissing(st, r);  // a column that starts late
    }
  }

  // The chunk's rows, estimated from the bytes read so far: buffers reserved once at about the
  // right size, instead of doubling, keep the import's peak memory near the columns' own size.
  std::size_t expectedRows(std::size_t row) const {
    const double perRow = static_cast<double>(std::max<std::size_t>(1, cursor_->position())) / static_cast<double>(row + 1);
    return static_cast<std::size_t>(static_cast<double>(text_.size()) / perRow * 1.03) + 16;
  }

  // Sets the segment's kind with `row` rows already in it, all missing.
  void start(State& st, Kind kind, std::size_t row, std::optional<CsvPin> pin = std::nullopt) {
    CsvColumnSegment& seg = st.segment();
    const std::size_t expected = expectedRows(row);
    seg.kind = kind;
    if (pin) {
      st.pin = pin;
      seg.order = pin->order;
      seg.evidence = CsvTypeScan{};
      seg.evidence.canBool = kind == Kind::Bool;
      seg.evidence.canInt = kind == Kind::Int;
      seg.evidence.canFloat = kind == Kind::Int || kind == Kind::Float;
      seg.evidence.canDateMonthFirst = kind == Kind::Date && pin->order == DateOrder::MonthFirst;
      seg.evidence.canDateDayFirst = kind == Kind::Date && pin->order == DateOrder::DayFirst;
    }
    switch (kind) {
      case Kind::String:
        seg.codes.reserve(expected);
        st.strings = std::make_unique<CsvStringBuilder>(seg, s_.maxLevels);
        for (std::size_t r = 0; r < row; ++r) st.strings->addMissing();
        break;
      case Kind::Float:
        seg.floats.reserve(expected);
        seg.floats.assign(row, kNaN);
        break;
      case Kind::Bool:
      case Kind::Int:
      case Kind::Date:
        seg.ints.reserve(expected);
        seg.ints.assign(row, 0);
        break;
      case Kind::Empty: break;
    }
  }

  void addMissing(State& st, std::size_t row) {
    CsvColumnSegment& seg = st.segment();
    seg.markMissing(row);
    switch (seg.kind) {
      case Kind::String: st.strings->addMissing(); break;
      case Kind::Float: seg.floats.push_back(kNaN); break;
      case Kind::Bool:
      case Kind::Int:
      case Kind::Date: seg.ints.push_back(0); break;
      case Kind::Empty: break;
    }
  }

  [[noreturn]] void misfit(std::size_t c, std::string_view value, Kind kind) const {
    throw Error(ErrorCode::Parse,
                "'" + std::string(value) + "' in column " + std::to_string(c + 1) + " is not " + kindName(kind),
                {"", line_, static_cast<std::int64_t>(c) + 1}, std::string(value));
  }

  // The common cases, kept small enough to inline in the row loop: a present value that its
  // column takes as it is. For an Int or Date segment this is what addPinned or addSpeculative
  // would do with the value: an Int segment has ruled out bool and dates and still fits float, a
  // Date one has ruled out bool, int and float, and a fixed ISO date reads the same in either
  // order. False leaves the value to add(), which decides everything else.
  bool addFast(State& st, const CsvField& field) {
    const std::string_view value = field.value;
    if (value.empty() || s_.missing->matches(value)) return false;
    CsvColumnSegment& seg = st.segment();
    std::int64_t v;
    switch (seg.kind) {
      case Kind::String: st.strings->add(value); break;
      case Kind::Int:
        if (!parsePlainInt(value, v)) return false;
        seg.ints.push_back(v);
        break;
      case Kind::Date:
        if (!st.dates.parse(value, v)) return false;
        seg.ints.push_back(v);
        break;
      default: return false;
    }
    ++seg.evidence.present;
    return true;
  }

  std::optional<Restart> add(std::size_t c, const CsvField* field, std::size_t row) {
    State& st = states_[c];
    CsvColumnSegment& seg = st.segment();
    const bool missing = !field || (!field->quoted && field->value.empty()) || s_.missing->matches(field->value);
    if (missing) {
      addMissing(st, row);
      return std::nullopt;
    }
    const std::string_view value = field->value;
    if (seg.kind == Kind::String) {
      ++seg.evidence.present;
      st.strings->add(value);
      return std::nullopt;
    }
    if (trimSpaces(value).empty()) {  // blank: missing for every typed column, a value in a text one
      ++seg.blankRows;
      addMissing(st, row);
      return std::nullopt;
    }
    if (st.pin) return addPinned(c, st, value);
    return addSpeculative(c, st, value, row);
  }

  std::optional<Restart> addPinned(std::size_t c, State& st, std::string_view value) {
    CsvColumnSegment& seg = st.segment();
    ++seg.evidence.present;
    bool ok = false;
    switch (seg.kind) {
      case Kind::Bool: {
        bool b = false;
        ok = parseBool(value, b);
        seg.ints.push_back(b);
        break;
      }
      case Kind::Int: ok = parseInt64(value, seg.ints.emplace_back()); break;
      case Kind::Float: ok = parseFloat64(value, seg.floats.emplace_back(), s_.dialect->decimal); break;
      case Kind::Date: ok = parseDatetime(value, seg.ints.emplace_back(), seg.order); break;
      default: break;
    }
    if (ok) return std::nullopt;
    if (st.pin->forced) misfit(c, value, seg.kind);
    return Restart{c, CsvPin{Kind::String, DateOrder::MonthFirst, false}};
  }

  std::optional<Restart> addSpeculative(std::size_t c, State& st, std::string_view value, std::size_t row) {
    CsvColumnSegment& seg = st.segment();
    CsvTypeScan& ev = seg.evidence;
    const bool hadValues = ev.present > 0;
    ++ev.present;
    std::int64_t iv = 0, mdy = 0, dmy = 0;
    double fv = 0;
    bool bv = false;
    const bool isInt = ev.canInt && parseInt64(value, iv);
    ev.canInt = isInt;
    if (ev.canFloat) ev.canFloat = isInt || parseFloat64(value, fv, s_.dialect->decimal);
    if (ev.canBool) ev.canBool = parseBool(value, bv);
    if (ev.canDateMonthFirst || ev.canDateDayFirst) {
      if (isInt) {
        ev.canDateMonthFirst = ev.canDateDayFirst = false;
      } else {
        const bool m = ev.canDateMonthFirst && parseDatetime(value, mdy, DateOrder::MonthFirst);
        bool d;
        if (m && isYearFirst(value)) d = ev.canDateDayFirst, dmy = mdy;  // year first: the order does not matter
        else d = ev.canDateDayFirst && parseDatetime(value, dmy, DateOrder::DayFirst);
        ev.canDateMonthFirst = m;
        ev.canDateDayFirst = d;
      }
    }
    const Kind fits = ev.canBool ? Kind::Bool
                      : ev.canInt ? Kind::Int
                      : ev.canFloat ? Kind::Float
                      : (ev.canDateMonthFirst || ev.canDateDayFirst) ? Kind::Date
                                                                      : Kind::String;
    if (fits == Kind::String && seg.blankRows > 0) {
      // The blanks read so far as missing are values in a text column: read them again as text.
      return Restart{c, CsvPin{Kind::String, DateOrder::MonthFirst, false}};
    }
    if (seg.kind == Kind::Empty || (fits == Kind::String && !hadValues)) {
      start(st, fits, row);
      if (fits == Kind::Date) seg.order = ev.canDateMonthFirst ? DateOrder::MonthFirst : DateOrder::DayFirst;
      if (fits == Kind::String) {
        st.strings->add(value);
        return std::nullopt;
      }
    } else if (seg.kind == Kind::Int && fits == Kind::Float) {
      seg.floats.reserve(seg.ints.capacity());
      seg.floats.resize(seg.ints.size());
      for (std::size_t r = 0; r < seg.ints.size(); ++r)
        seg.floats[r] = seg.isMissing(r) ? kNaN : static_cast<double>(seg.ints[r]);
      std::vector<std::int64_t>().swap(seg.ints);
      seg.kind = Kind::Float;
    } else if (fits == Kind::String) {
      return Restart{c, CsvPin{Kind::String, DateOrder::MonthFirst, false}};
    } else if (fits == Kind::Date && seg.order == DateOrder::MonthFirst && !ev.canDateMonthFirst) {
      // 31/12/2024 after values read month-first: read them all day-first.
      return Restart{c, CsvPin{Kind::Date, DateOrder::DayFirst, false}};
    } else if (fits != seg.kind) {
      return Restart{c, CsvPin{Kind::String, DateOrder::MonthFirst, false}};
    }
    switch (seg.kind) {
      case Kind::Bool: seg.ints.push_back(bv); break;
      case Kind::Int: seg.ints.push_back(iv); break;
      case Kind::Float: seg.floats.push_back(isInt ? static_cast<double>(iv) : fv); break;
      case Kind::Date: seg.ints.push_back(seg.order == DateOrder::MonthFirst ? mdy : dmy); break;
      default: break;
    }
    return std::nullopt;
  }

  std::string_view text_;
  const CsvChunkParser::Settings& s_;
  const std::map<std::size_t, CsvPin>& pins_;
  const jobs::JobContext& context_;
  CsvChunkResult* result_ = nullptr;
  const CsvCursor* cursor_ = nullptr;
  std::vector<State> states_;
  std::int64_t line_ = 0;
};

}  // namespace

CsvChunkResult CsvChunkParser::parse(std::string_view text, const Settings& settings, const jobs::JobContext& context) {
  std::map<std::size_t, CsvPin> pins = settings.pins ? *settings.pins : std::map<std::size_t, CsvPin>{};
  // Each restart pins one more column (or moves a pinned date to text): a bounded number of passes.
  for (;;) {
    CsvChunkResult result;
    ChunkPass pass(text, settings, pins, context);
    const auto restart = pass.run(result);
    if (!restart) return result;
    pins[restart->column] = restart->pin;
  }
}

}  // namespace lathe::data
