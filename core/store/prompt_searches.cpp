#include "store/prompt_searches.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>

#include "store/sqlite.h"

namespace unveil::store {
namespace {

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool process_alive(std::int64_t pid) {
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// Runs f, turning an SQLite failure into an Error value that names the project.
template <class F>
auto guarded(Store& st, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const DbError& e) {
    return Error{st.file() + ": " + e.message};
  }
}

Status writable(Store& st) {
  if (st.read_only()) return Error::from(message("store.read_only", st.file()));
  return ok_status();
}

constexpr const char* kSearchSelect =
    "SELECT s.id, s.model_id, s.dataset_id, s.split, s.settings, s.status, s.created_at, "
    "COALESCE(s.finished_at, ''), s.owner_pid, COALESCE(m.name, ''), COALESCE(d.name, ''), "
    "(SELECT COUNT(*) FROM prompt_search_entries e WHERE e.search_id = s.id) "
    "FROM prompt_searches s LEFT JOIN models m ON m.id = s.model_id "
    "LEFT JOIN datasets d ON d.id = s.dataset_id ";

PromptSearchRow read_search(const Stmt& s) {
  PromptSearchRow r;
  r.id = s.int64(0);
  if (!s.is_null(1)) r.model_id = s.int64(1);
  r.dataset_id = s.int64(2);
  r.split = s.text(3);
  r.settings = s.text(4);
  r.status = s.text(5);
  r.created_at = s.text(6);
  r.finished_at = s.text(7);
  const std::int64_t owner = s.is_null(8) ? 0 : s.int64(8);
  if (r.status == "running" && !process_alive(owner)) r.status = "interrupted";
  r.model_name = s.text(9);
  r.dataset_name = s.text(10);
  r.entries = static_cast<std::size_t>(s.int64(11));
  return r;
}

}  // namespace

Result<std::int64_t> create_prompt_search(Store& st, const PromptSearchRow& row) {
  if (auto w = writable(st); !w) return w.error();
  return guarded(st, [&]() -> Result<std::int64_t> {
    auto s = st.db().prepare(
        "INSERT INTO prompt_searches(model_id, dataset_id, split, settings, status, created_at, "
        "owner_pid) VALUES(?,?,?,?,?,?,?)");
    s.bind(1, row.model_id)
        .bind(2, row.dataset_id)
        .bind(3, row.split)
        .bind(4, row.settings)
        .bind(5, row.status)
        .bind(6, now_utc())
        .bind(7, static_cast<std::int64_t>(::getpid()))
        .exec();
    return st.db().last_insert_id();
  });
}

Status set_prompt_search_model(Store& st, std::int64_t search_id, std::int64_t model_id) {
  if (auto w = writable(st); !w) return w;
  return guarded(st, [&]() -> Status {
    auto s = st.db().prepare("UPDATE prompt_searches SET model_id = ? WHERE id = ?");
    s.bind(1, model_id).bind(2, search_id).exec();
    return ok_status();
  });
}

Status add_prompt_search_entry(Store& st, std::int64_t search_id, const PromptSearchEntryRow& e) {
  if (auto w = writable(st); !w) return w;
  return guarded(st, [&]() -> Status {
    auto s = st.db().prepare(
        "INSERT INTO prompt_search_entries(search_id, round, prompt, accuracy, ece, kept, run_id, "
        "parent, n, kept_through) VALUES(?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, search_id)
        .bind(2, e.round)
        .bind(3, e.prompt)
        .bind(4, e.accuracy)
        .bind(5, e.ece)
        .bind(6, e.kept ? 1 : 0)
        .bind(7, e.run_id)
        .bind(8, e.parent)
        .bind(9, static_cast<std::int64_t>(e.n))
        .bind(10, e.kept_through)
        .exec();
    return ok_status();
  });
}

Status mark_prompt_search_kept(Store& st, std::int64_t search_id, int round,
                               const std::vector<std::string>& prompts) {
  if (auto w = writable(st); !w) return w;
  return guarded(st, [&]() -> Status {
    Transaction t(st.db());
    auto s = st.db().prepare(
        "UPDATE prompt_search_entries SET kept_through = ? WHERE search_id = ? AND prompt = ?");
    for (const auto& p : prompts)
      s.bind(1, round).bind(2, search_id).bind(3, p).exec();
    t.commit();
    return ok_status();
  });
}

Status finish_prompt_search(Store& st, std::int64_t search_id, const std::string& status,
                            const std::string& settings, const std::vector<std::string>& kept) {
  if (auto w = writable(st); !w) return w;
  return guarded(st, [&]() -> Status {
    Transaction t(st.db());
    auto s = st.db().prepare(
        "UPDATE prompt_searches SET status = ?, settings = ?, finished_at = ?, owner_pid = NULL "
        "WHERE id = ?");
    s.bind(1, status).bind(2, settings).bind(3, now_utc()).bind(4, search_id).exec();
    if (st.db().changes() == 0) {
      return Error::from(message("store.no_prompt_search", search_id, st.file()));
    }
    auto k = st.db().prepare(
        "UPDATE prompt_search_entries SET kept = 1 WHERE search_id = ? AND prompt = ?");
    for (const auto& p : kept)
      k.bind(1, search_id).bind(2, p).exec();
    t.commit();
    return ok_status();
  });
}

Result<std::vector<PromptSearchRow>> prompt_searches(Store& st) {
  return guarded(st, [&]() -> Result<std::vector<PromptSearchRow>> {
    auto s = st.db().prepare(std::string(kSearchSelect) + "ORDER BY s.id");
    std::vector<PromptSearchRow> out;
    while (s.step())
      out.push_back(read_search(s));
    return out;
  });
}

Result<PromptSearchRow> prompt_search(Store& st, std::int64_t search_id) {
  return guarded(st, [&]() -> Result<PromptSearchRow> {
    auto s = st.db().prepare(std::string(kSearchSelect) + "WHERE s.id = ?");
    s.bind(1, search_id);
    if (!s.step()) {
      return Error::from(message("store.no_prompt_search", search_id, st.file()));
    }
    return read_search(s);
  });
}

Result<std::vector<PromptSearchEntryRow>> prompt_search_entries(Store& st, std::int64_t search_id) {
  return guarded(st, [&]() -> Result<std::vector<PromptSearchEntryRow>> {
    auto s = st.db().prepare(
        "SELECT round, prompt, parent, accuracy, ece, n, run_id, kept_through, kept "
        "FROM prompt_search_entries WHERE search_id = ? ORDER BY rowid");
    s.bind(1, search_id);
    std::vector<PromptSearchEntryRow> out;
    while (s.step()) {
      PromptSearchEntryRow e;
      e.round = s.integer(0);
      e.prompt = s.text(1);
      e.parent = s.text(2);
      e.accuracy = s.real(3);
      e.ece = s.real(4);
      e.n = static_cast<std::size_t>(s.int64(5));
      if (!s.is_null(6)) e.run_id = s.int64(6);
      e.kept_through = s.integer(7);
      e.kept = s.integer(8) != 0;
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace unveil::store
