// A model file's body on arbitrary bytes: the fuzzer's input is everything before the SHA-256,
// which is appended here so that mutations get past the checksum and reach every estimator's
// loader (the seeds are ensembles, whose members' loaders they reach in turn). A lathe::Error is
// fine; anything else is a bug. A model that loads must save and load again.
#include <nettle/sha2.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/ml/Estimator.h"
#include "engine/ml/ModelFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, size, data);
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, sizeof digest, digest);
  bytes.append(reinterpret_cast<const char*>(digest), sizeof digest);
  try {
    const auto model = lathe::ml::ModelFile::deserialize(bytes);
    (void)lathe::ml::ModelFile::deserialize(lathe::ml::ModelFile::serialize(*model));
  } catch (const lathe::Error&) {
  }
  return 0;
}
