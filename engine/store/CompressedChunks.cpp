#include "engine/store/CompressedChunks.h"

#include <zstd.h>

#include <algorithm>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"

namespace lathe::store {

std::vector<CompressedChunk> CompressedChunks::compress(std::span<const std::uint8_t> raw,
                                                        const jobs::JobContext* context, std::size_t chunkBytes) {
  chunkBytes = std::clamp<std::size_t>(chunkBytes, 1, kMaxRawBytes);
  std::vector<CompressedChunk> chunks;
  chunks.reserve(raw.size() / chunkBytes + 1);
  // A reused context keeps zstd's tables between chunks instead of reallocating them each time.
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  if (!cctx) throw Error(ErrorCode::Internal, "out of memory for a zstd compression context");
  try {
    for (std::size_t at = 0; at < raw.size(); at += chunkBytes) {
      if (context) context->throwIfStopped();
      const std::span<const std::uint8_t> piece = raw.subspan(at, std::min(chunkBytes, raw.size() - at));
      CompressedChunk chunk;
      chunk.rawBytes = piece.size();
      chunk.data.resize(ZSTD_compressBound(piece.size()));
      const std::size_t size =
          ZSTD_compressCCtx(cctx, chunk.data.data(), chunk.data.size(), piece.data(), piece.size(), kLevel);
      if (ZSTD_isError(size)) throw Error(ErrorCode::Internal, std::string("zstd: ") + ZSTD_getErrorName(size));
      chunk.data.resize(size);
      chunk.data.shrink_to_fit();
      chunks.push_back(std::move(chunk));
    }
  } catch (...) {
    ZSTD_freeCCtx(cctx);
    throw;
  }
  ZSTD_freeCCtx(cctx);
  return chunks;
}

void CompressedChunks::decompress(std::span<const std::uint8_t> frame, std::span<std::uint8_t> out,
                                  const std::string& what) {
  const unsigned long long contentSize = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (contentSize == ZSTD_CONTENTSIZE_ERROR || contentSize == ZSTD_CONTENTSIZE_UNKNOWN)
    throw Error(ErrorCode::Corrupt, what + ": not a complete zstd frame (the bytes are damaged)");
  if (contentSize != out.size())
    throw Error(ErrorCode::Corrupt, what + ": the frame holds " + std::to_string(contentSize) + " bytes, the project says " +
                                        std::to_string(out.size()));
  // The bound is the recorded raw size: a frame that would expand further fails here.
  const std::size_t size = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(size)) throw Error(ErrorCode::Corrupt, what + ": " + ZSTD_getErrorName(size));
  if (size != out.size())
    throw Error(ErrorCode::Corrupt, what + ": decompressed to " + std::to_string(size) + " bytes, expected " +
                                        std::to_string(out.size()));
}

}  // namespace lathe::store
