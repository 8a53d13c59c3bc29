#pragma once

namespace lathe::store {

class Database;

// One user action = one transaction. Begins IMMEDIATE (takes the write lock up front, so a
// conflict shows at the start, not half-way); rolls back unless commit() ran. Inside another
// transaction on the same connection it is a savepoint, so an action made of two (a canary's
// promotion: its weights, then the production alias) commits as one.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  Database& db_;
  bool open_ = true;
  bool nested_ = false;
};

}  // namespace lathe::store
