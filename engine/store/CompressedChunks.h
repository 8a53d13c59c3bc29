#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace lathe::jobs {
class JobContext;
}

namespace lathe::store {

// One zstd frame holding up to kMaxRawBytes of an encoded column.
struct CompressedChunk {
  std::uint64_t rawBytes = 0;
  std::vector<std::uint8_t> data;
};

// An encoded column cut into chunks of at most 8 MiB raw, each compressed on its own (zstd level
// 3), so no blob nears SQLite's limits and memory stays bounded per chunk. Each frame records its
// raw size; decompression checks it against the size the project stored beside the chunk.
class CompressedChunks {
 public:
  static constexpr std::size_t kMaxRawBytes = std::size_t{8} << 20;
  static constexpr int kLevel = 3;

  // Checks the stop token (when a context is given) between chunks.
  static std::vector<CompressedChunk> compress(std::span<const std::uint8_t> raw, const jobs::JobContext* context = nullptr,
                                               std::size_t chunkBytes = kMaxRawBytes);

  // Decompresses one chunk into `out`, whose size is the raw size the project recorded for it.
  // A frame that is damaged or holds another size is lathe::Error(Corrupt) that starts with `what`.
  static void decompress(std::span<const std::uint8_t> frame, std::span<std::uint8_t> out, const std::string& what);
};

}  // namespace lathe::store
