#include "engine/data/CsvFileSource.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

#include "engine/core/Error.h"
#include "engine/data/CsvChunker.h"
#include "engine/data/TextDecoder.h"

namespace lathe::data {

CsvFileSource::CsvFileSource(const std::string& path, std::uint64_t bomBytes) : path_(path), bom_(bomBytes) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw Error(ErrorCode::Io, std::string("cannot open the file: ") + std::strerror(errno), {path});
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd_);
    throw Error(ErrorCode::Io, "not a regular file", {path});
  }
  const auto fileSize = static_cast<std::uint64_t>(st.st_size);
  size_ = fileSize > bom_ ? fileSize - bom_ : 0;
}

CsvFileSource::~CsvFileSource() {
  if (fd_ >= 0) ::close(fd_);
}

void CsvFileSource::readAt(std::uint64_t offset, std::size_t length, std::string& into) const {
  into.resize(length);
  std::size_t done = 0;
  while (done < length) {
    const ssize_t n = ::pread(fd_, into.data() + done, length - done, static_cast<off_t>(offset + bom_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(ErrorCode::Io, std::string("cannot read the file: ") + std::strerror(errno), {path_});
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<std::size_t>(n);
  }
  into.resize(done);
}

std::string_view CsvFileSource::block(std::uint64_t from, std::size_t bytes, char delimiter, char quote) {
  if (from >= size_) return {};
  current_ ^= 1;
  std::string& buffer = buffers_[current_];
  for (std::size_t window = bytes;; window *= 2) {
    readAt(from, static_cast<std::size_t>(std::min<std::uint64_t>(window, size_ - from)), buffer);
    if (buffer.empty()) return {};
    const bool atEnd = from + buffer.size() >= size_;
    const std::size_t end = atEnd ? buffer.size() : lastRecordEnd(buffer, delimiter, quote);
    if (end == 0 && !atEnd) continue;  // one record longer than the window: read more
    buffer.resize(end);
    if (!TextDecoder::isValidUtf8(buffer)) throw NotUtf8{};
    return buffer;
  }
}

std::string_view CsvFileSource::reread(std::uint64_t offset, std::size_t length, std::string& storage) const {
  readAt(offset, length, storage);
  if (storage.size() != length)
    throw Error(ErrorCode::Io, "the file changed while it was being imported", {path_, -1, -1,
                static_cast<std::int64_t>(offset + bom_)});
  return storage;
}

}  // namespace lathe::data
