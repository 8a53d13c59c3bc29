#pragma once

namespace lathe::store {

class Database;

// One user action = one transaction. Begins IMMEDIATE (takes the write lock up front, so a
// conflict shows at the start, not half-way); rolls back unless commit() ran.
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
};

}  // namespace lathe::store
