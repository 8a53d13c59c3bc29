#include "engine/store/ContentHash.h"

#include <nettle/sha2.h>

namespace lathe::store {

struct ContentHash::State {
  sha256_ctx context;
};

ContentHash::ContentHash() : state_(std::make_unique<State>()) { sha256_init(&state_->context); }

ContentHash::~ContentHash() = default;

void ContentHash::update(std::span<const std::uint8_t> bytes) {
  sha256_update(&state_->context, bytes.size(), bytes.data());
}

void ContentHash::update(std::string_view text) {
  sha256_update(&state_->context, text.size(), reinterpret_cast<const std::uint8_t*>(text.data()));
}

std::string ContentHash::hex() {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&state_->context, sizeof digest, digest);  // also resets the context
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof digest);
  for (const std::uint8_t byte : digest) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0xf];
  }
  return out;
}

std::string ContentHash::of(std::string_view text) {
  ContentHash hash;
  hash.update(text);
  return hash.hex();
}

std::string ContentHash::of(std::span<const std::uint8_t> bytes) {
  ContentHash hash;
  hash.update(bytes);
  return hash.hex();
}

}  // namespace lathe::store
