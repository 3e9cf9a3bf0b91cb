#include "store/store.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "calib/outcomes.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "util/atomic_file.h"

namespace unveil::store {
namespace {

namespace fs = std::filesystem;

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Runs f, turning an SQLite failure into an Error value (busy files get a plain message).
template <class F>
auto guarded(const std::string& file, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const DbError& e) {
    if (e.message.find("database is locked") != std::string::npos ||
        e.message.find("database is busy") != std::string::npos) {
      return Error::from(message("store.locked", file));
    }
    if (e.message.find("malformed") != std::string::npos) {
      return Error::from(message("store.damaged", file, e.message));
    }
    return Error{e.message};
  }
}

std::string options_json(const std::vector<data::Option>& options) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& o : options)
    j.push_back({std::string(1, o.letter), o.text});
  return j.dump();
}

std::vector<data::Option> options_from_json(const std::string& s) {
  std::vector<data::Option> out;
  const auto j = nlohmann::json::parse(s, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& o : j) {
    if (o.is_array() && o.size() == 2 && o[0].is_string() && o[1].is_string()) {
      const std::string l = o[0].get<std::string>();
      out.push_back({l.empty() ? '?' : l[0], o[1].get<std::string>()});
    }
  }
  return out;
}

// A letter options_json writes as itself: printable ASCII that JSON does not escape.
bool plain_letter(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x7f && c != '"' && c != '\\';
}

// The options column of an item with these letters and empty texts, written into `out` as
// options_json writes it ([["A",""],["B",""]]) without a JSON document. False (and `out`
// unspecified) when a letter would need escaping: options_json must write that one.
bool letters_options_json(std::string& out, const std::vector<char>& letters) {
  out.clear();
  out.push_back('[');
  for (const char c : letters) {
    if (!plain_letter(c)) return false;
    if (out.size() > 1) out.push_back(',');
    out += "[\"";
    out.push_back(c);
    out += "\",\"\"]";
  }
  out.push_back(']');
  return true;
}

// The option letters of a stored options column, as options_from_json reads them. The column as
// options_json writes it for ASCII texts without escapes is read here; anything else (escapes,
// other bytes, other shapes) goes to options_from_json.
std::string option_letters(const std::string& s) {
  const auto slow = [&] {
    std::string letters;
    for (const auto& o : options_from_json(s))
      letters.push_back(o.letter);
    return letters;
  };
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x80 || c == '\\') return slow();
  }
  std::string letters;
  std::size_t p = 0;
  const auto eat = [&](std::string_view w) {
    if (s.compare(p, w.size(), w) != 0) return false;
    p += w.size();
    return true;
  };
  if (!eat("[")) return slow();
  if (eat("]")) return p == s.size() ? letters : slow();
  for (;;) {
    if (!eat("[\"") || p >= s.size()) return slow();
    const char letter = s[p++];
    if (letter == '"' || !eat("\",\"")) return slow();
    const auto close = s.find('"', p);
    if (close == std::string::npos) return slow();
    p = close + 1;
    if (!eat("]")) return slow();
    letters.push_back(letter);
    if (eat(",")) continue;
    if (eat("]") && p == s.size()) return letters;
    return slow();
  }
}

// An INSERT repeated for many rows (import_predictions' items and predictions). Unlike Stmt it
// binds texts and blobs without copying them (SQLITE_STATIC: the caller keeps them alive until
// the row is written) and keeps its bindings from row to row, so that columns with the same value
// in every row are bound once. A failure throws DbError with Stmt's messages.
class BulkInsert {
 public:
  // `shown`: the statement named in messages, when not `sql` itself.
  BulkInsert(Db& db, std::string_view sql, const char* shown = nullptr) : db_(db), shown_(shown) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &s_, nullptr) !=
        SQLITE_OK) {
      db.fail("prepare: " + std::string(sql));
    }
  }
  ~BulkInsert() { sqlite3_finalize(s_); }
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  BulkInsert& integer(int i, std::int64_t v) { return check(sqlite3_bind_int64(s_, i, v)); }
  BulkInsert& real(int i, double v) { return check(sqlite3_bind_double(s_, i, v)); }
  BulkInsert& null(int i) { return check(sqlite3_bind_null(s_, i)); }
  // Never NULL: an empty text is stored as '' (an empty view's data() may be null).
  BulkInsert& text(int i, std::string_view v) {
    if (v.empty()) v = "";
    return check(sqlite3_bind_text64(s_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8));
  }
  BulkInsert& blob(int i, std::span<const double> v) {
    return check(sqlite3_bind_blob64(s_, i, v.data(), v.size() * sizeof(double), SQLITE_STATIC));
  }
  // Writes the row (Stmt::exec's step to completion), keeping the bindings.
  void run() {
    int rc = 0;
    while ((rc = sqlite3_step(s_)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) db_.fail(std::string("step: ") + (shown_ ? shown_ : sqlite3_sql(s_)));
    sqlite3_reset(s_);
  }

 private:
  BulkInsert& check(int rc) {
    if (rc != SQLITE_OK) db_.fail("bind");
    return *this;
  }
  Db& db_;
  const char* shown_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

bool process_alive(std::int64_t pid) {
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// The SQLite header says how many pages the file holds; a shorter file was truncated.
std::optional<Error> check_header(const fs::path& file) {
  std::ifstream f(file, std::ios::binary);
  unsigned char h[100] = {};
  f.read(reinterpret_cast<char*>(h), sizeof h);
  const auto got = f.gcount();
  if (got == 0) return {};  // an empty file: SQLite treats it as a new database
  if (got < 100 || std::memcmp(h, "SQLite format 3", 16) != 0) {
    return Error::from(message("store.not_sqlite", file.string()));
  }
  const auto be32 = [&](int o) {
    return (std::uint32_t{h[o]} << 24) | (std::uint32_t{h[o + 1]} << 16) |
           (std::uint32_t{h[o + 2]} << 8) | std::uint32_t{h[o + 3]};
  };
  std::uint32_t page = (std::uint32_t{h[16]} << 8) | h[17];
  if (page == 1) page = 65536;
  const std::uint32_t pages = be32(28);
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  // A write-ahead log beside the file holds pages not yet copied into it: a kill during a
  // checkpoint leaves a header that promises pages the log still has. SQLite recovers them on
  // open, so the file is only called truncated when there is no log to recover from.
  std::error_code wal_ec;
  const auto wal = fs::file_size(fs::path(file.string() + "-wal"), wal_ec);
  const bool has_wal = !wal_ec && wal >= 32;
  if (!ec && !has_wal && be32(24) == be32(92) && pages > 0 &&
      size < static_cast<std::uintmax_t>(pages) * page) {
    return Error::from(
        message("store.truncated", file.string(), size, static_cast<std::uintmax_t>(pages) * page));
  }
  return std::nullopt;
}

// A path as the path of a "file:" URI: the characters a URI gives a meaning to, escaped.
std::string uri_path(const fs::path& p) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : p.string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// A read-only project SQLite cannot open in place: in WAL mode, in a folder it may not write to,
// with no shared-memory file beside it. Without a log the file alone is the whole project, read
// as an immutable snapshot. With one, the log holds committed transactions the file does not
// have yet (its writer was killed, or the disk filled, before it copied them), which an immutable
// snapshot would not see: the file and its log are copied into a private folder, SQLite folds the
// log into the copy there, and the copy is read (and removed from its folder at once: the open
// connection keeps it). The project itself is never touched.
Result<Db> open_without_shared_memory(const fs::path& file) {
  const std::string name = file.string();
  std::error_code ec;
  const auto wal = fs::file_size(name + "-wal", ec);
  if (ec || wal == 0) {
    return Db::open("file:" + uri_path(fs::absolute(file)) + "?immutable=1",
                    SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, name);
  }
  const auto cannot = [&](Message why) {
    return Error::from(message("store.cannot_read_log", name, std::move(why)));
  };
  std::string folder = (fs::temp_directory_path(ec) / "unveil-read-XXXXXX").string();
  if (ec || ::mkdtemp(folder.data()) == nullptr) {
    return cannot(message("store.copy_not_made", std::strerror(errno)));
  }
  struct RemovedAtEnd {
    fs::path dir;
    ~RemovedAtEnd() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } removed{folder};
  const fs::path copy = removed.dir / "project.unveil";
  fs::copy_file(file, copy, ec);
  if (!ec) fs::copy_file(name + "-wal", copy.string() + "-wal", ec);
  // The copies keep the originals' read-only modes: SQLite must write them to fold the log in.
  for (const char* suffix : {"", "-wal"}) {
    if (!ec)
      fs::permissions(copy.string() + suffix, fs::perms::owner_read | fs::perms::owner_write, ec);
  }
  if (ec) return cannot(message("store.copy_not_written", ec.message()));
  {
    auto folded = Db::open(copy, SQLITE_OPEN_READWRITE, name);
    if (!folded) return folded.error();
    try {
      folded->exec("PRAGMA wal_checkpoint(TRUNCATE)");
      folded->exec("PRAGMA journal_mode = DELETE");  // one file, read without a log
    } catch (const DbError& e) {
      return cannot(message("store.copy_not_read", e.message));
    }
  }
  auto db = Db::open(copy, SQLITE_OPEN_READONLY, name);
  if (!db) return db.error();
  try {
    db->exec("SELECT COUNT(*) FROM sqlite_master");
  } catch (const DbError& e) {
    return cannot(message("store.copy_not_read", e.message));
  }
  return db;
}

RunInfo read_run(Stmt& s) {
  RunInfo r;
  r.id = s.int64(0);
  r.spec.name = s.text(1);
  if (!s.is_null(2)) r.spec.model_id = s.int64(2);
  r.spec.dataset_id = s.int64(3);
  r.spec.split = s.text(4);
  r.spec.prompt = s.text(5);
  r.spec.condition = s.text(6);
  r.spec.device = s.text(7);
  r.spec.settings = s.text(8);
  r.status = parse_run_status(s.text(9)).value_or(RunStatus::kFailed);
  const std::int64_t owner = s.is_null(10) ? 0 : s.int64(10);
  if (r.status == RunStatus::kRunning && !process_alive(owner)) r.status = RunStatus::kInterrupted;
  r.spec.status = r.status;
  r.spec.expected = static_cast<std::size_t>(s.int64(11));
  r.started_at = s.text(12);
  r.finished_at = s.text(13);
  r.summary = s.text(14);
  r.model_name = s.text(15);
  r.dataset_name = s.text(16);
  r.predictions = static_cast<std::size_t>(s.int64(17));
  r.model_text_only = s.int64(18) != 0;
  return r;
}

constexpr const char* kRunSelect =
    "SELECT r.id, r.name, r.model_id, r.dataset_id, r.split, r.prompt, r.condition, r.device, "
    "r.settings, r.status, r.owner_pid, r.expected, r.started_at, r.finished_at, r.summary, "
    "COALESCE(m.name, ''), d.name, "
    "(SELECT COUNT(*) FROM predictions p WHERE p.run_id = r.id), "
    // Text only: the card is JSON with a modalities list that does not name "image".
    "CASE WHEN m.card IS NOT NULL AND json_valid(m.card) "
    "AND json_type(m.card, '$.modalities') = 'array' "
    "THEN NOT EXISTS(SELECT 1 FROM json_each(m.card, '$.modalities') WHERE value = 'image') "
    "ELSE 0 END "
    "FROM runs r JOIN datasets d ON d.id = r.dataset_id LEFT JOIN models m ON m.id = r.model_id ";

void insert_prediction(Stmt& ins, std::int64_t run_id, const PredictionRecord& p, int kind) {
  ins.bind(1, run_id)
      .bind(2, p.item_id)
      .bind(3, p.label)
      .bind(4, kind)
      .bind_blob(5, p.logits.data(), p.logits.size() * sizeof(double))
      .bind(6, p.answer)
      .bind(7, p.conf_vocab)
      .bind(8, p.conf_options)
      .bind(9, p.correct ? 1 : 0)
      .bind(10, p.latency_ms)
      .bind(11, p.extra);
  if (p.vocab_logits.empty()) {
    ins.bind_null(12);
  } else {
    ins.bind_blob(12, p.vocab_logits.data(), p.vocab_logits.size() * sizeof(double));
  }
  ins.exec();
}

constexpr const char* kInsertItem =
    "INSERT INTO items(dataset_id, key, split, category, question, hint, options, answer, "
    "idk_index, image_kind, image_path, image_bytes, source_file, source_line) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

constexpr const char* kInsertPrediction =
    "INSERT OR IGNORE INTO predictions(run_id, item_id, label, score_kind, logits, answer, "
    "conf_vocab, conf_options, correct, latency_ms, extra, vocab_logits) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)";

Status apply_migrations(Db& db, int from, int to) {
  const auto& m = migrations();
  Transaction t(db);
  for (int v = from; v < to; ++v)
    db.exec(m[static_cast<std::size_t>(v)]);
  db.exec("PRAGMA user_version = " + std::to_string(to));
  t.commit();
  return ok_status();
}

}  // namespace

bool is_partial(const RunInfo& run) {
  return run.status != RunStatus::kComplete && run.status != RunStatus::kImported &&
         run.predictions < run.spec.expected;
}

std::string partial_run_note(const RunInfo& run) {
  if (!is_partial(run)) return {};
  return "run " + std::to_string(run.id) + " is " + to_string(run.status) + ": it holds " +
         std::to_string(run.predictions) + " of its " + std::to_string(run.spec.expected) +
         " items, and every number below is of those only";
}

const char* to_string(RunStatus s) {
  switch (s) {
    case RunStatus::kRunning:
      return "running";
    case RunStatus::kInterrupted:
      return "interrupted";
    case RunStatus::kComplete:
      return "complete";
    case RunStatus::kCancelled:
      return "cancelled";
    case RunStatus::kFailed:
      return "failed";
    case RunStatus::kImported:
      return "imported";
  }
  return "failed";
}

std::optional<RunStatus> parse_run_status(std::string_view s) {
  for (RunStatus r : {RunStatus::kRunning, RunStatus::kInterrupted, RunStatus::kComplete,
                      RunStatus::kCancelled, RunStatus::kFailed, RunStatus::kImported}) {
    if (s == to_string(r)) return r;
  }
  return std::nullopt;
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Db& Store::db() {
  return *db_;
}
const std::string& Store::file() const {
  return db_->file();
}

Error Store::read_only_error() const {
  return Error::from(message("store.read_only", file()));
}

Result<Store> Store::open(const fs::path& file, OpenMode mode) {
  const std::string name = file.string();
  std::error_code ec;
  const bool exists = fs::exists(file, ec);
  if (!exists && mode != OpenMode::kOpenOrCreate)
    return Error::from(message("store.no_such_project", name));
  if (exists) {
    if (fs::is_directory(file, ec)) return Error::from(message("store.is_folder", name));
    // SQLite takes an empty file for a new database: only a command that makes projects may.
    if (mode != OpenMode::kOpenOrCreate && fs::file_size(file, ec) == 0 && !ec)
      return Error::from(message("store.empty_file", name));
    if (auto e = check_header(file)) return std::move(*e);
  }
  Store st;
  st.read_only_ = mode == OpenMode::kReadOnly;
  if (exists && !st.read_only_ && ::access(name.c_str(), W_OK) != 0) {
    st.read_only_ = true;
    st.notice_detail_ = message("store.opened_read_only", name);
    st.notice_ = english(st.notice_detail_);
  }
  const int flags =
      st.read_only_ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  auto db = Db::open(file, flags);
  if (!db) return db.error();
  st.db_ = std::make_unique<Db>(std::move(*db));
  if (st.read_only_) {
    // A project in WAL mode in a folder we cannot write to cannot get its shared-memory file;
    // nothing else can be writing to a file we may not write either.
    try {
      st.db_->exec("SELECT COUNT(*) FROM sqlite_master");
    } catch (const DbError&) {
      auto other = open_without_shared_memory(file);
      if (!other) return other.error();
      st.db_ = std::make_unique<Db>(std::move(*other));
    }
  }
  Db& d = *st.db_;
  auto status = guarded(name, [&]() -> Status {
    // Read the version before changing anything, so a newer file is left untouched.
    int version = 0;
    std::int64_t tables = 0;
    {  // statements finalised here: an open statement would hold a read transaction
      auto v = d.prepare("PRAGMA user_version");
      v.step();
      version = v.integer(0);
      auto t = d.prepare("SELECT COUNT(*) FROM sqlite_master");
      t.step();
      tables = t.int64(0);
    }
    if (version > kSchemaVersion) {
      return Error::from(message("store.newer_format", name, version, kSchemaVersion));
    }
    if (version == 0 && tables > 0) {
      return Error::from(message("store.other_tables", name));
    }
    d.exec("PRAGMA foreign_keys = ON");
    if (st.read_only_) {
      if (version < kOldestReadableSchemaVersion) {
        return Error::from(message("store.old_read_only", name, version));
      }
      return ok_status();
    }
    d.exec("PRAGMA journal_mode = WAL");
    d.exec("PRAGMA synchronous = NORMAL");
    if (version < kSchemaVersion) return apply_migrations(d, version, kSchemaVersion);
    return ok_status();
  });
  if (!status) return status.error();
  return st;
}

Result<ImportSummary> Store::add_dataset(const data::Dataset& ds, const std::string& source,
                                         const std::string& format) {
  return guarded(file(), [&]() -> Result<ImportSummary> {
    if (read_only_) return read_only_error();
    Transaction t(*db_);
    auto exists = db_->prepare("SELECT id FROM datasets WHERE name = ?");
    exists.bind(1, ds.name);
    if (exists.step()) return Error::from(message("store.dataset_exists", ds.name, file()));
    auto ins = db_->prepare(
        "INSERT INTO datasets(name, source, format, root, created_at) VALUES(?,?,?,?,?)");
    // The root is stored absolute: a relative one would name another folder (or none) for every
    // command run from elsewhere, and each of its items would be skipped.
    fs::path abs = ds.root.empty() ? fs::path() : fs::absolute(ds.root).lexically_normal();
    if (!abs.empty() && !abs.has_filename() && abs.has_parent_path()) abs = abs.parent_path();
    const std::string root = abs.string();
    ins.bind(1, ds.name).bind(2, source).bind(3, format).bind(4, root).bind(5, now_utc()).exec();
    const std::int64_t id = db_->last_insert_id();
    auto item = db_->prepare(kInsertItem);
    for (const auto& it : ds.items) {
      item.bind(1, id)
          .bind(2, it.id)
          .bind(3, it.split)
          .bind(4, it.category)
          .bind(5, it.question)
          .bind(6, it.hint)
          .bind(7, options_json(it.options))
          .bind(8, it.answer)
          .bind(9, it.idk_index)
          .bind(10, static_cast<int>(it.image.kind));
      if (it.image.kind == data::ImageRef::Kind::kFile) {
        item.bind(11, it.image.path).bind_null(12);
      } else if (it.image.kind == data::ImageRef::Kind::kEmbedded) {
        item.bind_null(11).bind_blob(12, it.image.bytes.data(), it.image.bytes.size());
      } else {
        item.bind_null(11).bind_null(12);
      }
      item.bind(13, it.source.file).bind(14, static_cast<std::int64_t>(it.source.line)).exec();
    }
    auto prob = db_->prepare(
        "INSERT INTO dataset_problems(dataset_id, file, location, message) VALUES(?,?,?,?)");
    for (const auto& p : ds.problems)
      prob.bind(1, id).bind(2, p.file).bind(3, p.where).bind(4, p.message).exec();
    t.commit();
    return ImportSummary{id, ds.items.size(), ds.problems.size()};
  });
}

Result<std::vector<DatasetInfo>> Store::datasets() {
  return guarded(file(), [&]() -> Result<std::vector<DatasetInfo>> {
    auto s = db_->prepare(
        "SELECT d.id, d.name, d.source, d.format, d.root, d.created_at, "
        "(SELECT COUNT(*) FROM items i WHERE i.dataset_id = d.id), "
        "(SELECT COUNT(*) FROM dataset_problems p WHERE p.dataset_id = d.id) "
        "FROM datasets d ORDER BY d.id");
    std::vector<DatasetInfo> out;
    while (s.step()) {
      out.push_back({s.int64(0),
                     s.text(1),
                     s.text(2),
                     s.text(3),
                     s.text(4),
                     s.text(5),
                     static_cast<std::size_t>(s.int64(6)),
                     static_cast<std::size_t>(s.int64(7)),
                     {}});
    }
    // Read off the (dataset_id, split) index.
    auto sp = db_->prepare(
        "SELECT dataset_id, split, COUNT(*) FROM items GROUP BY dataset_id, split "
        "ORDER BY dataset_id, split");
    while (sp.step()) {
      const std::int64_t id = sp.int64(0);
      for (auto& d : out) {
        if (d.id == id) d.splits.emplace_back(sp.text(1), static_cast<std::size_t>(sp.int64(2)));
      }
    }
    return out;
  });
}

Result<std::optional<DatasetInfo>> Store::dataset_by_name(const std::string& name) {
  auto all = datasets();
  if (!all) return all.error();
  for (auto& d : *all) {
    if (d.name == name) return std::optional<DatasetInfo>(d);
  }
  return std::optional<DatasetInfo>();
}

Result<std::vector<data::Item>> Store::items(std::int64_t dataset_id, const std::string& split,
                                             bool load_images) {
  return guarded(file(), [&]() -> Result<std::vector<data::Item>> {
    std::string sql =
        std::string(
            "SELECT key, split, category, question, hint, options, answer, idk_index, "
            "image_kind, image_path, ") +
        (load_images ? "image_bytes" : "NULL") +
        ", source_file, source_line FROM items WHERE dataset_id = ?";
    if (!split.empty()) sql += " AND split = ?";
    sql += " ORDER BY id";
    auto s = db_->prepare(sql);
    s.bind(1, dataset_id);
    if (!split.empty()) s.bind(2, split);
    std::vector<data::Item> out;
    while (s.step()) {
      data::Item it;
      it.id = s.text(0);
      it.split = s.text(1);
      it.category = s.text(2);
      it.question = s.text(3);
      it.hint = s.text(4);
      it.options = options_from_json(s.text(5));
      it.answer = s.integer(6);
      it.idk_index = s.integer(7);
      it.image.kind = static_cast<data::ImageRef::Kind>(s.integer(8));
      it.image.path = s.text(9);
      if (load_images && !s.is_null(10)) {
        const auto b = s.blob(10);
        it.image.bytes.assign(reinterpret_cast<const char*>(b.data()), b.size());
      }
      it.source.file = s.text(11);
      it.source.line = static_cast<std::size_t>(s.int64(12));
      it.source.index = out.size();
      out.push_back(std::move(it));
    }
    return out;
  });
}

Result<std::vector<std::int64_t>> Store::item_ids(std::int64_t dataset_id,
                                                  const std::string& split) {
  return guarded(file(), [&]() -> Result<std::vector<std::int64_t>> {
    std::string sql = "SELECT id FROM items WHERE dataset_id = ?";
    if (!split.empty()) sql += " AND split = ?";
    sql += " ORDER BY id";
    auto s = db_->prepare(sql);
    s.bind(1, dataset_id);
    if (!split.empty()) s.bind(2, split);
    std::vector<std::int64_t> out;
    while (s.step())
      out.push_back(s.int64(0));
    return out;
  });
}

Result<std::vector<data::Problem>> Store::problems(std::int64_t dataset_id) {
  return guarded(file(), [&]() -> Result<std::vector<data::Problem>> {
    auto s =
        db_->prepare("SELECT file, location, message FROM dataset_problems WHERE dataset_id = ?");
    s.bind(1, dataset_id);
    std::vector<data::Problem> out;
    while (s.step())
      out.push_back({s.text(0), s.text(1), s.text(2)});
    return out;
  });
}

Result<std::int64_t> Store::add_model(const ModelInfo& m) {
  return guarded(file(), [&]() -> Result<std::int64_t> {
    if (read_only_) return read_only_error();
    auto s =
        db_->prepare("INSERT INTO models(name, path, sha256, card, created_at) VALUES(?,?,?,?,?)");
    s.bind(1, m.name).bind(2, m.path).bind(3, m.sha256).bind(4, m.card).bind(5, now_utc()).exec();
    return db_->last_insert_id();
  });
}

Result<std::vector<ModelInfo>> Store::models() {
  return guarded(file(), [&]() -> Result<std::vector<ModelInfo>> {
    auto s =
        db_->prepare("SELECT id, name, path, sha256, card, created_at FROM models ORDER BY id");
    std::vector<ModelInfo> out;
    while (s.step())
      out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
    return out;
  });
}

Result<std::int64_t> Store::create_run(const RunSpec& r) {
  return guarded(file(), [&]() -> Result<std::int64_t> {
    if (read_only_) return read_only_error();
    auto s = db_->prepare(
        "INSERT INTO runs(name, model_id, dataset_id, split, prompt, condition, device, settings, "
        "status, owner_pid, expected, started_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, r.name)
        .bind(2, r.model_id)
        .bind(3, r.dataset_id)
        .bind(4, r.split)
        .bind(5, r.prompt)
        .bind(6, r.condition)
        .bind(7, r.device)
        .bind(8, r.settings)
        .bind(9, to_string(r.status))
        .bind(10, static_cast<std::int64_t>(::getpid()))
        .bind(11, static_cast<std::int64_t>(r.expected))
        .bind(12, now_utc())
        .exec();
    return db_->last_insert_id();
  });
}

Status Store::set_run_status(std::int64_t run_id, RunStatus status) {
  return guarded(file(), [&]() -> Status {
    if (read_only_) return read_only_error();
    const bool finished = status != RunStatus::kRunning;
    auto s =
        db_->prepare("UPDATE runs SET status = ?, finished_at = ?, owner_pid = ? WHERE id = ?");
    s.bind(1, to_string(status));
    if (finished) {
      s.bind(2, now_utc()).bind_null(3);
    } else {
      s.bind_null(2).bind(3, static_cast<std::int64_t>(::getpid()));
    }
    s.bind(4, run_id).exec();
    if (db_->changes() == 0) return Error::from(message("store.no_run", run_id, file()));
    return ok_status();
  });
}

Status Store::set_run_summary(std::int64_t run_id, const std::string& summary) {
  return guarded(file(), [&]() -> Status {
    if (read_only_) return ok_status();  // a cache: nothing is lost by not writing it
    auto s = db_->prepare("UPDATE runs SET summary = ? WHERE id = ?");
    s.bind(1, summary).bind(2, run_id).exec();
    return ok_status();
  });
}

Result<std::vector<RunInfo>> Store::runs() {
  return guarded(file(), [&]() -> Result<std::vector<RunInfo>> {
    auto s = db_->prepare(std::string(kRunSelect) + "ORDER BY r.id");
    std::vector<RunInfo> out;
    while (s.step())
      out.push_back(read_run(s));
    return out;
  });
}

Result<RunInfo> Store::run(std::int64_t run_id) {
  return guarded(file(), [&]() -> Result<RunInfo> {
    auto s = db_->prepare(std::string(kRunSelect) + "WHERE r.id = ?");
    s.bind(1, run_id);
    if (!s.step()) return Error::from(message("store.no_run", run_id, file()));
    return read_run(s);
  });
}

Status Store::delete_run(std::int64_t run_id) {
  return guarded(file(), [&]() -> Status {
    if (read_only_) return read_only_error();
    auto s = db_->prepare("DELETE FROM runs WHERE id = ?");
    s.bind(1, run_id).exec();
    return ok_status();
  });
}

Status Store::mark_orphaned_runs_interrupted() {
  return guarded(file(), [&]() -> Status {
    if (read_only_) return ok_status();
    auto s = db_->prepare("SELECT id, owner_pid FROM runs WHERE status = 'running'");
    std::vector<std::int64_t> orphans;
    while (s.step()) {
      if (!process_alive(s.is_null(1) ? 0 : s.int64(1))) orphans.push_back(s.int64(0));
    }
    for (auto id : orphans) {
      auto u =
          db_->prepare("UPDATE runs SET status = 'interrupted', owner_pid = NULL WHERE id = ?");
      u.bind(1, id).exec();
    }
    return ok_status();
  });
}

Result<std::vector<std::int64_t>> Store::predicted_items(std::int64_t run_id) {
  return guarded(file(), [&]() -> Result<std::vector<std::int64_t>> {
    auto s = db_->prepare("SELECT item_id FROM predictions WHERE run_id = ? ORDER BY item_id");
    s.bind(1, run_id);
    std::vector<std::int64_t> out;
    while (s.step())
      out.push_back(s.int64(0));
    return out;
  });
}

Result<std::vector<PredictionRecord>> Store::predictions(std::int64_t run_id) {
  return guarded(file(), [&]() -> Result<std::vector<PredictionRecord>> {
    auto s = db_->prepare(
        "SELECT item_id, label, logits, answer, conf_vocab, conf_options, correct, latency_ms, "
        "vocab_logits FROM predictions WHERE run_id = ? ORDER BY item_id");
    s.bind(1, run_id);
    std::vector<PredictionRecord> out;
    while (s.step()) {
      PredictionRecord p;
      p.item_id = s.int64(0);
      p.label = s.integer(1);
      const auto b = s.blob(2);
      p.logits.resize(b.size() / sizeof(double));
      if (!b.empty()) std::memcpy(p.logits.data(), b.data(), p.logits.size() * sizeof(double));
      p.answer = s.integer(3);
      if (!s.is_null(4)) p.conf_vocab = s.real(4);
      p.conf_options = s.real(5);
      p.correct = s.integer(6) != 0;
      if (!s.is_null(7)) p.latency_ms = s.real(7);
      if (!s.is_null(8)) {
        const auto v = s.blob(8);
        p.vocab_logits.resize(v.size() / sizeof(double));
        if (!v.empty()) std::memcpy(p.vocab_logits.data(), v.data(), p.vocab_logits.size() * 8);
      }
      out.push_back(std::move(p));
    }
    return out;
  });
}

Result<calib::PredictionSet> Store::prediction_set(std::int64_t run_id) {
  return guarded(file(), [&]() -> Result<calib::PredictionSet> {
    auto s = db_->prepare(
        "SELECT i.key, p.label, p.score_kind, p.logits, i.idk_index, i.category, i.split, "
        "p.extra, p.answer, p.conf_vocab, p.vocab_logits "
        "FROM predictions p JOIN items i ON i.id = p.item_id WHERE p.run_id = ? ORDER BY "
        "p.item_id");
    s.bind(1, run_id);
    calib::PredictionSet set;
    calib::PredictionInput in;
    while (s.step()) {
      in.clear();
      in.id = s.text(0);
      in.label = s.integer(1);
      const auto b = s.blob(3);
      in.scores.resize(b.size() / sizeof(double));
      if (!b.empty()) std::memcpy(in.scores.data(), b.data(), in.scores.size() * sizeof(double));
      const int kind = s.integer(2);
      if (kind == 1) {
        // Stored as log p: give the engine probabilities back, so its 1e-12 clamp applies.
        in.kind = calib::ScoreKind::kProbabilities;
        for (double& v : in.scores)
          v = std::exp(v);
      } else if (kind == 3) {
        in.kind = calib::ScoreKind::kProbabilities;  // stored exactly as given
      } else if (kind == 2) {
        in.kind = calib::ScoreKind::kAnswerOnly;
      }
      const int idk = s.integer(4);
      in.idk_index = idk < static_cast<int>(in.scores.size()) ? idk : -1;
      in.category = s.text(5);
      in.split = s.text(6);
      in.extra = s.text(7);
      // The stored answer is what the model said: every metric is computed from it.
      const int answer = s.integer(8);
      in.answer =
          answer >= 0 && answer < static_cast<int>(in.scores.size()) ? answer : calib::kUnanswered;
      if (!s.is_null(9)) in.conf_vocab = s.real(9);
      if (!s.is_null(10)) {
        const auto v = s.blob(10);
        in.vocab_logits.resize(v.size() / sizeof(double));
        if (!v.empty()) std::memcpy(in.vocab_logits.data(), v.data(), in.vocab_logits.size() * 8);
      }
      set.add(in);
    }
    return set;
  });
}

Result<PredictionImport> Store::import_predictions(const calib::PredictionSet& set,
                                                   const std::string& dataset_name,
                                                   const std::string& run_name,
                                                   const PredictionImportOptions& options) {
  if (set.empty()) return Error::from(message("store.nothing_to_import"));
  if (read_only_) return read_only_error();
  constexpr std::size_t kMaxProblemsListed = 20;
  const calib::PredictionSource* source = options.source;
  const bool positioned = source && source->positions.size() == set.size();
  // "line 9" (or "prediction 9", its place in the set, when the file's lines are not known).
  const auto where = [&](std::size_t i) {
    return positioned ? source->where(i) : "prediction " + std::to_string(i + 1);
  };
  const auto id_of = [&](std::size_t i) { return std::string(set.id(i)); };
  const auto letter = [](std::string_view letters, int k) {
    if (k >= 0 && static_cast<std::size_t>(k) < letters.size()) {
      return std::string(1, letters[static_cast<std::size_t>(k)]);
    }
    return std::string(1, static_cast<char>('A' + k));
  };
  PredictionImport out;
  std::vector<char> keep(set.size(), 1);
  std::optional<Error> refused;
  // Refuses the import, or with skip_invalid skips prediction i; false when refused.
  const auto reject = [&](std::size_t i, std::string message) {
    if (!options.skip_invalid) {
      refused = Error{std::move(message)};
      return false;
    }
    keep[i] = 0;
    ++out.skipped;
    if (out.problems.size() < kMaxProblemsListed) out.problems.push_back(std::move(message));
    return true;
  };

  // An id twice would break the one-prediction-per-item rule of a run: named with both places.
  // The place of each id's first prediction, in one table probed linearly, each slot with the id's
  // hash (an unordered_map's node per id took ~0.7 s for a million ids).
  {
    struct Slot {
      std::size_t hash = 0;
      std::size_t place = 0;  // the prediction's place + 1; 0: empty
    };
    std::vector<Slot> first(std::bit_ceil(std::max<std::size_t>(16, 2 * set.size())));
    const std::size_t mask = first.size() - 1;
    const std::hash<std::string_view> hash_of;
    for (std::size_t i = 0; i < set.size(); ++i) {
      const std::string_view id = set.id(i);
      const std::size_t h = hash_of(id);
      std::size_t k = h & mask;
      while (first[k].place != 0 && (first[k].hash != h || set.id(first[k].place - 1) != id))
        k = (k + 1) & mask;
      if (first[k].place == 0) {
        first[k] = {h, i + 1};
        continue;
      }
      const std::size_t a = first[k].place - 1;
      const std::string both =
          positioned ? source->unit + "s " + std::to_string(source->positions[a]) + " and " +
                           std::to_string(source->positions[i])
                     : "predictions " + std::to_string(a + 1) + " and " + std::to_string(i + 1);
      if (!reject(i, "prediction id \"" + id_of(i) + "\" appears twice (" + both + ")")) {
        return *refused;
      }
    }
  }

  auto existing = dataset_by_name(dataset_name);
  if (!existing) return existing.error();
  std::int64_t dataset_id = 0;
  bool created = false;
  // The item each kept prediction is about (its row id), by the prediction's place in the set.
  std::vector<std::int64_t> item_of(set.size(), 0);
  if (*existing) {
    // Every prediction must be about an item of the dataset, with its options and its answer.
    dataset_id = (*existing)->id;
    struct ItemFacts {
      std::int64_t id;
      std::string letters;  // one per option, as options_from_json reads them
      int answer;
    };
    std::unordered_map<std::string, ItemFacts> items;
    auto s = guarded(file(), [&]() -> Status {
      auto q = db_->prepare("SELECT key, id, options, answer FROM items WHERE dataset_id = ?");
      q.bind(1, dataset_id);
      while (q.step())
        items.emplace(q.text(0), ItemFacts{q.int64(1), option_letters(q.text(2)), q.integer(3)});
      return ok_status();
    });
    if (!s) return s.error();
    const std::string of_dataset = " of dataset \"" + dataset_name + "\"";
    std::string id;
    for (std::size_t i = 0; i < set.size(); ++i) {
      if (!keep[i]) continue;
      id.assign(set.id(i));
      const auto it = items.find(id);
      std::string problem;
      if (it == items.end()) {
        problem = "prediction id \"" + id + "\" is not an item" + of_dataset;
      } else if (set.num_options(i) != it->second.letters.size()) {
        problem = "prediction \"" + id + "\" has " + std::to_string(set.num_options(i)) +
                  " options, but item \"" + id + "\"" + of_dataset + " has " +
                  std::to_string(it->second.letters.size());
      } else if (it->second.answer >= 0 && set.label(i) != it->second.answer) {
        problem = "prediction \"" + id + "\" has label " + std::to_string(set.label(i)) + " (" +
                  letter(set.options(i), set.label(i)) + "), but item \"" + id + "\"" + of_dataset +
                  " has answer " + std::to_string(it->second.answer) + " (" +
                  letter(it->second.letters, it->second.answer) + ")";
      }
      if (problem.empty()) {
        item_of[i] = it->second.id;
      } else if (!reject(i, where(i) + ": " + problem)) {
        return *refused;
      }
    }
  }
  std::size_t kept = 0;
  for (char k : keep)
    kept += k ? 1 : 0;
  if (kept == 0) {
    return Error::from(message("store.all_skipped", set.size(), out.problems.front()));
  }
  // Into a new dataset every row the foreign keys point to (the dataset, its items, the run) is
  // written by the transaction below, just before the rows that point to it: their checks (a
  // look-up per item and two per prediction) are left out. SQLite changes the setting only
  // outside a transaction, so it is turned off before it begins and back on after it has ended
  // (declared before it: destroyed after it); inside a caller's transaction it stays on.
  struct ForeignKeysOff {
    Db* db = nullptr;
    ~ForeignKeysOff() {
      if (db) sqlite3_exec(db->handle(), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    }
  } foreign_keys_off;
  if (!*existing && sqlite3_get_autocommit(db_->handle()) != 0) {
    if (auto off = guarded(file(),
                           [&]() -> Status {
                             auto q = db_->prepare("PRAGMA foreign_keys");
                             const bool on = q.step() && q.integer(0) == 1;
                             q.reset();
                             if (on) {
                               db_->exec("PRAGMA foreign_keys = OFF");
                               foreign_keys_off.db = db_.get();
                             }
                             return ok_status();
                           });
        !off) {
      return off.error();
    }
  }
  // The dataset made for the predictions and the run are one transaction: a kill or a full disk
  // in between leaves neither behind.
  std::optional<Transaction> whole;
  if (auto begun = guarded(file(),
                           [&]() -> Status {
                             whole.emplace(*db_);
                             return ok_status();
                           });
      !begun) {
    return begun.error();
  }
  if (!*existing) {
    // A predictions-only dataset: one item per prediction, with what the predictions know. The
    // rows are those add_dataset writes for such items (an item with only its key, letters,
    // answer, "I don't know" option, category and split), written here with one statement and
    // without building the items, the options column made without a JSON document.
    auto made = guarded(file(), [&]() -> Result<std::int64_t> {
      Transaction t(*db_);
      auto exists = db_->prepare("SELECT id FROM datasets WHERE name = ?");
      exists.bind(1, dataset_name);
      if (exists.step()) {
        return Error::from(message("store.dataset_exists", dataset_name, file()));
      }
      auto ins = db_->prepare(
          "INSERT INTO datasets(name, source, format, root, created_at) VALUES(?,?,?,?,?)");
      ins.bind(1, dataset_name)
          .bind(2, "imported predictions")
          .bind(3, "predictions")
          .bind(4, "")
          .bind(5, now_utc())
          .exec();
      const std::int64_t id = db_->last_insert_id();
      // add_dataset's statement, for kRows rows at a time: one INSERT of many rows costs less per
      // row than one INSERT per row (~2 s less for a million items). SQLite gives a new row the
      // largest id + 1, so the rows of one statement have consecutive ids ending at the last one
      // inserted; in a table whose largest id is near the largest integer (where SQLite picks
      // ids at random) the rows are written one at a time.
      constexpr int kColumns = 14;
      constexpr std::size_t kRows = 64;
      bool batched = false;
      {
        auto q = db_->prepare("SELECT COALESCE(MAX(id), 0) FROM items");
        q.step();
        batched = q.int64(0) < std::numeric_limits<std::int64_t>::max() -
                                   static_cast<std::int64_t>(set.size()) - 1;
      }
      std::string many = kInsertItem;
      for (std::size_t r = 1; r < kRows; ++r)
        many += ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
      BulkInsert one(*db_, kInsertItem);
      BulkInsert rows(*db_, many, kInsertItem);
      // The columns every such item has alike, bound once.
      const auto bind_alike = [&](BulkInsert& b, int c) {
        b.integer(c + 1, id)
            .text(c + 5, "")
            .text(c + 6, "")
            .integer(c + 10, static_cast<int>(data::ImageRef::Kind::kNone))
            .null(c + 11)
            .null(c + 12)
            .text(c + 13, "")
            .integer(c + 14, 0);
      };
      bind_alike(one, 0);
      for (std::size_t r = 0; r < kRows; ++r)
        bind_alike(rows, static_cast<int>(r) * kColumns);
      // Item i's own columns as row r of `b`, its options column made in `options_column` (bound
      // as it is, so alive until the row is written).
      std::vector<char> letters;
      const auto bind_own = [&](BulkInsert& b, std::size_t r, std::size_t i,
                                std::string& options_column) {
        const std::string_view given = set.options(i);
        letters.clear();
        for (std::size_t k = 0; k < set.num_options(i); ++k)
          letters.push_back(k < given.size() ? given[k] : static_cast<char>('A' + k));
        if (!letters_options_json(options_column, letters)) {
          std::vector<data::Option> full;
          full.reserve(letters.size());
          for (const char c : letters)
            full.push_back({c, ""});
          options_column = options_json(full);
        }
        const int c = static_cast<int>(r) * kColumns;
        b.text(c + 2, set.id(i))
            .text(c + 3, set.split(i))
            .text(c + 4, set.category(i))
            .text(c + 7, options_column)
            .integer(c + 8, set.label(i))
            .integer(c + 9, set.idk_index(i));
      };
      std::vector<std::string> options_columns(kRows);
      std::vector<std::size_t> pending;  // the places of the rows bound to `rows`
      for (std::size_t i = 0; i < set.size(); ++i) {
        if (!keep[i]) continue;
        if (!batched) {
          bind_own(one, 0, i, options_columns[0]);
          one.run();
          item_of[i] = db_->last_insert_id();
          continue;
        }
        bind_own(rows, pending.size(), i, options_columns[pending.size()]);
        pending.push_back(i);
        if (pending.size() < kRows) continue;
        rows.run();
        const std::int64_t last = db_->last_insert_id();
        for (std::size_t r = 0; r < kRows; ++r)
          item_of[pending[r]] = last - static_cast<std::int64_t>(kRows - 1 - r);
        pending.clear();
      }
      // The last rows, fewer than kRows, one at a time.
      for (const std::size_t i : pending) {
        bind_own(one, 0, i, options_columns[0]);
        one.run();
        item_of[i] = db_->last_insert_id();
      }
      t.commit();
      return id;
    });
    if (!made) return made.error();
    dataset_id = *made;
    created = true;
  }
  const bool answers_only = set.answer_only() == set.size();
  nlohmann::ordered_json settings = nlohmann::ordered_json::object();
  if (answers_only) settings["scores"] = "none";
  if (source && !source->format.empty()) settings["format"] = source->format;
  auto run = guarded(file(), [&]() -> Result<std::int64_t> {
    Transaction t(*db_);
    auto r = db_->prepare(
        "INSERT INTO runs(name, dataset_id, condition, settings, status, expected, started_at, "
        "finished_at) VALUES(?,?,?,?,?,?,?,?)");
    const std::string when = now_utc();
    r.bind(1, run_name)
        .bind(2, dataset_id)
        .bind(3, "imported")
        .bind(4, settings.dump())
        .bind(5, to_string(RunStatus::kImported))
        .bind(6, static_cast<std::int64_t>(kept))
        .bind(7, when)
        .bind(8, when)
        .exec();
    const std::int64_t run_id = db_->last_insert_id();
    // Outcomes of the items with scores (an item without them has its answer and nothing else).
    std::vector<std::size_t> scored;
    std::vector<std::size_t> outcome_of(set.size(), 0);
    for (std::size_t i = 0; i < set.size(); ++i) {
      if (set.kind(i) == calib::ScoreKind::kAnswerOnly) continue;
      outcome_of[i] = scored.size();
      scored.push_back(i);
    }
    const calib::Outcomes o =
        calib::compute_outcomes(scored.size() == set.size() ? set : set.subset(scored));
    // The columns insert_prediction binds for a PredictionRecord, bound from the set itself.
    BulkInsert ins(*db_, kInsertPrediction);
    ins.integer(1, run_id).null(10);
    for (std::size_t i = 0; i < set.size(); ++i) {
      if (!keep[i]) continue;
      int answer = 0;
      bool correct = false;
      double conf_options = 0.0;
      const bool answer_only = set.kind(i) == calib::ScoreKind::kAnswerOnly;
      // An item without scores keeps its recorded answer (or none): nothing else is known.
      const std::size_t j = outcome_of[i];
      if (answer_only) {
        answer = set.answer(i) < 0 ? -1 : set.answer(i);
        correct = answer == set.label(i);
        conf_options = answer >= 0 ? 1.0 : 0.0;  // the confidence of its stored one-hot scores
      } else {
        answer = o.predicted[j];
        correct = o.correct[j] != 0;
        conf_options = std::isfinite(o.confidence[j]) ? o.confidence[j] : 0.0;
      }
      // Probabilities are stored as given (kind 3), so that a stored run scores exactly as its
      // file; kind 1 (log p) is what older versions wrote.
      const bool probs = set.kind(i) == calib::ScoreKind::kProbabilities;
      const int kind = answer_only ? 2 : probs ? 3 : 0;
      ins.integer(2, item_of[i])
          .integer(3, set.label(i))
          .integer(4, kind)
          .blob(5, probs ? set.given_probs(i) : set.logits(i))
          .integer(6, answer);
      if (std::isnan(set.conf_vocab(i))) {
        ins.null(7);
      } else {
        ins.real(7, set.conf_vocab(i));
      }
      ins.real(8, conf_options).integer(9, correct ? 1 : 0).text(11, set.extra(i));
      if (set.vocab_logits(i).empty()) {
        ins.null(12);
      } else {
        ins.blob(12, set.vocab_logits(i));
      }
      ins.run();
      if (db_->changes() == 0) {
        return Error::from(message("store.id_twice", where(i), id_of(i)));
      }
    }
    t.commit();
    return run_id;
  });
  if (!run) {
    // Nothing is imported: a dataset made for these predictions goes with them.
    if (created) {
      (void)guarded(file(), [&]() -> Status {
        auto d = db_->prepare("DELETE FROM datasets WHERE id = ?");
        d.bind(1, dataset_id).exec();
        return ok_status();
      });
    }
    return run.error();
  }
  if (auto done = guarded(file(),
                          [&]() -> Status {
                            whole->commit();
                            return ok_status();
                          });
      !done) {
    return done.error();
  }
  out.run_id = *run;
  out.imported = kept;
  return out;
}

Result<std::int64_t> Store::import_predictions(const calib::PredictionSet& set,
                                               const std::string& dataset_name,
                                               const std::string& run_name) {
  auto r = import_predictions(set, dataset_name, run_name, PredictionImportOptions{});
  if (!r) return r.error();
  return r->run_id;
}

namespace {
// A calibration's columns (run_id .. created_at) bound from parameter `first` on.
Stmt& bind_calibration(Stmt& s, int first, const CalibrationInfo& c, const std::string& created) {
  return s.bind(first, c.run_id)
      .bind(first + 1, c.method)
      .bind(first + 2, c.params)
      .bind(first + 3, c.fit_split)
      .bind(first + 4, c.fit_run_id)
      .bind(first + 5, c.nll_before)
      .bind(first + 6, c.nll_after)
      .bind(first + 7, created);
}
}  // namespace

Result<std::int64_t> Store::add_calibration(const CalibrationInfo& c) {
  return guarded(file(), [&]() -> Result<std::int64_t> {
    if (read_only_) return read_only_error();
    auto s = db_->prepare(
        "INSERT INTO calibrations(run_id, method, params, fit_split, fit_run_id, nll_before, "
        "nll_after, created_at) VALUES(?,?,?,?,?,?,?,?)");
    bind_calibration(s, 1, c, now_utc()).exec();
    return db_->last_insert_id();
  });
}

Result<std::vector<CalibrationInfo>> Store::calibrations(std::optional<std::int64_t> run_id) {
  return guarded(file(), [&]() -> Result<std::vector<CalibrationInfo>> {
    auto s = db_->prepare(
        std::string("SELECT id, run_id, method, params, fit_split, fit_run_id, nll_before, "
                    "nll_after, created_at FROM calibrations") +
        (run_id ? " WHERE run_id = ?" : "") + " ORDER BY id");
    if (run_id) s.bind(1, *run_id);
    std::vector<CalibrationInfo> out;
    while (s.step()) {
      CalibrationInfo c;
      c.id = s.int64(0);
      c.run_id = s.int64(1);
      c.method = s.text(2);
      c.params = s.text(3);
      c.fit_split = s.text(4);
      if (!s.is_null(5)) c.fit_run_id = s.int64(5);
      c.nll_before = s.real(6);
      c.nll_after = s.real(7);
      c.created_at = s.text(8);
      out.push_back(std::move(c));
    }
    return out;
  });
}

Status Store::delete_calibration(std::int64_t id) {
  return guarded(file(), [&]() -> Status {
    if (read_only_) return read_only_error();
    auto s = db_->prepare("DELETE FROM calibrations WHERE id = ?");
    s.bind(1, id).exec();
    return ok_status();
  });
}

Status Store::restore_calibration(const CalibrationInfo& c) {
  return guarded(file(), [&]() -> Status {
    if (read_only_) return read_only_error();
    auto s = db_->prepare(
        "INSERT INTO calibrations(id, run_id, method, params, fit_split, fit_run_id, nll_before, "
        "nll_after, created_at) VALUES(?,?,?,?,?,?,?,?,?)");
    s.bind(1, c.id);
    bind_calibration(s, 2, c, c.created_at).exec();
    return ok_status();
  });
}

Status Store::save_as(const fs::path& target) {
  // The copy goes into a new file of a random name made by this process in the target's folder
  // (O_EXCL|O_NOFOLLOW, util/atomic_file.h), never through a link planted at a name one could
  // guess, and is synced and renamed over the target when complete.
  auto out = AtomicFileWriter::create(target, "the copy of the project");
  if (!out) return out.error();
  const fs::path tmp = out->temp_path();
  const auto fail = [&](const Message& why) {
    return Error::from(message("store.cannot_copy", target.string(), why));
  };
  {
    auto dest = Db::open(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW);
    if (!dest) return dest.error();
    if (!out->temp_is_ours()) return fail(message("store.temp_replaced"));
    // No rollback journal beside the temporary file: a failed copy is thrown away whole.
    if (sqlite3_exec(dest->handle(), "PRAGMA journal_mode = OFF", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
      return fail(literal(dest->error_message()));
    }
    sqlite3_backup* b = sqlite3_backup_init(dest->handle(), "main", db_->handle(), "main");
    if (!b) return fail(literal(dest->error_message()));
    int rc;
    while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
           rc == SQLITE_LOCKED) {
      if (rc != SQLITE_OK) sqlite3_sleep(20);
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) return fail(literal(std::string("copy failed: ") + sqlite3_errstr(rc)));
  }  // the copy is closed here, before it takes the target's name
  if (!out->temp_is_ours()) return fail(message("store.temp_replaced"));
  return out->commit();
}

Status Store::relocate_paths(const fs::path& from, const fs::path& to) {
  return guarded(file(), [&]() -> Status {
    if (read_only_) return read_only_error();
    Transaction t(*db_);
    // (table, column) of every path the store keeps.
    static constexpr std::array<std::pair<const char*, const char*>, 5> kPaths = {{
        {"datasets", "root"},
        {"datasets", "source"},
        {"models", "path"},
        {"items", "source_file"},
        {"dataset_problems", "file"},
    }};
    for (const auto& [table, column] : kPaths) {
      const std::string c = column;
      auto u = db_->prepare(std::string("UPDATE ") + table + " SET " + c + " = ?2 || substr(" + c +
                            ", length(?1) + 1) WHERE " + c + " = ?1 OR substr(" + c +
                            ", 1, length(?1) + 1) = ?1 || '/'");
      u.bind(1, from.string()).bind(2, to.string()).exec();
    }
    t.commit();
    return ok_status();
  });
}

Result<PredictionWriter> PredictionWriter::open(const fs::path& file, std::int64_t run_id,
                                                std::size_t batch) {
  auto db = Db::open(file, SQLITE_OPEN_READWRITE);
  if (!db) return db.error();
  PredictionWriter w;
  w.db_ = std::make_unique<Db>(std::move(*db));
  w.run_id_ = run_id;
  w.batch_ = std::max<std::size_t>(1, batch);
  auto st = guarded(file.string(), [&]() -> Status {
    w.db_->exec("PRAGMA foreign_keys = ON");
    w.db_->exec("PRAGMA synchronous = NORMAL");
    auto own = w.db_->prepare(
        "UPDATE runs SET status = 'running', owner_pid = ?, finished_at = NULL, summary = '' "
        "WHERE id = ?");  // the cached headline metrics no longer hold once predictions arrive
    own.bind(1, static_cast<std::int64_t>(::getpid())).bind(2, run_id).exec();
    if (w.db_->changes() == 0) return Error::from(message("store.no_run", run_id, file.string()));
    return ok_status();
  });
  if (!st) return st.error();
  return w;
}

PredictionWriter::PredictionWriter(PredictionWriter&&) noexcept = default;
PredictionWriter& PredictionWriter::operator=(PredictionWriter&&) noexcept = default;
PredictionWriter::~PredictionWriter() {
  if (db_) (void)flush();
}

Status PredictionWriter::add(const PredictionRecord& p) {
  // SQLite stores NaN as NULL, which the NOT NULL columns and INSERT OR IGNORE would turn into a
  // silently missing row: refuse it here, loudly.
  bool finite = std::isfinite(p.conf_options) && (!p.conf_vocab || std::isfinite(*p.conf_vocab));
  for (double v : p.logits)
    finite = finite && !std::isnan(v);
  if (!finite) {
    return Error::from(message("store.nan_prediction", db_->file(), run_id_, p.item_id));
  }
  pending_.push_back(p);
  if (pending_.size() >= batch_) return flush();
  return ok_status();
}

Status PredictionWriter::flush() {
  if (pending_.empty()) return ok_status();
  return guarded(db_->file(), [&]() -> Status {
    Transaction t(*db_);
    auto ins = db_->prepare(kInsertPrediction);
    for (const auto& p : pending_)
      insert_prediction(ins, run_id_, p, 0);
    t.commit();
    written_ += pending_.size();
    pending_.clear();
    return ok_status();
  });
}

Status create_schema_version_for_tests(const fs::path& file, int version) {
  auto db = Db::open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!db) return db.error();
  return guarded(file.string(), [&]() -> Status { return apply_migrations(*db, 0, version); });
}

}  // namespace unveil::store
