#include "engine/store/Transaction.h"

#include <sqlite3.h>

#include "engine/store/Database.h"

namespace lathe::store {

Transaction::Transaction(Database& db) : db_(db), nested_(!sqlite3_get_autocommit(db.handle())) {
  db_.execute(nested_ ? "SAVEPOINT lathe_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  // A failed COMMIT (a full disk, say) may already have rolled back; only roll back what is open.
  if (!open_ || sqlite3_get_autocommit(db_.handle())) return;
  if (nested_)
    sqlite3_exec(db_.handle(), "ROLLBACK TO lathe_nested; RELEASE lathe_nested", nullptr, nullptr, nullptr);
  else
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.execute(nested_ ? "RELEASE lathe_nested" : "COMMIT");
  open_ = false;
}

}  // namespace lathe::store
