#include "engine/deploy/RequestJournal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <random>
#include <utility>

#include "engine/core/Error.h"
#include "engine/store/Statement.h"

namespace lathe::deploy {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'L', 'A', 'T', 'H', 'E', 'R', 'J', '1'};
constexpr std::size_t kHeaderBytes = sizeof kMagic + sizeof(std::uint64_t);

// "/dir/credit.lathe" -> "credit.lathe-requests-": every journal of that project starts so.
std::string prefixOf(const std::string& projectPath) { return fs::path(projectPath).filename().string() + "-requests-"; }

std::uint32_t checksum(std::string_view bytes) {  // FNV-1a: tells a torn or stray record
  std::uint32_t hash = 2166136261u;
  for (const unsigned char c : bytes) hash = (hash ^ c) * 16777619u;
  return hash;
}

template <class T>
void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void putText(std::string& out, const std::optional<std::string>& text) {
  put<std::uint8_t>(out, text ? 1 : 0);
  put<std::uint32_t>(out, text ? static_cast<std::uint32_t>(text->size()) : 0);
  if (text) out += *text;
}

// Reads what put() wrote; false once the bytes run out.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <class T>
  bool get(T& value) {
    if (bytes_.size() < sizeof value) return false;
    std::memcpy(&value, bytes_.data(), sizeof value);
    bytes_.remove_prefix(sizeof value);
    return true;
  }
  bool getText(std::optional<std::string>& text) {
    std::uint8_t present = 0;
    std::uint32_t size = 0;
    if (!get(present) || !get(size) || bytes_.size() < size) return false;
    if (present) text = std::string(bytes_.substr(0, size));
    else text.reset();
    bytes_.remove_prefix(size);
    return true;
  }
  bool atEnd() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

std::string encode(const RequestRecord& r) {
  std::string payload;
  payload.reserve(64 + r.variant.size() + (r.input ? r.input->size() : 0) + (r.output ? r.output->size() : 0));
  put<std::int64_t>(payload, r.endpointId);
  put<std::int64_t>(payload, std::chrono::duration_cast<std::chrono::microseconds>(r.at.time_since_epoch()).count());
  put<std::int32_t>(payload, r.status);
  put<double>(payload, r.latencyMs);
  put<std::int64_t>(payload, r.rows);
  putText(payload, r.variant);
  putText(payload, r.input);
  putText(payload, r.output);
  std::string out;
  out.reserve(8 + payload.size());
  put<std::uint32_t>(out, static_cast<std::uint32_t>(payload.size()));
  put<std::uint32_t>(out, checksum(payload));
  return out + payload;
}

std::optional<RequestRecord> decode(std::string_view payload) {
  Reader in(payload);
  RequestRecord r;
  std::int64_t micros = 0;
  std::int32_t status = 0;
  std::optional<std::string> variant;
  if (!in.get(r.endpointId) || !in.get(micros) || !in.get(status) || !in.get(r.latencyMs) || !in.get(r.rows) ||
      !in.getText(variant) || !in.getText(r.input) || !in.getText(r.output) || !in.atEnd() || !variant)
    return std::nullopt;
  r.at = std::chrono::system_clock::time_point(std::chrono::microseconds(micros));
  r.status = status;
  r.variant = std::move(*variant);
  return r;
}

bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string header(std::uint64_t generation) {
  std::string out(kMagic, sizeof kMagic);
  put(out, generation);
  return out;
}

[[noreturn]] void ioError(const std::string& what, const std::string& path) {
  throw Error(ErrorCode::Io, "request journal: " + what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

RequestJournal::RequestJournal(const std::string& projectPath) {
  // A name no other log of the project has: the process and a random number.
  std::random_device random;
  const std::string id = std::to_string(::getpid()) + "-" + std::to_string(random()) + std::to_string(random());
  const fs::path folder = fs::path(projectPath).parent_path();
  try {
    for (int f = 0; f < 2; ++f) {
      names_[f] = prefixOf(projectPath) + id + "." + std::to_string(f);
      paths_[f] = (folder / names_[f]).string();
      // Made whole (locked, with its header) under a name leftovers() passes over, then renamed:
      // a recovering server never sees it unlocked. 0600: it holds sampled requests' inputs.
      const std::string making = (folder / ("." + names_[f])).string();
      fds_[f] = ::open(making.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
      if (fds_[f] < 0) ioError("cannot create", making);
      try {
        if (::flock(fds_[f], LOCK_EX | LOCK_NB) != 0) ioError("cannot lock", making);
        empty(f);
        if (::rename(making.c_str(), paths_[f].c_str()) != 0) ioError("cannot rename", making);
      } catch (...) {
        ::unlink(making.c_str());
        throw;
      }
    }
  } catch (...) {
    closeAndRemove();
    throw;
  }
}

RequestJournal::~RequestJournal() { closeAndRemove(); }

void RequestJournal::closeAndRemove() noexcept {
  // Unlinked before closed (which unlocks): a recovering server that opened the file meanwhile
  // finds it locked, then unlinked, and leaves it.
  for (int f = 0; f < 2; ++f) {
    if (fds_[f] < 0) continue;
    ::unlink(paths_[f].c_str());
    ::close(fds_[f]);
    fds_[f] = -1;
  }
}

void RequestJournal::empty(int file) {
  if (::ftruncate(fds_[file], 0) != 0) ioError("cannot empty", paths_[file]);
  ++generations_[file];
  if (!writeAll(fds_[file], header(generations_[file]))) ioError("cannot write", paths_[file]);
  records_[file] = 0;
  bytes_[file] = kHeaderBytes;
  broken_[file] = false;
}

std::optional<RequestJournal::Position> RequestJournal::append(const RequestRecord& record) {
  const int other = 1 - current_;
  if ((bytes_[current_] >= kRotateBytes || broken_[current_]) && outstanding_[other] == 0) {
    try {
      empty(other);
      current_ = other;
    } catch (const Error&) {  // keep writing where we were
    }
  }
  if (broken_[current_]) return std::nullopt;
  const std::string bytes = encode(record);
  if (!writeAll(fds_[current_], bytes)) {
    // Recovery stops at a torn record, so the tail is cut off again; if even that fails, the
    // file takes no more records until it is emptied for its next turn.
    if (::ftruncate(fds_[current_], static_cast<off_t>(bytes_[current_])) != 0) broken_[current_] = true;
    ++failedWrites_;
    return std::nullopt;
  }
  bytes_[current_] += bytes.size();
  ++outstanding_[current_];
  return Position{current_, generations_[current_], records_[current_]++};
}

void RequestJournal::done(const Position& position) {
  // A position from a generation since emptied was already counted out when it was emptied.
  if (position.generation == generations_[position.file] && outstanding_[position.file] > 0)
    --outstanding_[position.file];
}

void RequestJournal::markCommitted(store::Database& db, const std::string& name, const Position& position) {
  db.prepare("INSERT INTO request_journal (name, generation, committed) VALUES (?1, ?2, ?3) "
             "ON CONFLICT (name) DO UPDATE SET generation = ?2, committed = ?3")
      .bind(1, name)
      .bind(2, static_cast<std::int64_t>(position.generation))
      .bind(3, static_cast<std::int64_t>(position.index + 1))
      .run();
}

std::vector<RequestJournal::Leftover> RequestJournal::leftovers(const std::string& projectPath, store::Database& db) {
  std::vector<Leftover> out;
  const fs::path folder = fs::path(projectPath).parent_path();
  const std::string prefix = prefixOf(projectPath);
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder.empty() ? fs::path(".") : folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || !entry.is_regular_file()) continue;
    Leftover leftover;
    leftover.path = entry.path().string();
    leftover.name = name;
    leftover.fd = ::open(leftover.path.c_str(), O_RDWR | O_CLOEXEC);
    if (leftover.fd < 0) continue;
    if (::flock(leftover.fd, LOCK_EX | LOCK_NB) != 0) continue;  // a living server's (closed on the way out)
    struct stat status {};
    if (::fstat(leftover.fd, &status) != 0 || status.st_nlink == 0) continue;  // removed by its server as we opened it
    std::string bytes;
    char buffer[1 << 16];
    for (ssize_t n; (n = ::read(leftover.fd, buffer, sizeof buffer)) != 0;) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      bytes.append(buffer, static_cast<std::size_t>(n));
    }
    std::string_view rest(bytes);
    if (rest.size() >= kHeaderBytes && std::memcmp(rest.data(), kMagic, sizeof kMagic) == 0) {
      std::memcpy(&leftover.generation, rest.data() + sizeof kMagic, sizeof leftover.generation);
      rest.remove_prefix(kHeaderBytes);
    } else {
      rest = {};  // empty or never written: nothing to recover
    }
    std::uint64_t committed = 0;
    {
      auto row = db.prepare("SELECT generation, committed FROM request_journal WHERE name = ?1");
      row.bind(1, name);
      if (row.step() && static_cast<std::uint64_t>(row.int64(0)) == leftover.generation)
        committed = static_cast<std::uint64_t>(row.int64(1));
    }
    // Records until the first torn one: the write a kill cut short, of a request not answered.
    for (;;) {
      Reader in(rest);
      std::uint32_t size = 0;
      std::uint32_t sum = 0;
      if (!in.get(size) || !in.get(sum) || rest.size() < 8 + std::size_t(size)) break;
      const std::string_view payload = rest.substr(8, size);
      if (checksum(payload) != sum) break;
      auto record = decode(payload);
      if (!record) break;
      if (leftover.records++ >= committed) leftover.missing.push_back(std::move(*record));
      rest.remove_prefix(8 + std::size_t(size));
    }
    out.push_back(std::move(leftover));
  }
  return out;
}

RequestJournal::Leftover::Leftover(Leftover&& other) noexcept
    : path(std::move(other.path)),
      name(std::move(other.name)),
      generation(other.generation),
      records(other.records),
      missing(std::move(other.missing)),
      fd(std::exchange(other.fd, -1)) {}

RequestJournal::Leftover::~Leftover() {
  if (fd >= 0) ::close(fd);
}

void RequestJournal::forget(Leftover& leftover, store::Database& db) {
  // First the file, then its row: between the two, the row still says all is committed.
  ::unlink(leftover.path.c_str());
  if (leftover.fd >= 0) ::close(leftover.fd);
  leftover.fd = -1;
  forgetCount(db, leftover.name);
}

void RequestJournal::forgetCount(store::Database& db, const std::string& name) {
  db.prepare("DELETE FROM request_journal WHERE name = ?1").bind(1, name).run();
}

}  // namespace lathe::deploy
