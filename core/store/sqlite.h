// A thin RAII layer over sqlite3: one connection, prepared statements, transactions.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace unveil::store {

class Db;

/// A prepared statement. Parameters are 1-based, bound by position; columns are 0-based.
class Stmt {
 public:
  Stmt() = default;
  Stmt(Db& db, sqlite3_stmt* s) : db_(&db), s_(s, &sqlite3_finalize) {}

  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind_blob(int i, const void* data, std::size_t bytes);
  Stmt& bind_null(int i);
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  /// Steps once: true when a row is available, false when done; an error is thrown as DbError.
  bool step();
  /// Steps to completion (for statements that return no rows).
  void exec();
  void reset();

  std::int64_t int64(int col) const { return sqlite3_column_int64(s_.get(), col); }
  int integer(int col) const { return sqlite3_column_int(s_.get(), col); }
  double real(int col) const { return sqlite3_column_double(s_.get(), col); }
  bool is_null(int col) const { return sqlite3_column_type(s_.get(), col) == SQLITE_NULL; }
  std::string text(int col) const;
  std::span<const std::uint8_t> blob(int col) const;

 private:
  Db* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> s_{nullptr, &sqlite3_finalize};
};

/// Thrown only inside the store for an SQLite failure; the Store's public functions catch it and
/// return an Error value.
struct DbError {
  std::string message;
};

class Db {
 public:
  /// Opens (flags as sqlite3_open_v2) with foreign keys on and a busy timeout. `name`, when
  /// given, is the file messages name (a URI or a private copy stands for it).
  static Result<Db> open(const std::filesystem::path& file, int flags,
                         const std::string& name = {});

  Stmt prepare(std::string_view sql);
  void exec(std::string_view sql);  ///< for statements without parameters (schema, pragmas)
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }
  int changes() const { return sqlite3_changes(db_.get()); }
  std::string error_message() const { return sqlite3_errmsg(db_.get()); }
  [[noreturn]] void fail(const std::string& what) const;
  sqlite3* handle() const { return db_.get(); }
  const std::string& file() const { return file_; }

 private:
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db_{nullptr, &sqlite3_close_v2};
  std::string file_;
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed. Opened while another transaction
/// of the connection is open, it joins that one (so a step can be part of a larger whole).
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Db& db_;
  bool done_ = false;
  bool nested_ = false;  ///< joined an enclosing transaction: it commits or rolls back
};

}  // namespace unveil::store
