#pragma once
#include <string>

namespace lathe::jobs {
class JobContext;
}

namespace lathe::store {

class Database;

// Save As: writes a compact copy of an open project with VACUUM INTO a temporary file beside the
// target, syncs it, then renames it over the target. Until that rename nothing at the target
// changes, and on any failure (a full disk, a read-only folder, Cancel) the temporary file is
// removed. Readers of the source are not blocked while it runs.
class ProjectCopy {
 public:
  // Throws ProjectFileError (SameFile, InUse, WriteFailed) or jobs::JobCancelled.
  static void saveAs(Database& source, const std::string& target, const jobs::JobContext* context = nullptr);
};

}  // namespace lathe::store
