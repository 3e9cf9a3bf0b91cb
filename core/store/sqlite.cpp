#include "store/sqlite.h"

namespace unveil::store {

Stmt& Stmt::bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(s_.get(), i, v) != SQLITE_OK) db_->fail("bind");
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  if (sqlite3_bind_double(s_.get(), i, v) != SQLITE_OK) db_->fail("bind");
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  if (sqlite3_bind_text64(s_.get(), i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) !=
      SQLITE_OK) {
    db_->fail("bind");
  }
  return *this;
}
Stmt& Stmt::bind_blob(int i, const void* data, std::size_t bytes) {
  if (sqlite3_bind_blob64(s_.get(), i, data, bytes, SQLITE_TRANSIENT) != SQLITE_OK)
    db_->fail("bind");
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  if (sqlite3_bind_null(s_.get(), i) != SQLITE_OK) db_->fail("bind");
  return *this;
}

bool Stmt::step() {
  const int rc = sqlite3_step(s_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail(std::string("step: ") + sqlite3_sql(s_.get()));
}

void Stmt::exec() {
  while (step()) {
  }
  reset();
}

void Stmt::reset() {
  sqlite3_reset(s_.get());
  sqlite3_clear_bindings(s_.get());
}

std::string Stmt::text(int col) const {
  const auto* p = sqlite3_column_text(s_.get(), col);
  const int n = sqlite3_column_bytes(s_.get(), col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
           : std::string();
}

std::span<const std::uint8_t> Stmt::blob(int col) const {
  const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(s_.get(), col));
  const int n = sqlite3_column_bytes(s_.get(), col);
  return {p, static_cast<std::size_t>(n)};
}

Result<Db> Db::open(const std::filesystem::path& file, int flags, const std::string& name) {
  Db db;
  db.file_ = name.empty() ? file.string() : name;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  db.db_.reset(raw);
  if (rc != SQLITE_OK) {
    return Error::from(message("file.cannot_open", db.file_,
                               std::string(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 2000);
  return db;
}

Stmt Db::prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &s, nullptr) !=
      SQLITE_OK) {
    fail("prepare: " + std::string(sql));
  }
  return Stmt(*this, s);
}

void Db::exec(std::string_view sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_.get(), std::string(sql).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : error_message();
    sqlite3_free(err);
    throw DbError{file_ + ": " + m};
  }
}

void Db::fail(const std::string& what) const {
  throw DbError{file_ + ": " + error_message() + " (" + what + ")"};
}

Transaction::Transaction(Db& db) : db_(db) {
  // Inside a transaction already: this one joins it, and the outer one commits or rolls back.
  if (sqlite3_get_autocommit(db_.handle()) == 0) {
    nested_ = true;
    return;
  }
  db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_ && !nested_) {
    char* err = nullptr;
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, &err);
    sqlite3_free(err);
  }
}

void Transaction::commit() {
  if (!nested_) db_.exec("COMMIT");
  done_ = true;
}

}  // namespace unveil::store
