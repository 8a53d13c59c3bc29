#include "engine/serve/RowsJsonReader.h"

#include <cstddef>
#include <string>

#include <simdjson.h>

#include "engine/serve/RowsJsonHandler.h"

namespace lathe::serve {
namespace {

namespace od = simdjson::ondemand;

// A body up to this size reuses its thread's buffer and parser (which keeps several bytes per
// body byte); a larger one gets its own, so that a server thread does not keep megabytes for the
// rest of its life after one big request.
constexpr std::size_t kReusedBytes = 256u << 10;

// Rows need three levels; deeper values (in a key the handler skips) go to nlohmann, whose
// parser keeps no stack of its own: this walk recurses, and On-Demand checks no depth.
constexpr int kMaxDepth = 64;

// Thrown to leave the walk where simdjson and nlohmann might read a value differently.
struct NotForTheFastPath {};

std::string_view withoutTrailingSpace(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' || token.back() == '\r'))
    token.remove_suffix(1);
  return token;
}

class Walk {
 public:
  explicit Walk(RowsJsonHandler& handler) : handler_(handler) {}

  void object(od::object object) {
    const Deeper level(depth_);
    handler_.start_object(static_cast<std::size_t>(-1));
    for (od::field field : object) {
      handler_.keyText(field.unescaped_key());
      value(field.value());
    }
    handler_.end_object();
  }

  void value(od::value value) {
    switch (od::json_type(value.type())) {
      case od::json_type::object: return object(value.get_object());
      case od::json_type::array: {
        const Deeper level(depth_);
        handler_.start_array(static_cast<std::size_t>(-1));
        for (od::value element : value.get_array()) this->value(element);
        handler_.end_array();
        return;
      }
      case od::json_type::number: return number(value);
      case od::json_type::string: handler_.stringText(std::string_view(value.get_string())); return;
      case od::json_type::boolean: handler_.boolean(bool(value.get_bool())); return;
      case od::json_type::null:
        if (!bool(value.is_null())) throw NotForTheFastPath{};  // "nul", "nullx"
        handler_.null();
        return;
    }
    throw NotForTheFastPath{};
  }

 private:
  void number(od::value& value) {
    const std::string_view literal = withoutTrailingSpace(value.raw_json_token());
    switch (od::number_type(value.get_number_type())) {
      case od::number_type::signed_integer: {
        // nlohmann gives a non-negative integer as unsigned and a negative one as signed.
        const std::int64_t whole = value.get_int64();
        if (whole >= 0 && literal.front() == '-') throw NotForTheFastPath{};  // "-0": nlohmann's own reading
        if (whole >= 0) handler_.number_unsigned(static_cast<std::uint64_t>(whole));
        else handler_.number_integer(whole);
        return;
      }
      // Beyond 64 bits get_uint64 fails, and nlohmann (reading it as a double) has the last word.
      case od::number_type::unsigned_integer: handler_.number_unsigned(value.get_uint64()); return;
      case od::number_type::floating_point_number:
        // A float has a fraction or an exponent; anything else is read by nlohmann's rules.
        if (literal.find_first_of(".eE") == std::string_view::npos) throw NotForTheFastPath{};
        handler_.floatText(double(value.get_double()), literal);
        return;
    }
    throw NotForTheFastPath{};
  }

  // One level down for its lifetime; past kMaxDepth the walk gives up.
  class Deeper {
   public:
    explicit Deeper(int& depth) : depth_(depth) {
      if (++depth_ > kMaxDepth) {
        --depth_;
        throw NotForTheFastPath{};
      }
    }
    ~Deeper() { --depth_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;

   private:
    int& depth_;
  };

  RowsJsonHandler& handler_;
  int depth_ = 0;
};

bool walk(od::parser& parser, simdjson::padded_string_view json, RowsJsonHandler& handler) {
  try {
    od::document document = parser.iterate(json);
    if (od::json_type(document.type()) != od::json_type::object) return false;
    Walk(handler).object(document.get_object());
    // Past the top-level object there must be nothing but white space.
    return document.current_location().error() != simdjson::SUCCESS;
  } catch (const simdjson::simdjson_error&) {
    return false;
  } catch (const NotForTheFastPath&) {
    return false;
  }
}

}  // namespace

bool RowsJsonReader::read(std::string_view body, RowsJsonHandler& handler) {
  if (body.size() > kReusedBytes) {
    const simdjson::padded_string padded(body);
    od::parser parser;
    return walk(parser, padded, handler);
  }
  // simdjson reads up to SIMDJSON_PADDING bytes past the end: the body is copied into a buffer
  // with room for them (a few microseconds for a 100-row request).
  thread_local std::string buffer;
  thread_local od::parser parser;
  buffer.reserve(body.size() + simdjson::SIMDJSON_PADDING);
  buffer.assign(body);
  return walk(parser, simdjson::padded_string_view(buffer.data(), buffer.size(), buffer.capacity()), handler);
}

}  // namespace lathe::serve
