#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace lathe::store {

// SHA-256 over bytes fed in pieces, as lowercase hex: the identity of a dataset's content, a
// recipe's definition or a model artifact, so a run records exactly which data made it.
class ContentHash {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(const ContentHash&) = delete;
  ContentHash& operator=(const ContentHash&) = delete;

  void update(std::span<const std::uint8_t> bytes);
  void update(std::string_view text);
  // The digest of everything fed so far; the hash then starts again from empty.
  std::string hex();

  static std::string of(std::string_view text);
  static std::string of(std::span<const std::uint8_t> bytes);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lathe::store
