// Fault injection: the real unveil-cli killed with SIGKILL at seeded random moments of `import`,
// `import-predictions`, `eval` and `demo` (and at the moment SQLite starts copying its log into
// the project), run against a full disk (a file size limit; a small tmpfs where this system lets a
// test mount one), on a read-only project, and as two writers at once. After each fault:
//   - the project reopens: `unveil-cli runs --db` exits 0;
//   - PRAGMA integrity_check says ok and no foreign key is broken;
//   - every committed prediction is there exactly once: a run is complete (or imported) with all
//     its rows, or it is not complete; a dataset is there with all its items or not at all; what
//     was committed before a kill is still there, unchanged.
// The moments are drawn from a seeded generator (UNVEIL_FAULT_SEED overrides the seed) and counted
// from the moment the command first touches the project (its log appears), not from its start: a
// second of loading libraries comes first, in which a kill tests nothing. A failure names the seed
// and the moment. The suite runs as one process (its inputs are made once) and keeps its sizes
// small: it runs again under the sanitizers.
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iterator>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// ---------------------------------------------------------------------------------------------
// Processes

struct Limits {
  std::optional<rlim_t> file_size;  ///< RLIMIT_FSIZE, with SIGXFSZ ignored: writes fail EFBIG
  bool as_nobody = false;           ///< run as user and group 65534 (when this process is root)
};

struct Child {
  pid_t pid = -1;
  fs::path out, err;
};

struct Exit {
  bool killed = false;  ///< ended by a signal
  int code = -1;        ///< exit status when not killed
  std::string out, err;
};

std::string read_all(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), {});
}

void put(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

/// Starts `unveil-cli ARGS` (no shell), its output in IO.out and IO.err.
Child spawn(const std::vector<std::string>& args, const fs::path& io, const Limits& limits = {}) {
  Child c;
  c.out = io.string() + ".out";
  c.err = io.string() + ".err";
  std::vector<std::string> all = {UNVEIL_CLI_PATH};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  c.pid = ::fork();
  if (c.pid == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(c.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    const int err = ::open(c.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (in < 0 || out < 0 || err < 0) ::_exit(121);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    if (limits.file_size) {
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit r{*limits.file_size, *limits.file_size};
      if (::setrlimit(RLIMIT_FSIZE, &r) != 0) ::_exit(122);
    }
    if (limits.as_nobody && ::geteuid() == 0 &&
        (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      ::_exit(123);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return c;
}

Exit wait_for(const Child& c) {
  int status = 0;
  while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
  }
  Exit e;
  e.killed = WIFSIGNALED(status);
  e.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  e.out = read_all(c.out);
  e.err = read_all(c.err);
  return e;
}

Exit run_cli(const std::vector<std::string>& args, const fs::path& io, const Limits& limits = {}) {
  return wait_for(spawn(args, io, limits));
}

using Micros = std::chrono::microseconds;
using Anchor = std::function<bool()>;

/// An Exit of a child that ended with `status`.
Exit ended(const Child& c, int status) {
  Exit e;
  e.killed = WIFSIGNALED(status);
  e.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  e.out = read_all(c.out);
  e.err = read_all(c.err);
  return e;
}

/// Waits (polling) until `anchor` holds; false when the child ended first (`*done` then says how).
bool wait_for_anchor(const Child& c, const Anchor& anchor, Exit* done) {
  const auto deadline = Clock::now() + std::chrono::seconds(120);
  while (Clock::now() < deadline) {
    if (anchor()) return true;
    int status = 0;
    if (::waitpid(c.pid, &status, WNOHANG) == c.pid) {
      *done = ended(c, status);
      return false;
    }
    std::this_thread::sleep_for(Micros(100));
  }
  ::kill(c.pid, SIGKILL);
  *done = wait_for(c);
  ADD_FAILURE() << "the command never reached its anchor";
  return false;
}

/// Runs `unveil-cli ARGS` to its end; `*work` is how long it ran after `anchor` first held, until
/// it ended or, when given, until `done` first held.
Exit run_timed(const std::vector<std::string>& args, const fs::path& io, const Anchor& anchor,
               Micros* work, const Anchor& done = {}) {
  const Child c = spawn(args, io);
  Exit e;
  *work = Micros(0);
  if (!wait_for_anchor(c, anchor, &e)) return e;
  const auto t0 = Clock::now();
  if (done) {
    Exit early;
    if (!wait_for_anchor(c, done, &early)) return early;
    *work = std::chrono::duration_cast<Micros>(Clock::now() - t0);
    return wait_for(c);
  }
  e = wait_for(c);
  *work = std::chrono::duration_cast<Micros>(Clock::now() - t0);
  return e;
}

/// Runs `unveil-cli ARGS` and kills it with SIGKILL `delay` after `anchor` first holds (when it
/// is still running then).
Exit run_killed_after(const std::vector<std::string>& args, const fs::path& io,
                      const Anchor& anchor, Micros delay) {
  const Child c = spawn(args, io);
  Exit e;
  if (!wait_for_anchor(c, anchor, &e)) return e;
  std::this_thread::sleep_for(delay);
  ::kill(c.pid, SIGKILL);
  return wait_for(c);
}

/// The anchor of a command on project `db`: SQLite makes its log when the command first reads it.
Anchor log_of(const fs::path& db) {
  return [wal = fs::path(db.string() + "-wal")] {
    std::error_code ec;
    return fs::exists(wal, ec);
  };
}

struct FileState {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileState&) const = default;
};

FileState file_state(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return {};
  return {static_cast<std::uintmax_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

/// Runs `unveil-cli ARGS` on project `db` and kills it `after` the project file itself first
/// changes. In WAL mode SQLite writes the project file only when it copies its log into it (a
/// checkpoint, after a large commit or when the last connection closes), so the kill lands in or
/// just after a checkpoint. `*in_checkpoint` says whether the log was still there at the kill, and
/// `*short_file` whether the file's header then promised more pages than the file had.
Exit run_killed_in_checkpoint(const std::vector<std::string>& args, const fs::path& io,
                              const fs::path& db, Micros after, bool* in_checkpoint,
                              bool* short_file) {
  *in_checkpoint = *short_file = false;
  const FileState before = file_state(db);
  const Child c = spawn(args, io);
  Exit e;
  if (!wait_for_anchor(c, log_of(db), &e)) return e;
  const auto deadline = Clock::now() + std::chrono::seconds(120);
  while (Clock::now() < deadline) {
    if (!(file_state(db) == before)) {
      const auto until = Clock::now() + after;
      while (Clock::now() < until) {
      }
      ::kill(c.pid, SIGKILL);
      break;
    }
    int status = 0;
    if (::waitpid(c.pid, &status, WNOHANG) == c.pid) return ended(c, status);
    // Polled every few tens of microseconds: copying megabytes takes milliseconds.
    std::this_thread::sleep_for(Micros(20));
  }
  e = wait_for(c);
  std::error_code ec;
  *in_checkpoint = e.killed && fs::file_size(db.string() + "-wal", ec) > 0 && !ec;
  // The header's page size (bytes 16-17) and page count (bytes 28-31), against the file's size.
  const std::string head = read_all(db).substr(0, 100);
  if (head.size() == 100) {
    const auto byte = [&](int i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(head[i]));
    };
    std::uint32_t page = (byte(16) << 8) | byte(17);
    if (page == 1) page = 65536;
    const std::uint32_t pages = (byte(28) << 24) | (byte(29) << 16) | (byte(30) << 8) | byte(31);
    *short_file = static_cast<std::uintmax_t>(page) * pages > fs::file_size(db);
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// The project, read directly through SQLite

struct Sql {
  sqlite3* db = nullptr;
  explicit Sql(const fs::path& file, int flags = SQLITE_OPEN_READWRITE) {
    sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    sqlite3_busy_timeout(db, 10000);
  }
  ~Sql() { sqlite3_close(db); }
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;
  /// Every row of `query`, each column as text ("" for NULL).
  std::vector<std::vector<std::string>> rows(const std::string& query) {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << query << ": " << sqlite3_errmsg(db);
      return out;
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const auto* t = sqlite3_column_text(s, i);
        row.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
      }
      out.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) ADD_FAILURE() << query << ": " << sqlite3_errmsg(db);
    sqlite3_finalize(s);
    return out;
  }
  std::int64_t number(const std::string& query) {
    const auto r = rows(query);
    return r.empty() || r[0].empty() ? -1 : std::stoll(r[0][0]);
  }
  std::string text(const std::string& query) {
    const auto r = rows(query);
    return r.empty() || r[0].empty() ? std::string("(no row)") : r[0][0];
  }
};

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s)
    q += c == '\'' ? std::string("''") : std::string(1, c);
  return q + "'";
}

struct RunRow {
  std::int64_t id = 0;
  std::string name, status;
  std::size_t predictions = 0, expected = 0;
};

/// The checks every fault ends with. `runs --db` must reopen the project as the fault left it,
/// then SQLite's own checks must pass and the rows must add up. Returns the runs `runs` listed,
/// and `*reopened` says whether it got that far. Call through ASSERT_NO_FATAL_FAILURE.
void check_project(const fs::path& db, const fs::path& io, std::vector<RunRow>* runs_out,
                   bool* reopened = nullptr) {
  if (reopened) *reopened = false;
  const Exit listed = run_cli({"runs", "--db", db.string(), "--format", "json"}, io);
  ASSERT_FALSE(listed.killed);
  ASSERT_EQ(listed.code, 0) << "the project does not reopen: " << listed.err;
  const auto j = nlohmann::json::parse(listed.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << listed.out;
  std::vector<RunRow> runs;
  for (const auto& r : j) {
    RunRow row{r["id"].get<std::int64_t>(), r["name"].get<std::string>(),
               r["status"].get<std::string>(), r["predictions"].get<std::size_t>(),
               r["expected"].get<std::size_t>()};
    // A run is complete with all its rows, or it is not complete.
    if (row.status == "complete" || row.status == "imported") {
      EXPECT_EQ(row.predictions, row.expected)
          << "run " << row.id << " \"" << row.name << "\" is " << row.status << " but holds "
          << row.predictions << " of " << row.expected;
    }
    EXPECT_LE(row.predictions, row.expected) << "run " << row.id;
    EXPECT_NE(row.status, "running") << "run " << row.id << ": its process is gone";
    runs.push_back(row);
  }
  Sql sql(db);
  EXPECT_EQ(sql.text("PRAGMA integrity_check"), "ok");
  EXPECT_TRUE(sql.rows("PRAGMA foreign_key_check").empty());
  // Exactly once: no item twice in a run (the key says so; checked, not assumed), and every
  // prediction is about an item of its run's dataset and split.
  EXPECT_EQ(sql.number("SELECT COUNT(*) FROM (SELECT run_id, item_id FROM predictions GROUP BY "
                       "run_id, item_id HAVING COUNT(*) > 1)"),
            0);
  EXPECT_EQ(sql.number("SELECT COUNT(*) FROM predictions p JOIN runs r ON r.id = p.run_id JOIN "
                       "items i ON i.id = p.item_id WHERE i.dataset_id != r.dataset_id OR "
                       "(r.split != '' AND i.split != r.split)"),
            0);
  // No dataset made for imported predictions without its run (one transaction).
  EXPECT_EQ(sql.number("SELECT COUNT(*) FROM datasets d WHERE d.source = 'imported predictions' "
                       "AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.dataset_id = d.id)"),
            0);
  // The counts `runs` showed are the stored rows.
  for (const auto& r : runs) {
    EXPECT_EQ(sql.number("SELECT COUNT(*) FROM predictions WHERE run_id = " + std::to_string(r.id)),
              static_cast<std::int64_t>(r.predictions));
  }
  if (runs_out) *runs_out = std::move(runs);
  if (reopened) *reopened = true;
}

const RunRow* find_run(const std::vector<RunRow>& runs, const std::string& name) {
  for (const auto& r : runs) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::int64_t dataset_items(const fs::path& db, const std::string& name) {
  Sql sql(db);
  return sql.number(
      "SELECT COUNT(*) FROM items i JOIN datasets d ON d.id = i.dataset_id WHERE "
      "d.name = " +
      quoted(name));
}

bool has_dataset(const fs::path& db, const std::string& name) {
  Sql sql(db);
  return sql.number("SELECT COUNT(*) FROM datasets WHERE name = " + quoted(name)) > 0;
}

/// item id -> the stored logits (as hex) of a run's predictions.
std::map<std::string, std::string> run_rows(const fs::path& db, std::int64_t run) {
  Sql sql(db);
  std::map<std::string, std::string> out;
  for (auto& r : sql.rows("SELECT item_id, hex(logits) FROM predictions WHERE run_id = " +
                          std::to_string(run)))
    out[r[0]] = r[1];
  return out;
}

std::uintmax_t size_or_zero(const fs::path& p) {
  std::error_code ec;
  const auto n = fs::file_size(p, ec);
  return ec ? 0 : n;
}

/// Folds the log of a project a fault left into its file, as the next program to open it would:
/// the next command then starts from a whole project, and makes its log anew (the moment kills
/// are counted from). Call after the fault's state was copied for its check.
void fold(const fs::path& db) {
  {
    Sql sql(db);
    // Read: SQLite recovers the log; the last connection to close copies it into the file and
    // removes it.
    EXPECT_GE(sql.number("SELECT COUNT(*) FROM runs"), 0);
  }
  std::error_code ec;
  ASSERT_FALSE(fs::exists(db.string() + "-wal", ec)) << "the log of " << db << " stayed";
}

/// The project file and its log, removed: a fresh copy of `from` at `to`.
void copy_project(const fs::path& from, const fs::path& to) {
  for (const char* suffix : {"", "-wal", "-shm"})
    fs::remove(to.string() + suffix);
  fs::copy_file(from, to);
}

std::uint64_t seed() {
  const char* s = std::getenv("UNVEIL_FAULT_SEED");
  return s ? std::strtoull(s, nullptr, 10) : 20261207;
}

/// Checks of projects as faults left them, made on copies in the background while the test goes
/// on (a second processor's work: each check starts a process, which takes a second). The copy is
/// taken at once, before anything else opens the project; the checks run one after another.
class Checker {
 public:
  using Then = std::function<void(const fs::path& copy, const std::vector<RunRow>& runs)>;
  explicit Checker(fs::path dir) : dir_(std::move(dir)) {}
  ~Checker() { wait(); }
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  /// Copies `db` with its log and shared memory, then checks the copy (check_project) and, when
  /// it reopened, runs `then` on it with what `runs` listed. `what` names the case in failures.
  void check(const fs::path& db, const std::string& what, Then then = {}) {
    const fs::path copy = dir_ / ("state" + std::to_string(++n_) + ".unveil");
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::error_code ec;
      fs::remove(copy.string() + suffix, ec);
      if (fs::exists(db.string() + suffix, ec))
        fs::copy_file(db.string() + suffix, copy.string() + suffix, ec);
      EXPECT_FALSE(ec) << ec.message();
    }
    last_ = std::async(std::launch::async,
                       [copy, what, then = std::move(then), previous = std::move(last_)]() mutable {
                         if (previous.valid()) previous.wait();
                         SCOPED_TRACE(what);
                         std::vector<RunRow> runs;
                         bool reopened = false;
                         check_project(copy, copy, &runs, &reopened);
                         if (reopened && then) then(copy, runs);
                       });
  }
  /// Waits for every check so far.
  void wait() {
    if (last_.valid()) last_.wait();
  }

 private:
  fs::path dir_;
  int n_ = 0;
  std::future<void> last_;
};

// ---------------------------------------------------------------------------------------------
// The suite's inputs, made once

constexpr int kPredictions = 20000;  // a predictions file whose import makes SQLite checkpoint
constexpr int kManyItems = 6000;     // a dataset file that takes a while to import
constexpr int kWorldTrain = 300;     // eval runs on the train split: the writer commits 256, then
                                     // the rest
constexpr int kFew = 200;            // a small predictions file

std::vector<std::string> import_predictions_args(const fs::path& db, const std::string& file,
                                                 const std::string& name) {
  return {"import-predictions", file, "--db", db.string(), "--dataset", name, "--name", name};
}

std::vector<std::string> import_args(const fs::path& db, const std::string& file,
                                     const std::string& name) {
  return {"import", file, "--db", db.string(), "--name", name};
}

std::vector<std::string> eval_args(const fs::path& db, const fs::path& card,
                                   const std::string& split, std::optional<std::int64_t> resume) {
  std::vector<std::string> a = {"eval",        "--db",      db.string(), "--model",
                                card.string(), "--dataset", "shapes",    "--split",
                                split,         "--device",  "cpu",       "--quiet"};
  if (resume) {
    a.push_back("--resume");
    a.push_back(std::to_string(*resume));
  }
  return a;
}

class FaultInjection : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    suite_ = fs::temp_directory_path() / ("unveil_fault_" + std::to_string(::getpid()));
    fs::remove_all(suite_);
    fs::create_directories(suite_);
    ::chmod(suite_.c_str(), 0755);  // the read-only case reads it as another user
    // The demo models (tiny) and a world to run them on, made side by side.
    const Child models =
        spawn({"demo", "--out", (suite_ / "demo").string(), "--size", "12", "--epochs", "1"},
              suite_ / "demo");
    const Child world = spawn({"demo", "--out", (suite_ / "world").string(), "--size",
                               std::to_string(kWorldTrain), "--no-models"},
                              suite_ / "world");
    const Exit m = wait_for(models), w = wait_for(world);
    ASSERT_EQ(m.code, 0) << m.err;
    ASSERT_EQ(w.code, 0) << w.err;
    base_ = suite_ / "base.unveil";
    const Exit imported = run_cli({"import", (suite_ / "world" / "shapes_world.json").string(),
                                   "--db", base_.string(), "--name", "shapes"},
                                  suite_ / "import");
    ASSERT_EQ(imported.code, 0) << imported.err;
    // Predictions of five options (labels 0..4 in turn), and items on one image of the world.
    std::string preds, few;
    for (int i = 0; i < kPredictions; ++i) {
      char line[200];
      std::snprintf(line, sizeof line,
                    "{\"id\":\"p%05d\",\"logits\":[%.3f,0.25,-0.5,%.3f,0.125],\"label\":%d}\n", i,
                    (i % 13) * 0.1, (i % 7) * -0.2, i % 5);
      preds += line;
      if (i < kFew) few += line;
    }
    put(suite_ / "preds.jsonl", preds);
    put(suite_ / "few.jsonl", few);
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < kManyItems; ++i) {
      items.push_back({{"id", "m" + std::to_string(i)},
                       {"image", "images/train-00000.png"},
                       {"conversations",
                        {{{"from", "human"},
                          {"value", "<image>\nWhich shape is there, " + std::to_string(i) +
                                        "?\nA. circle\nB. square\nC. I don't know"}},
                         {{"from", "gpt"}, {"value", "A"}}}}});
    }
    put(suite_ / "world" / "many.json", items.dump());
    // The project holds it too: an import of it, timed, to draw kills of imports from.
    Micros work{};
    const Exit more =
        run_timed(import_args(base_, many(), "many"), suite_ / "many", log_of(base_), &work);
    ASSERT_EQ(more.code, 0) << more.err;
    import_work_ = work;
    ready_ = true;
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(suite_, ec);
  }
  void SetUp() override {
    ASSERT_TRUE(ready_) << "the suite's inputs could not be made";
    dir_ = suite_ / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(dir_);
    ::chmod(dir_.c_str(), 0755);
    test_start_ = Clock::now();
    cpu_start_ = cpu_seconds();
  }
  void TearDown() override {
    std::printf("[          ] %.1f s, %.1f s of processor time\n",
                std::chrono::duration<double>(Clock::now() - test_start_).count(),
                cpu_seconds() - cpu_start_);
  }
  /// Processor time of this process and its children so far.
  static double cpu_seconds() {
    double total = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
      rusage u{};
      ::getrusage(who, &u);
      total += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
               static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    }
    return total;
  }
  static fs::path card() { return suite_ / "demo" / "models" / "shapes-mm-ft.json"; }
  static std::string preds() { return (suite_ / "preds.jsonl").string(); }
  static std::string few() { return (suite_ / "few.jsonl").string(); }
  static std::string many() { return (suite_ / "world" / "many.json").string(); }

  static fs::path suite_, base_;
  static bool ready_;
  /// How much an import of preds() makes a project grow (bytes), once measured.
  static std::uintmax_t import_growth_;
  /// How long an import of many() takes once it has opened the project.
  static Micros import_work_;
  fs::path dir_;
  Clock::time_point test_start_;
  double cpu_start_ = 0;
};

fs::path FaultInjection::suite_;
fs::path FaultInjection::base_;
bool FaultInjection::ready_ = false;
std::uintmax_t FaultInjection::import_growth_ = 0;
Micros FaultInjection::import_work_{};

/// An imported run named `name` of kPredictions rows is either all there, matching the file, or
/// not there at all with no dataset left behind.
void expect_all_or_nothing_import(const fs::path& db, const std::vector<RunRow>& runs,
                                  const std::string& name, bool must_be_there) {
  const RunRow* r = find_run(runs, name);
  if (!r) {
    EXPECT_FALSE(must_be_there) << name << " was reported imported, but is not there";
    EXPECT_FALSE(has_dataset(db, name)) << name << ": a dataset without its run";
    return;
  }
  EXPECT_EQ(r->status, "imported");
  EXPECT_EQ(r->predictions, static_cast<std::size_t>(kPredictions));
  EXPECT_EQ(dataset_items(db, name), kPredictions);
  // The rows are the file's: one per id, with the file's labels.
  Sql sql(db);
  EXPECT_EQ(sql.number("SELECT COUNT(DISTINCT i.key) FROM predictions p JOIN items i ON i.id = "
                       "p.item_id WHERE p.run_id = " +
                       std::to_string(r->id)),
            kPredictions);
  EXPECT_EQ(
      sql.number("SELECT SUM(label) FROM predictions WHERE run_id = " + std::to_string(r->id)),
      2 * kPredictions);  // labels 0..4 in turn
}

std::string trace(std::uint64_t s, int k, Micros delay) {
  return "seed " + std::to_string(s) + ", case " + std::to_string(k) + ", " +
         std::to_string(delay.count()) + " us after the command first touched the project";
}

}  // namespace

// import-predictions makes a dataset and a run of 20,000 rows in one transaction, import a dataset
// of 6,000 items in one: a kill at any moment leaves all of it or none of it.
TEST_F(FaultInjection, ImportsKilledAtRandomMoments) {
  const fs::path db = dir_ / "p.unveil";
  copy_project(base_, db);
  const std::uintmax_t before = fs::file_size(db);
  Micros ip_work{};
  const Exit a =
      run_timed(import_predictions_args(db, preds(), "whole"), dir_ / "a", log_of(db), &ip_work);
  ASSERT_EQ(a.code, 0) << a.err;
  import_growth_ = fs::file_size(db) - before;
  const std::uint64_t s = seed();
  std::mt19937_64 rng(s);
  std::atomic<int> committed{0}, not_committed{0};
  Checker checker(dir_);
  for (int k = 0; k < 4; ++k) {
    const bool dataset = k == 3;
    const Micros work = dataset ? import_work_ : ip_work;
    const Micros delay(std::uniform_int_distribution<std::int64_t>(0, work.count() * 11 / 10)(rng));
    const std::string name = "killed" + std::to_string(k);
    const Exit e = run_killed_after(
        dataset ? import_args(db, many(), name) : import_predictions_args(db, preds(), name),
        dir_ / name, log_of(db), delay);
    checker.check(db, trace(s, k, delay),
                  [&, name, dataset, killed = e.killed](const fs::path& copy,
                                                        const std::vector<RunRow>& runs) {
                    if (dataset) {
                      const auto items = dataset_items(copy, name);
                      EXPECT_TRUE(items == 0 || items == kManyItems) << items << " items";
                      if (!killed) {
                        EXPECT_EQ(items, kManyItems);
                      }
                      (items > 0 ? committed : not_committed) += 1;
                    } else {
                      expect_all_or_nothing_import(copy, runs, name, !killed);
                      (find_run(runs, name) ? committed : not_committed) += 1;
                    }
                    expect_all_or_nothing_import(copy, runs, "whole", true);
                    EXPECT_EQ(dataset_items(copy, "many"), kManyItems);
                  });
    ASSERT_NO_FATAL_FAILURE(fold(db));
  }
  checker.wait();
  std::printf("[          ] %d kills before the commit, %d after\n", not_committed.load(),
              committed.load());
}

// Killed while SQLite copies its log into the project file (a checkpoint): the file's header may
// then promise pages only the log holds. The project must reopen with every committed row.
TEST_F(FaultInjection, KilledWhileSQLiteCopiesItsLog) {
  const fs::path db = dir_ / "p.unveil";
  copy_project(base_, db);
  const std::uint64_t s = seed() + 1;
  std::mt19937_64 rng(s);
  int in_checkpoint = 0, short_file = 0;
  Checker checker(dir_);
  for (int k = 0; k < 3; ++k) {
    const Micros after(k == 1 ? std::uniform_int_distribution<std::int64_t>(0, 3000)(rng) : 0);
    const std::string name = "ckpt" + std::to_string(k);
    const bool dataset = k == 2;  // import (a dataset) too, not only import-predictions
    bool landed = false, promised = false;
    const Exit e = run_killed_in_checkpoint(
        dataset ? import_args(db, many(), name) : import_predictions_args(db, preds(), name),
        dir_ / name, db, after, &landed, &promised);
    in_checkpoint += landed ? 1 : 0;
    short_file += promised ? 1 : 0;
    // The project file changes only after the commit: the data must be there, whole.
    checker.check(
        db, trace(s, k, after) + " (after its file first changed)",
        [name, dataset, killed = e.killed](const fs::path& copy, const std::vector<RunRow>& runs) {
          if (dataset) {
            EXPECT_EQ(dataset_items(copy, name), kManyItems) << (killed ? "killed" : "not killed");
          } else {
            expect_all_or_nothing_import(copy, runs, name, true);
          }
        });
    ASSERT_NO_FATAL_FAILURE(fold(db));
  }
  checker.wait();
  std::printf(
      "[          ] %d of 3 kills found the log still there, %d a header promising more pages "
      "than the file had\n",
      in_checkpoint, short_file);
  EXPECT_GE(in_checkpoint, 1) << "no kill landed while SQLite held its log: the test tests nothing";
}

namespace {

/// Decodes a blob of doubles from SQLite's hex().
std::vector<double> doubles(const std::string& hex) {
  std::vector<double> out;
  for (std::size_t at = 0; at + 16 <= hex.size(); at += 16) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
      v = (v << 8) | std::stoul(hex.substr(at + 2 * static_cast<std::size_t>(i), 2), nullptr, 16);
    double d;
    std::memcpy(&d, &v, sizeof d);
    out.push_back(d);
  }
  return out;
}

/// The newest run of eval_args(...) in `db` (read without writing): its id and raw status.
std::optional<std::pair<std::int64_t, std::string>> newest_eval_run(const fs::path& db) {
  Sql sql(db, SQLITE_OPEN_READONLY);
  const auto r =
      sql.rows("SELECT id, status FROM runs WHERE model_id IS NOT NULL ORDER BY id DESC LIMIT 1");
  if (r.empty()) return std::nullopt;
  return std::make_pair(std::stoll(r[0][0]), r[0][1]);
}

}  // namespace

// eval killed again and again and resumed: what was committed stays, unchanged; the run ends
// complete with every item once, with the answers an uninterrupted run gives.
TEST_F(FaultInjection, EvalKilledAtRandomMomentsThenResumed) {
  const fs::path db = dir_ / "p.unveil";
  copy_project(base_, db);
  Micros work{};
  const Exit whole =
      run_timed(eval_args(db, card(), "train", std::nullopt), dir_ / "whole", log_of(db), &work);
  ASSERT_EQ(whole.code, 0) << whole.err;
  const auto first = newest_eval_run(db);
  ASSERT_TRUE(first.has_value());
  const auto reference = run_rows(db, first->first);
  ASSERT_EQ(reference.size(), static_cast<std::size_t>(kWorldTrain));

  const std::uint64_t s = seed() + 2;
  std::mt19937_64 rng(s);
  std::optional<std::int64_t> run;
  std::map<std::string, std::string> committed;
  int kills = 0;
  Checker checker(dir_);
  for (int k = 0; k < 2; ++k) {
    // The writer commits its first 256 rows about three quarters of the way: the first kill
    // mostly lands around then, the second anywhere in the resumed run.
    const Micros delay(std::uniform_int_distribution<std::int64_t>(
        work.count() * (k == 0 ? 10 : 1) / 20, work.count() * 19 / 20)(rng));
    SCOPED_TRACE(trace(s, k, delay));
    const Exit e =
        run_killed_after(eval_args(db, card(), "train", run), dir_ / "killed", log_of(db), delay);
    kills += e.killed ? 1 : 0;
    checker.check(db, trace(s, k, delay));
    ASSERT_NO_FATAL_FAILURE(fold(db));
    const auto newest = newest_eval_run(db);
    if (!run && newest && newest->first != first->first) run = newest->first;
    if (!run) continue;  // killed before the run was made
    const auto now = run_rows(db, *run);
    for (const auto& [item, logits] : committed) {
      const auto it = now.find(item);
      ASSERT_NE(it, now.end()) << "item " << item << " was committed, and is gone";
      EXPECT_EQ(it->second, logits) << "item " << item << " changed";
    }
    committed = now;
    if (!e.killed) break;
  }
  std::printf("[          ] %d kills; %zu of %d rows committed before the last resume\n", kills,
              committed.size(), kWorldTrain);
  const Exit done = run_cli(eval_args(db, card(), "train", run), dir_ / "done");
  ASSERT_EQ(done.code, 0) << done.err;
  checker.wait();
  std::vector<RunRow> runs;
  ASSERT_NO_FATAL_FAILURE(check_project(db, dir_ / "check", &runs));
  const RunRow& last = runs.back();
  EXPECT_EQ(last.status, "complete");
  const auto rows = run_rows(db, last.id);
  ASSERT_EQ(rows.size(), reference.size());
  // The same answers as the uninterrupted run (batches cut elsewhere on resume: within 1e-5).
  for (const auto& [item, logits] : rows) {
    const auto it = reference.find(item);
    ASSERT_NE(it, reference.end()) << item;
    const auto x = doubles(it->second), y = doubles(logits);
    ASSERT_EQ(x.size(), y.size());
    for (std::size_t i = 0; i < x.size(); ++i)
      EXPECT_NEAR(x[i], y[i], 1e-5) << "item " << item;
  }
  for (const auto& [item, logits] : committed)
    EXPECT_EQ(rows.at(item), logits) << "item " << item << " changed on resume";
}

// A full disk, as a file size limit (RLIMIT_FSIZE; SIGXFSZ ignored, so writes past it fail with
// EFBIG): the command fails with a message or succeeds, never half; the project reopens either way.
// One limit lets the log take the commit but stops the checkpoint copying it into the file.
TEST_F(FaultInjection, FullDiskAsAFileSizeLimit) {
  const fs::path db = dir_ / "p.unveil";
  copy_project(base_, db);
  if (import_growth_ == 0) {  // this test alone: measure what an import adds
    const fs::path scratch = dir_ / "scratch.unveil";
    copy_project(base_, scratch);
    ASSERT_EQ(run_cli(import_predictions_args(scratch, preds(), "x"), dir_ / "x").code, 0);
    import_growth_ = fs::file_size(scratch) - fs::file_size(base_);
  }
  const std::uint64_t s = seed() + 3;
  std::mt19937_64 rng(s);
  const fs::path evals = dir_ / "e.unveil";  // eval's case starts from a project of its own
  copy_project(base_, evals);
  bool log_kept = false;
  Checker checker(dir_);
  for (int k = 0; k < 3; ++k) {
    const fs::path& p = k < 2 ? db : evals;
    const std::uintmax_t now = fs::file_size(p), g = import_growth_;
    // 0: the log cannot take the commit (it grows to about g); 1: it can, the file cannot take
    // the checkpoint (now + g); 2: eval, somewhere in its run. Room for SQLite's shared memory.
    const std::uintmax_t limit =
        k == 0   ? std::uniform_int_distribution<std::uintmax_t>(64 * 1024, g * 9 / 10)(rng)
        : k == 1 ? g + (now + g / 20) / 2
                 : now + std::uniform_int_distribution<std::uintmax_t>(4 * 1024, 256 * 1024)(rng);
    const std::string what = "seed " + std::to_string(s) + ", case " + std::to_string(k) +
                             ", limit " + std::to_string(limit) + " bytes";
    SCOPED_TRACE(what);
    const std::string name = "full" + std::to_string(k);
    Limits l;
    l.file_size = static_cast<rlim_t>(limit);
    const Exit e = run_cli(k < 2 ? import_predictions_args(p, preds(), name)
                                 : eval_args(p, card(), "train", std::nullopt),
                           dir_ / name, l);
    ASSERT_FALSE(e.killed) << "killed by a signal under a full disk";
    ASSERT_TRUE(e.code == 0 || e.code == 1) << e.code << ": " << e.err;
    if (e.code == 1) {
      EXPECT_EQ(e.err.rfind("unveil-cli: ", 0), 0u) << e.err;
      EXPECT_GT(e.err.size(), 20u) << e.err;
    }
    if (k == 0) {
      EXPECT_EQ(e.code, 1) << "the limit meant for the log did not stop it";
    }
    log_kept = log_kept || (k == 1 && e.code == 0 && size_or_zero(p.string() + "-wal") > 0);
    checker.check(
        p, what,
        [k, name, ok = e.code == 0](const fs::path& copy, const std::vector<RunRow>& runs) {
          if (k < 2) {
            expect_all_or_nothing_import(copy, runs, name, ok);
            return;
          }
          const auto newest = newest_eval_run(copy);
          if (ok) {
            ASSERT_TRUE(newest.has_value());
            EXPECT_EQ(runs.back().status, "complete");
          } else if (newest) {
            for (const auto& r : runs) {
              if (r.id == newest->first) {
                EXPECT_NE(r.status, "complete") << "a failed eval left its run complete";
              }
            }
          }
        });
  }
  EXPECT_TRUE(log_kept) << "the limit meant for the checkpoint did not stop it";
  std::optional<std::int64_t> eval_run;
  if (const auto newest = newest_eval_run(evals); newest && newest->second != "complete")
    eval_run = newest->first;
  // With room again, the eval run resumes to completion.
  if (eval_run) {
    const Exit done = run_cli(eval_args(evals, card(), "train", eval_run), dir_ / "done");
    ASSERT_EQ(done.code, 0) << done.err;
    checker.check(evals, "resumed",
                  [id = *eval_run](const fs::path&, const std::vector<RunRow>& runs) {
                    for (const auto& r : runs) {
                      if (r.id == id) {
                        EXPECT_EQ(r.status, "complete");
                      }
                    }
                  });
  }
}

namespace {

// In this (child) process: a mount namespace of its own (and a user namespace when not root)
// with a tmpfs of `bytes` at `at`. False where the system does not allow it.
bool mount_small_tmpfs(const fs::path& at, std::uintmax_t bytes) {
  const uid_t uid = ::geteuid();
  const gid_t gid = ::getegid();
  if (uid != 0) {
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return false;
    put("/proc/self/setgroups", "deny");
    put("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1");
    put("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1");
  } else if (::unshare(CLONE_NEWNS) != 0) {
    return false;
  }
  if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return false;
  const std::string size = "size=" + std::to_string(bytes);
  return ::mount("tmpfs", at.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, size.c_str()) == 0;
}

}  // namespace

// A really full disk: a tmpfs a little larger than the project, where this system lets a test
// mount one (a private mount namespace); skipped elsewhere. The project is copied out of the
// tmpfs as the command left it, then checked. One size takes the commit into the log and stops
// the checkpoint (the log and the file share the room).
TEST_F(FaultInjection, FullDiskOnASmallTmpfs) {
  if (import_growth_ == 0) GTEST_SKIP() << "needs ImportsKilledAtRandomMoments first";
  const std::uintmax_t base = fs::file_size(base_), g = import_growth_;
  const std::uint64_t s = seed() + 4;
  std::mt19937_64 rng(s);
  for (int k = 0; k < 2; ++k) {
    // Room for the copy, SQLite's shared memory and: 0, part of the log; 1, the log and part of
    // the checkpoint.
    const std::uintmax_t bytes =
        base + 64 * 1024 +
        (k == 0 ? std::uniform_int_distribution<std::uintmax_t>(0, g * 9 / 10)(rng) : g * 3 / 2);
    SCOPED_TRACE("seed " + std::to_string(s) + ", case " + std::to_string(k) + ", tmpfs of " +
                 std::to_string(bytes) + " bytes");
    const fs::path mnt = dir_ / ("mnt" + std::to_string(k));
    const fs::path out = dir_ / ("out" + std::to_string(k));
    fs::create_directories(mnt);
    fs::create_directories(out);
    const pid_t pid = ::fork();
    if (pid == 0) {
      if (!mount_small_tmpfs(mnt, bytes)) ::_exit(77);
      const fs::path db = mnt / "p.unveil";
      std::error_code ec;
      fs::copy_file(base_, db, ec);
      if (ec) ::_exit(78);
      const Exit e = run_cli(import_predictions_args(db, preds(), "full"), out / "cmd");
      for (const char* suffix : {"", "-wal", "-shm"}) {
        if (fs::exists(db.string() + suffix))
          fs::copy_file(db.string() + suffix, (out / "p.unveil").string() + suffix, ec);
      }
      put(out / "exit", std::to_string(e.killed ? -2 : e.code));
      ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77) GTEST_SKIP() << "this system does not let a test mount a tmpfs";
    ASSERT_EQ(WEXITSTATUS(status), 0);
    const int code = std::stoi(read_all(out / "exit"));
    const std::string err = read_all(out / "cmd.err");
    ASSERT_TRUE(code == 0 || code == 1) << code << ": " << err;
    if (code == 1) {
      EXPECT_NE(err.find("full"), std::string::npos) << err;
    }
    const fs::path db = out / "p.unveil";
    const bool log_kept = size_or_zero(db.string() + "-wal") > 0;
    std::vector<RunRow> runs;
    ASSERT_NO_FATAL_FAILURE(check_project(db, dir_ / "check", &runs));
    expect_all_or_nothing_import(db, runs, "full", code == 0);
    if (k == 1) {
      EXPECT_EQ(code, 0) << err;
      EXPECT_TRUE(log_kept) << "the tmpfs left room for the checkpoint: the case tests nothing";
    }
    std::printf("[          ] import-predictions on a tmpfs of %ju bytes: exit %d%s\n", bytes, code,
                log_kept ? ", the log kept" : "");
  }
}

namespace {

// A writer killed right after its commit, before SQLite copied its log into the project: a run
// named `name` with the rows of run `from`, only in the log. Returns its id.
std::int64_t commit_then_die(const fs::path& db, std::int64_t from, const std::string& name) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    sqlite3* raw = nullptr;
    if (sqlite3_open(db.c_str(), &raw) != SQLITE_OK) ::_exit(1);
    const std::string f = std::to_string(from);
    const std::string sql =
        "PRAGMA wal_autocheckpoint = 0; BEGIN IMMEDIATE;"
        "INSERT INTO runs(name, model_id, dataset_id, split, prompt, condition, device, settings, "
        "status, expected, started_at, finished_at) SELECT " +
        quoted(name) +
        ", model_id, dataset_id, split, prompt, condition, device, settings, status, expected, "
        "started_at, finished_at FROM runs WHERE id = " +
        f +
        ";"
        "INSERT INTO predictions SELECT (SELECT MAX(id) FROM runs), item_id, label, score_kind, "
        "logits, answer, conf_vocab, conf_options, correct, latency_ms, extra, vocab_logits FROM "
        "predictions WHERE run_id = " +
        f + "; COMMIT;";
    if (sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) ::_exit(2);
    ::raise(SIGKILL);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status)) << "the writer did not commit";
  Sql sql(db, SQLITE_OPEN_READONLY);
  return sql.number("SELECT id FROM runs WHERE name = " + quoted(name));
}

}  // namespace

// A read-only project as a killed writer left it (its last commit only in the log): it opens for
// reading with every committed row, refuses to be written, and is left byte for byte as it was.
// Root ignores file modes: then the commands run as user 65534.
TEST_F(FaultInjection, ReadOnlyProjectAfterAKill) {
  const fs::path source = dir_ / "source.unveil";
  copy_project(base_, source);
  const Exit made = run_cli(import_predictions_args(source, few(), "few"), dir_ / "few");
  ASSERT_EQ(made.code, 0) << made.err;
  Limits l;
  l.as_nobody = ::geteuid() == 0;
  // 0: the file read-only in a folder others may write; 1: the folder read-only too, SQLite's
  // shared-memory file beside the log; 2: the same without it (a copy of the file and its log).
  for (int variant = 0; variant < 3; ++variant) {
    SCOPED_TRACE("variant " + std::to_string(variant));
    const fs::path folder = dir_ / ("ro" + std::to_string(variant));
    fs::create_directories(folder);
    const fs::path db = folder / "p.unveil";
    copy_project(source, db);
    const std::int64_t logged = commit_then_die(db, 1, "only in the log");
    ASSERT_GT(logged, 1);
    ASSERT_GT(size_or_zero(db.string() + "-wal"), 0u);
    if (variant == 2) fs::remove(db.string() + "-shm");
    const std::string before = read_all(db), wal_before = read_all(db.string() + "-wal");
    for (const char* suffix : {"", "-wal", "-shm"})
      ::chmod((db.string() + suffix).c_str(), 0444);
    ::chmod(folder.c_str(), variant == 0 ? 0777 : 0555);
    const Exit listed = run_cli({"runs", "--db", db.string(), "--format", "json"}, dir_ / "ro", l);
    if (listed.code == 123) GTEST_SKIP() << "cannot run as another user to test a read-only file";
    EXPECT_EQ(listed.code, 0) << listed.err;
    const auto j = nlohmann::json::parse(listed.out, nullptr, false);
    EXPECT_TRUE(j.is_array() && j.size() == 2) << listed.out << listed.err;
    if (j.is_array() && j.size() == 2) {
      EXPECT_EQ(j[1]["name"], "only in the log");
      EXPECT_EQ(j[1]["predictions"], kFew);
    }
    if (variant == 2) {
      const Exit metrics = run_cli(
          {"metrics", "--db", db.string(), "--run", std::to_string(logged), "--format", "json"},
          dir_ / "ro", l);
      EXPECT_EQ(metrics.code, 0) << metrics.err;
      if (metrics.code == 0) {
        EXPECT_EQ(nlohmann::json::parse(metrics.out)["n"], kFew);
      }
      const Exit write = run_cli(import_args(db, many(), "refused"), dir_ / "ro", l);
      EXPECT_EQ(write.code, 1);
      EXPECT_NE(write.err.find("read-only"), std::string::npos) << write.err;
    }
    EXPECT_TRUE(read_all(db) == before) << "the read-only project file was changed";
    EXPECT_TRUE(read_all(db.string() + "-wal") == wal_before) << "its log was changed";
    ::chmod(folder.c_str(), 0755);
    for (const char* suffix : {"", "-wal", "-shm"})
      ::chmod((db.string() + suffix).c_str(), 0644);
  }
  // Writable again: whole.
  std::vector<RunRow> runs;
  ASSERT_NO_FATAL_FAILURE(check_project(dir_ / "ro2" / "p.unveil", dir_ / "check", &runs));
  EXPECT_EQ(runs.size(), 2u);
}

// Writers at once (import-predictions, eval, and two imports of one dataset name), one of the
// first two killed: each that says it is done has all its rows; one refused says the project is
// busy or the name is taken; nothing is half there.
TEST_F(FaultInjection, TwoWritersAtOnce) {
  const fs::path db = dir_ / "p.unveil";
  copy_project(base_, db);
  const std::uint64_t s = seed() + 5;
  std::mt19937_64 rng(s);
  for (int round = 0; round < 1; ++round) {
    const std::string r = std::to_string(round);
    struct Writer {
      std::vector<std::string> args;
      Child child;
      Exit exit;
    };
    std::vector<Writer> w = {
        {import_predictions_args(db, preds(), "a" + r), {}, {}},
        {eval_args(db, card(), "calibration", std::nullopt), {}, {}},
        {import_args(db, many(), "c" + r), {}, {}},
        {import_args(db, many(), "c" + r), {}, {}},  // the same name: one of the two
    };
    // import-predictions or eval, killed while the others write
    const auto victim = static_cast<std::size_t>(std::uniform_int_distribution<int>(0, 1)(rng));
    const Micros delay(std::uniform_int_distribution<std::int64_t>(0, 400000)(rng));
    SCOPED_TRACE(trace(s, round, delay));
    for (std::size_t i = 0; i < w.size(); ++i)
      w[i].child = spawn(w[i].args, dir_ / ("w" + r + "_" + std::to_string(i)));
    Exit early;
    if (wait_for_anchor(w[victim].child, log_of(db), &early)) {
      std::this_thread::sleep_for(delay);
      ::kill(w[victim].child.pid, SIGKILL);
      w[victim].exit = wait_for(w[victim].child);
    } else {
      w[victim].exit = early;
    }
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (i != victim) w[i].exit = wait_for(w[i].child);
    }
    for (std::size_t i = 0; i < w.size(); ++i) {
      const Exit& e = w[i].exit;
      if (i == victim && e.killed) continue;
      ASSERT_FALSE(e.killed) << "writer " << i;
      if (e.code != 0) {
        EXPECT_EQ(e.code, 1) << e.err;
        const bool busy = e.err.find("locked by another program") != std::string::npos;
        const bool taken = i >= 2 && e.err.find("already in") != std::string::npos;
        EXPECT_TRUE(busy || taken) << "writer " << i << ": " << e.err;
      }
    }
    std::vector<RunRow> runs;
    ASSERT_NO_FATAL_FAILURE(check_project(db, dir_ / "check", &runs));
    expect_all_or_nothing_import(db, runs, "a" + r, !w[0].exit.killed && w[0].exit.code == 0);
    // One dataset of the name, with all its items (none when both were refused as busy).
    const auto items = dataset_items(db, "c" + r);
    EXPECT_TRUE(items == 0 || items == kManyItems) << items;
    EXPECT_EQ(items > 0, w[2].exit.code == 0 || w[3].exit.code == 0);
    EXPECT_FALSE(w[2].exit.code == 0 && w[3].exit.code == 0) << "two datasets of one name";
  }
}

namespace {

/// Every file under `dir` (relative path -> content).
std::map<std::string, std::string> manifest(const fs::path& dir) {
  std::map<std::string, std::string> m;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return m;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != decltype(it)();
       it.increment(ec)) {
    if (it->is_regular_file()) m[fs::relative(it->path(), dir).string()] = read_all(it->path());
  }
  return m;
}

/// The temporary folders of demo builds for `target` beside it.
std::vector<std::string> leftovers(const fs::path& target) {
  std::vector<std::string> out;
  const std::string prefix = "." + target.filename().string() + ".staging-";
  for (const auto& e : fs::directory_iterator(target.parent_path())) {
    const std::string n = e.path().filename().string();
    if (n.rfind(prefix, 0) == 0) out.push_back(n);
  }
  return out;
}

/// The anchor of a demo build for `target`: its temporary folder appears.
Anchor staging_of(const fs::path& target) {
  return [target] { return !leftovers(target).empty(); };
}

Anchor appeared(const fs::path& p) {
  return [p] {
    std::error_code ec;
    return fs::exists(p, ec);
  };
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

}  // namespace

// `demo --out DIR` over an earlier demo, killed at random moments: DIR holds the earlier world
// or the new one, byte for byte, never new images beside an old world file; the leftovers of
// killed builds go with the next build; a folder that is not a demo is refused, untouched.
TEST_F(FaultInjection, DemoKilledOverAnEarlierWorld) {
  const fs::path old_ref = dir_ / "old", new_ref = dir_ / "new", target = dir_ / "w";
  auto demo = [&](const fs::path& out, const char* seed_arg) {
    return std::vector<std::string>{"demo",   "--out",  out.string(), "--seed",
                                    seed_arg, "--size", "48",         "--no-models"};
  };
  ASSERT_EQ(run_cli(demo(old_ref, "1"), dir_ / "old").code, 0);
  Micros work{};  // from the temporary folder's appearance to the finished folder's
  const Exit new_built =
      run_timed(demo(new_ref, "2"), dir_ / "new", staging_of(new_ref), &work, appeared(new_ref));
  ASSERT_EQ(new_built.code, 0) << new_built.err;
  const auto old_files = manifest(old_ref), new_files = manifest(new_ref);
  ASSERT_GT(old_files.size(), 60u);
  ASSERT_NE(old_files, new_files);

  const std::uint64_t s = seed() + 6;
  std::mt19937_64 rng(s);
  int olds = 0, news = 0;
  for (int k = 0; k < 3; ++k) {
    const Micros delay(std::uniform_int_distribution<std::int64_t>(0, work.count() * 13 / 10)(rng));
    SCOPED_TRACE(trace(s, k, delay));
    copy_tree(old_ref, target);
    run_killed_after(demo(target, "2"), dir_ / "killed", staging_of(target), delay);
    const auto now = manifest(target);
    const bool is_old = now == old_files, is_new = now == new_files;
    EXPECT_TRUE(is_old || is_new) << now.size() << " files: neither the old world nor the new";
    olds += is_old ? 1 : 0;
    news += is_new ? 1 : 0;
  }
  std::printf("[          ] %d kills left the old world, %d the new\n", olds, news);
  // A build that finishes takes the leftovers of the killed ones with it.
  copy_tree(old_ref, target);
  ASSERT_EQ(run_cli(demo(target, "2"), dir_ / "last").code, 0);
  EXPECT_EQ(manifest(target), new_files);
  EXPECT_TRUE(leftovers(target).empty());

  // Not a demo: refused, untouched, nothing left beside it.
  const fs::path mine = dir_ / "mine";
  fs::create_directories(mine);
  put(mine / "notes.txt", "mine\n");
  const Exit refused = run_cli(demo(mine, "2"), dir_ / "mine");
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.err.find("not empty"), std::string::npos) << refused.err;
  EXPECT_EQ(manifest(mine), (std::map<std::string, std::string>{{"notes.txt", "mine\n"}}));
  EXPECT_TRUE(leftovers(mine).empty());
}

// The demo project (`demo --project`) over an earlier one, killed while it trains or runs its
// models: the earlier project or a whole new one, whose project names the world and the models
// in their final place.
TEST_F(FaultInjection, DemoProjectKilledOverAnEarlierOne) {
  const fs::path old_ref = dir_ / "old", target = dir_ / "p";
  std::vector<std::string> args = {"demo",   "--out", old_ref.string(), "--project",
                                   "--size", "12",    "--epochs",       "1"};
  Micros work{};
  const Exit old_built =
      run_timed(args, dir_ / "old", staging_of(old_ref), &work, appeared(old_ref));
  ASSERT_EQ(old_built.code, 0) << old_built.err;
  const auto old_files = manifest(old_ref);
  args[2] = target.string();
  args.insert(args.end(), {"--seed", "2"});
  copy_tree(old_ref, target);
  const std::uint64_t s = seed() + 7;
  std::mt19937_64 rng(s);
  const Micros delay(std::uniform_int_distribution<std::int64_t>(0, work.count())(rng));
  SCOPED_TRACE(trace(s, 0, delay));
  const Exit e = run_killed_after(args, dir_ / "killed", staging_of(target), delay);
  const auto now = manifest(target);
  if (now == old_files) {
    std::printf("[          ] the kill left the earlier project\n");
    return;
  }
  // Not the old one: the new one, whole, its project naming where the world and models are now.
  std::printf("[          ] the kill left the new project\n");
  EXPECT_EQ(now.size(), old_files.size()) << (e.killed ? "killed" : "finished");
  for (const auto& [name, content] : old_files)
    EXPECT_TRUE(now.count(name)) << name << " is missing";
  Sql sql(target / "demo.unveil", SQLITE_OPEN_READONLY);
  EXPECT_EQ(sql.text("SELECT root FROM datasets"), (target / "world").string());
  EXPECT_EQ(sql.number("SELECT COUNT(*) FROM models WHERE path LIKE " +
                       quoted((target / "models").string() + "/%")),
            3);
  std::vector<RunRow> runs;
  ASSERT_NO_FATAL_FAILURE(check_project(target / "demo.unveil", dir_ / "check", &runs));
  EXPECT_EQ(runs.size(), 9u);
  for (const auto& r : runs)
    EXPECT_EQ(r.status, "complete") << r.name;
}
