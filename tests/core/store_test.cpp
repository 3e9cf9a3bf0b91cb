#include "store/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "calib/metrics.h"
#include "store/sqlite.h"

using namespace unveil::store;
using unveil::data::Dataset;
using unveil::data::Item;
namespace fs = std::filesystem;

namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    file_ = dir_ / "p.unveil";
  }
  void TearDown() override {
    ::chmod(file_.c_str(), 0644);
    fs::remove_all(dir_);
  }
  fs::path dir_, file_;
};

Dataset make_dataset(const std::string& name, int n, const std::string& split = "test") {
  Dataset ds;
  ds.name = name;
  ds.root = "/data";
  for (int i = 0; i < n; ++i) {
    Item it;
    it.id = "q" + std::to_string(i);
    it.question = "What colour is thing " + std::to_string(i) + "?";
    it.options = {
        {'A', "red"}, {'B', "blue"}, {'C', "green"}, {'D', "pink"}, {'E', "I don't know"}};
    it.answer = i % 5;
    it.idk_index = 4;
    it.split = split;
    it.category = "colour";
    it.image.kind = unveil::data::ImageRef::Kind::kFile;
    it.image.path = "img/" + std::to_string(i) + ".png";
    ds.items.push_back(std::move(it));
  }
  ds.problems.push_back({"d.json", "item 99", "no options found"});
  return ds;
}

std::string integrity(const fs::path& file) {
  auto db = Db::open(file, SQLITE_OPEN_READONLY);
  auto s = db->prepare("PRAGMA integrity_check");
  s.step();
  return s.text(0);
}

}  // namespace

TEST_F(StoreTest, DatasetsItemsAndProblemsRoundTrip) {
  auto st = Store::open(file_);
  ASSERT_TRUE(st.ok()) << st.error().message;
  auto added = st->add_dataset(make_dataset("colours", 20), "/data/d.json", "llava");
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->items, 20u);
  const auto ds = st->datasets();
  ASSERT_EQ(ds->size(), 1u);
  EXPECT_EQ((*ds)[0].items, 20u);
  EXPECT_EQ((*ds)[0].problems, 1u);
  const auto items = st->items(added->dataset_id, "test");
  ASSERT_EQ(items->size(), 20u);
  EXPECT_EQ((*items)[3].id, "q3");
  EXPECT_EQ((*items)[3].options[1].text, "blue");
  EXPECT_EQ((*items)[3].answer, 3);
  EXPECT_EQ((*items)[3].idk_index, 4);
  EXPECT_EQ((*items)[3].image.path, "img/3.png");
  EXPECT_EQ(st->items(added->dataset_id, "train")->size(), 0u);
  EXPECT_EQ((*st->problems(added->dataset_id))[0].message, "no options found");
  // The same name twice is refused.
  EXPECT_FALSE(st->add_dataset(make_dataset("colours", 1), "x", "llava").ok());
  // Split counts, per dataset, in name order.
  Dataset mixed = make_dataset("mixed", 7, "val");
  for (int i = 0; i < 3; ++i)
    mixed.items[static_cast<std::size_t>(i)].split = "idk";
  ASSERT_TRUE(st->add_dataset(mixed, "m", "llava").ok());
  const auto both = st->datasets();
  ASSERT_EQ(both->size(), 2u);
  using Splits = std::vector<std::pair<std::string, std::size_t>>;
  EXPECT_EQ((*both)[0].splits, (Splits{{"test", 20}}));
  EXPECT_EQ((*both)[1].splits, (Splits{{"idk", 3}, {"val", 4}}));
}

TEST_F(StoreTest, HostileNamesAreStoredVerbatim) {
  auto st = Store::open(file_);
  const std::string evil = "x'); DROP TABLE runs; -- \"quoted\" ; SELECT * FROM items WHERE '1'='1";
  auto ds = make_dataset(evil, 2);
  ds.items[0].question = evil;
  auto added = st->add_dataset(ds, evil, "llava");
  ASSERT_TRUE(added.ok());
  RunSpec spec;
  spec.name = evil;
  spec.dataset_id = added->dataset_id;
  spec.prompt = evil;
  auto run = st->create_run(spec);
  ASSERT_TRUE(run.ok());
  const auto r = st->run(*run);
  EXPECT_EQ(r->spec.name, evil);
  EXPECT_EQ(r->dataset_name, evil);
  EXPECT_EQ(r->spec.prompt, evil);
  EXPECT_EQ((*st->items(added->dataset_id))[0].question, evil);
  EXPECT_EQ(st->runs()->size(), 1u);  // the table is still there
}

// A model whose card lists no image among its modalities was given the text alone, whatever the
// run's condition says; a card without the list, or not JSON, or no model at all, is not called
// text-only.
TEST_F(StoreTest, ARunKnowsWhenItsModelReadsNoImage) {
  auto st = Store::open(file_);
  auto added = st->add_dataset(make_dataset("d", 2), "s", "llava");
  ASSERT_TRUE(added.ok());
  const std::vector<std::pair<std::string, bool>> cards = {
      {R"({"modalities": ["text"]})", true},
      {R"({"modalities": ["image", "text"]})", false},
      {R"({"modalities": []})", true},
      {R"({"name": "no list"})", false},
      {"not JSON at all", false},
  };
  std::vector<std::int64_t> runs;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    auto model = st->add_model({0, "m" + std::to_string(i), "/m.json", "h", cards[i].first, ""});
    ASSERT_TRUE(model.ok());
    RunSpec spec;
    spec.name = "run " + std::to_string(i);
    spec.dataset_id = added->dataset_id;
    spec.model_id = *model;
    runs.push_back(*st->create_run(spec));
  }
  RunSpec imported;
  imported.name = "no model";
  imported.dataset_id = added->dataset_id;
  runs.push_back(*st->create_run(imported));
  for (std::size_t i = 0; i < cards.size(); ++i)
    EXPECT_EQ(st->run(runs[i])->model_text_only, cards[i].second) << cards[i].first;
  EXPECT_FALSE(st->run(runs.back())->model_text_only);
  EXPECT_EQ(st->runs()->front().model_text_only, true);  // the list says the same
}

TEST_F(StoreTest, ImportedPredictionsBecomeARunWithTheSameMetrics) {
  auto st = Store::open(file_);
  unveil::calib::PredictionSet set;
  unveil::calib::PredictionInput in;
  for (int i = 0; i < 50; ++i) {
    in.clear();
    in.id = "p" + std::to_string(i);
    in.scores = {std::sin(i * 1.0), std::cos(i * 0.5), 0.25};
    in.label = i % 3;
    in.idk_index = 2;
    in.split = i < 25 ? "cal" : "test";
    set.add(in);
  }
  in.clear();
  in.id = "probs";
  in.scores = {1.0, 0.0, 0.0};
  in.kind = unveil::calib::ScoreKind::kProbabilities;
  in.label = 1;
  set.add(in);
  auto run = st->import_predictions(set, "external", "cluster run");
  ASSERT_TRUE(run.ok()) << run.error().message;
  const auto back = st->prediction_set(*run);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), set.size());
  const auto m1 = unveil::calib::compute_metrics(unveil::calib::compute_outcomes(set));
  const auto m2 = unveil::calib::compute_metrics(unveil::calib::compute_outcomes(*back));
  EXPECT_DOUBLE_EQ(m1.ece, m2.ece);
  EXPECT_DOUBLE_EQ(m1.nll, m2.nll);  // the probability item keeps its 1e-12 clamp
  EXPECT_EQ(back->split(0), "cal");
  const auto info = st->run(*run);
  EXPECT_EQ(info->status, RunStatus::kImported);
  EXPECT_EQ(info->predictions, set.size());
  // Importing into the now existing dataset checks the ids.
  EXPECT_TRUE(st->import_predictions(set, "external", "again").ok());
  unveil::calib::PredictionSet stranger;
  in.clear();
  in.id = "nobody";
  in.scores = {1, 2};
  stranger.add(in);
  const auto refused = st->import_predictions(stranger, "external", "bad");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("\"nobody\" is not an item"), std::string::npos);
}

TEST_F(StoreTest, CalibrationsAreStoredListedAndRemoved) {
  auto st = Store::open(file_);
  auto added = st->add_dataset(make_dataset("d", 3), "s", "llava");
  RunSpec spec;
  spec.dataset_id = added->dataset_id;
  auto run = st->create_run(spec);
  CalibrationInfo c;
  c.run_id = *run;
  c.method = "temperature";
  c.params = R"({"temperature":1.7})";
  c.fit_split = "calibration";
  c.nll_before = 1.2;
  c.nll_after = 0.9;
  auto id = st->add_calibration(c);
  ASSERT_TRUE(id.ok());
  auto list = st->calibrations(*run);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].params, c.params);
  EXPECT_DOUBLE_EQ((*list)[0].nll_after, 0.9);
  const CalibrationInfo stored = (*list)[0];
  ASSERT_TRUE(st->delete_calibration(*id).ok());
  EXPECT_TRUE(st->calibrations(*run)->empty());
  // Undoing the removal puts back the same row: same id, same time.
  ASSERT_TRUE(st->restore_calibration(stored).ok());
  list = st->calibrations(*run);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, stored.id);
  EXPECT_EQ((*list)[0].created_at, stored.created_at);
  EXPECT_EQ((*list)[0].params, stored.params);
  EXPECT_FALSE(st->restore_calibration(stored).ok());  // that id is taken again
}

TEST_F(StoreTest, MigratesEveryEarlierVersion) {
  for (int v = 1; v < kSchemaVersion; ++v) {
    const fs::path f = dir_ / ("v" + std::to_string(v) + ".unveil");
    ASSERT_TRUE(create_schema_version_for_tests(f, v).ok());
    {
      // Data written by the old version.
      auto db = Db::open(f, SQLITE_OPEN_READWRITE);
      db->exec(
          "INSERT INTO datasets(name, source, format, root, created_at) VALUES('old', 's', "
          "'llava', '/', 'then')");
    }
    auto st = Store::open(f);
    ASSERT_TRUE(st.ok()) << st.error().message;
    const auto ds = st->datasets();
    ASSERT_EQ(ds->size(), 1u) << "version " << v;
    EXPECT_EQ((*ds)[0].name, "old");
    auto db = Db::open(f, SQLITE_OPEN_READONLY);
    auto s = db->prepare("PRAGMA user_version");
    s.step();
    EXPECT_EQ(s.integer(0), kSchemaVersion);
    EXPECT_EQ(integrity(f), "ok");
    RunSpec spec;
    spec.dataset_id = (*ds)[0].id;
    EXPECT_TRUE(st->create_run(spec).ok());  // the new columns work
  }
}

// Listing runs counts each run's predictions: through the run index, not by reading the rows
// (logits and all) of every run.
TEST_F(StoreTest, CountingARunsPredictionsReadsTheIndexNotTheRows) {
  const fs::path f = dir_ / "count.unveil";
  ASSERT_TRUE(Store::open(f).ok());
  auto db = Db::open(f, SQLITE_OPEN_READONLY);
  auto plan =
      db->prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM predictions p WHERE p.run_id = 1");
  std::string how;
  while (plan.step())
    how += plan.text(3) + "\n";
  EXPECT_NE(how.find("COVERING INDEX predictions_by_run"), std::string::npos) << how;
}

// A project of the version before the run index is still read where it cannot be upgraded.
TEST_F(StoreTest, AReadOnlyProjectWithoutTheRunIndexIsStillRead) {
  const fs::path f = dir_ / "v5.unveil";
  ASSERT_TRUE(create_schema_version_for_tests(f, 5).ok());
  auto st = Store::open(f, OpenMode::kReadOnly);
  ASSERT_TRUE(st.ok()) << st.error().message;
  EXPECT_TRUE(st->runs().ok());
  auto db = Db::open(f, SQLITE_OPEN_READONLY);
  auto v = db->prepare("PRAGMA user_version");
  v.step();
  EXPECT_EQ(v.integer(0), 5);  // left as it was
}

TEST_F(StoreTest, BadFilesAreRefusedAndLeftUntouched) {
  const auto refuse = [&](const fs::path& f, const std::string& expected) {
    std::ifstream in(f, std::ios::binary);
    const std::string before((std::istreambuf_iterator<char>(in)), {});
    auto st = Store::open(f);
    ASSERT_FALSE(st.ok()) << f;
    EXPECT_NE(st.error().message.find(expected), std::string::npos) << st.error().message;
    std::ifstream again(f, std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(again)), {});
    EXPECT_EQ(before, after) << "the file was changed: " << f;
  };
  const fs::path text = dir_ / "notes.unveil";
  std::ofstream(text) << "these are my notes, not a database\n";
  refuse(text, "not an SQLite database");

  {
    auto st = Store::open(file_);
    ASSERT_TRUE(st->add_dataset(make_dataset("big", 400), "s", "llava").ok());
  }
  const fs::path cut = dir_ / "cut.unveil";
  fs::copy_file(file_, cut);
  fs::resize_file(cut, fs::file_size(cut) / 2);
  refuse(cut, "truncated");

  const fs::path newer = dir_ / "newer.unveil";
  {
    auto db = Db::open(newer, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db->exec("CREATE TABLE future(x); PRAGMA user_version = 99");
  }
  refuse(newer, "newer version of Unveil (project format 99");

  const fs::path other = dir_ / "other.sqlite";
  {
    auto db = Db::open(other, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db->exec("CREATE TABLE accounts(x)");
  }
  refuse(other, "not an Unveil project");
  EXPECT_FALSE(Store::open(dir_ / "missing.unveil", OpenMode::kOpenExisting).ok());
}

TEST_F(StoreTest, ReadOnlyFileOpensReadOnlyAndSaysSo) {
  {
    auto st = Store::open(file_);
    ASSERT_TRUE(st->add_dataset(make_dataset("d", 5), "s", "llava").ok());
  }
  ::chmod(file_.c_str(), 0444);
  // Root may write anything: check as an unprivileged user in a child process (CI runs as root).
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(10);
    auto st = Store::open(file_);
    if (!st.ok()) ::_exit(11);
    if (!st->read_only()) ::_exit(12);
    if (st->notice().find("read-only") == std::string::npos) ::_exit(13);
    if (st->datasets()->size() != 1) ::_exit(14);
    if (st->add_dataset(make_dataset("e", 1), "s", "llava").ok()) ::_exit(15);
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "11: not opened, 12: not read-only, 13: no notice, "
                                       "14: data unreadable, 15: a write succeeded";
  ::chmod(file_.c_str(), 0644);
  auto st = Store::open(file_);
  EXPECT_EQ(st->datasets()->size(), 1u);  // untouched
}

TEST_F(StoreTest, AnEmptyFileIsNotAProjectUnlessOneIsMadeThere) {
  { std::ofstream(file_, std::ios::binary); }  // 0 bytes
  for (const OpenMode mode : {OpenMode::kOpenExisting, OpenMode::kReadOnly}) {
    auto st = Store::open(file_, mode);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().message, file_.string() + ": not an Unveil project (the file is empty)");
    EXPECT_EQ(fs::file_size(file_), 0u);  // left as it was
    EXPECT_FALSE(fs::exists(file_.string() + "-wal"));
  }
  auto folder = Store::open(dir_, OpenMode::kOpenExisting);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().message, dir_.string() + ": not an Unveil project (it is a folder)");
  auto missing = Store::open(dir_ / "missing.unveil", OpenMode::kReadOnly);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, (dir_ / "missing.unveil").string() + ": no such project file");
  EXPECT_FALSE(fs::exists(dir_ / "missing.unveil"));
  // Commands that make projects may start one in an empty file.
  auto made = Store::open(file_, OpenMode::kOpenOrCreate);
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_TRUE(made->datasets()->empty());
  EXPECT_GT(fs::file_size(file_), 0u);
}

TEST_F(StoreTest, ExplicitReadOnlyModeNeverWrites) {
  {
    auto st = Store::open(file_);
    ASSERT_TRUE(st->add_dataset(make_dataset("d", 5), "s", "llava").ok());
  }
  auto st = Store::open(file_, OpenMode::kReadOnly);
  ASSERT_TRUE(st.ok());
  EXPECT_TRUE(st->read_only());
  RunSpec spec;
  spec.dataset_id = 1;
  const auto r = st->create_run(spec);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("read-only"), std::string::npos);
}

TEST_F(StoreTest, FileLockedByAnotherWriterGivesAClearMessage) {
  auto st = Store::open(file_);
  ASSERT_TRUE(st->add_dataset(make_dataset("d", 2), "s", "llava").ok());
  // Another connection holds the write lock.
  auto other = Db::open(file_, SQLITE_OPEN_READWRITE);
  other->exec("BEGIN IMMEDIATE");
  RunSpec spec;
  spec.dataset_id = 1;
  const auto r = st->create_run(spec);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("locked by another program"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(st->datasets()->size(), 1u);  // reading still works
  other->exec("ROLLBACK");
  EXPECT_TRUE(st->create_run(spec).ok());
}

TEST_F(StoreTest, WriterBatchesAndReaderSeesCommittedRows) {
  auto st = Store::open(file_);
  auto added = st->add_dataset(make_dataset("d", 10), "s", "llava");
  RunSpec spec;
  spec.dataset_id = added->dataset_id;
  spec.expected = 10;
  auto run = st->create_run(spec);
  auto ids = st->item_ids(added->dataset_id);
  auto w = PredictionWriter::open(file_, *run, 4);
  ASSERT_TRUE(w.ok());
  PredictionRecord p;
  p.logits = {1, 0, 0, 0, 0};
  for (int i = 0; i < 6; ++i) {
    p.item_id = (*ids)[i];
    ASSERT_TRUE(w->add(p).ok());
  }
  EXPECT_EQ(st->run(*run)->predictions, 4u);  // one batch committed, two pending
  ASSERT_TRUE(w->flush().ok());
  EXPECT_EQ(st->run(*run)->predictions, 6u);
  // Re-inserting stored rows is ignored: no duplicates on resume.
  p.item_id = (*ids)[0];
  ASSERT_TRUE(w->add(p).ok());
  ASSERT_TRUE(w->flush().ok());
  EXPECT_EQ(st->run(*run)->predictions, 6u);
}

TEST_F(StoreTest, ResumingARunDropsItsCachedSummary) {
  auto st = Store::open(file_);
  auto added = st->add_dataset(make_dataset("d", 4), "s", "llava");
  RunSpec spec;
  spec.dataset_id = added->dataset_id;
  auto run = st->create_run(spec);
  ASSERT_TRUE(st->set_run_status(*run, RunStatus::kCancelled).ok());
  ASSERT_TRUE(st->set_run_summary(*run, "{\"n\": 2}").ok());
  EXPECT_EQ(st->run(*run)->summary, "{\"n\": 2}");
  // A writer opened on the run (a resume) means more predictions: the summary is stale.
  auto w = PredictionWriter::open(file_, *run, 4);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(st->run(*run)->summary, "");
  EXPECT_EQ(st->run(*run)->status, RunStatus::kRunning);
}

TEST_F(StoreTest, SaveAsMakesAConsistentCopyWhileInUse) {
  auto st = Store::open(file_);
  ASSERT_TRUE(st->add_dataset(make_dataset("d", 30), "s", "llava").ok());
  const fs::path copy = dir_ / "copy.unveil";
  ASSERT_TRUE(st->save_as(copy).ok());
  EXPECT_EQ(integrity(copy), "ok");
  auto c = Store::open(copy);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c->datasets())[0].items, 30u);
}

// save_as writes through a new temporary file of a random name that it made itself
// (O_EXCL|O_NOFOLLOW, no rollback journal beside it): what was planted at the names an earlier
// version used (TARGET.part and its journal) is neither followed nor removed.
TEST_F(StoreTest, SaveAsNeverFollowsALinkPlantedAtATemporaryName) {
  auto st = Store::open(file_);
  ASSERT_TRUE(st->add_dataset(make_dataset("d", 30), "s", "llava").ok());
  const fs::path copy = dir_ / "copy.unveil";
  const auto text_of = [](const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), {});
  };
  std::ofstream(dir_ / "victim.txt") << "the victim's own text\n";
  std::ofstream(dir_ / "journal-victim.txt") << "another victim\n";
  fs::create_symlink(dir_ / "victim.txt", copy.string() + ".part");
  fs::create_symlink(dir_ / "journal-victim.txt", copy.string() + ".part-journal");
  ASSERT_TRUE(st->save_as(copy).ok());
  EXPECT_EQ(text_of(dir_ / "victim.txt"), "the victim's own text\n");
  EXPECT_EQ(text_of(dir_ / "journal-victim.txt"), "another victim\n");
  EXPECT_TRUE(fs::is_symlink(copy.string() + ".part"));
  EXPECT_TRUE(fs::is_symlink(copy.string() + ".part-journal"));
  EXPECT_FALSE(fs::is_symlink(copy));
  EXPECT_EQ(integrity(copy), "ok");
  {
    auto c = Store::open(copy);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ((*c->datasets())[0].items, 30u);
  }
  // Nothing of the copy's own is left beside it.
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir_))
    names.insert(e.path().filename().string());
  for (const auto& n : names)
    EXPECT_EQ(n.find(".tmp-"), std::string::npos) << n;
  // A link at the target itself is replaced, not written through.
  fs::remove(copy);
  fs::create_symlink(dir_ / "victim.txt", copy);
  ASSERT_TRUE(st->save_as(copy).ok());
  EXPECT_FALSE(fs::is_symlink(copy));
  EXPECT_EQ(text_of(dir_ / "victim.txt"), "the victim's own text\n");
}

// A project built in one folder and moved to another with what it refers to (the demo project):
// every path under the old folder now names the new one, and nothing else changes.
TEST_F(StoreTest, RelocatedPathsNameTheNewFolder) {
  auto st = Store::open(file_);
  Dataset ds = make_dataset("d", 2);
  ds.root = "/build/x/world";
  ds.items[0].source.file = "/build/x/world/w.json";
  ds.problems[0].file = "/build/x/world/w.json";
  ASSERT_TRUE(st->add_dataset(ds, "/build/x/world/w.json", "llava").ok());
  Dataset other = make_dataset("e", 1);
  other.root = "/build/xy/world";  // starts with the same letters: another folder
  ASSERT_TRUE(st->add_dataset(other, "/build/xy/w.json", "llava").ok());
  ASSERT_TRUE(st->add_model({0, "m", "/build/x/models/m.json", "h", "{}", ""}).ok());
  ASSERT_TRUE(st->add_model({0, "n", "/elsewhere/n.json", "h", "{}", ""}).ok());
  ASSERT_TRUE(st->relocate_paths("/build/x", "/final/place").ok());
  const auto all = st->datasets();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].root, "/final/place/world");
  EXPECT_EQ((*all)[0].source, "/final/place/world/w.json");
  EXPECT_EQ((*all)[1].root, "/build/xy/world");
  EXPECT_EQ((*all)[1].source, "/build/xy/w.json");
  EXPECT_EQ((*st->items((*all)[0].id))[0].source.file, "/final/place/world/w.json");
  EXPECT_EQ((*st->problems((*all)[0].id))[0].file, "/final/place/world/w.json");
  const auto models = st->models();
  EXPECT_EQ((*models)[0].path, "/final/place/models/m.json");
  EXPECT_EQ((*models)[1].path, "/elsewhere/n.json");
}

// A read-only project in a read-only folder, as a killed writer left it: its last commit only in
// the log, and no shared-memory file. SQLite cannot index the log there; an immutable read of the
// file alone would miss the commit. It is read with the log, and left as it was.
TEST_F(StoreTest, AReadOnlyFolderStillShowsWhatItsLogHolds) {
  {
    auto st = Store::open(file_);
    ASSERT_TRUE(st->add_dataset(make_dataset("first", 5), "s", "llava").ok());
  }
  const pid_t writer = ::fork();
  if (writer == 0) {
    sqlite3* raw = nullptr;
    if (sqlite3_open(file_.c_str(), &raw) != SQLITE_OK) ::_exit(1);
    if (sqlite3_exec(raw,
                     "PRAGMA wal_autocheckpoint = 0; INSERT INTO datasets(name, source, format, "
                     "root, created_at) VALUES('second', 's', 'llava', '/data', 'now')",
                     nullptr, nullptr, nullptr) != SQLITE_OK) {
      ::_exit(2);
    }
    ::raise(SIGKILL);  // committed, never copied into the file
  }
  int status = 0;
  ::waitpid(writer, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  const std::string wal = file_.string() + "-wal";
  ASSERT_GT(fs::file_size(wal), 0u);
  fs::remove(file_.string() + "-shm");
  const auto bytes = [](const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), {});
  };
  const std::string file_before = bytes(file_.string()), wal_before = bytes(wal);
  ::chmod(file_.c_str(), 0444);
  ::chmod(wal.c_str(), 0444);
  ::chmod(dir_.c_str(), 0555);
  // Root may write anything: check as an unprivileged user (CI runs as root).
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(10);
    auto st = Store::open(file_);
    if (!st.ok()) ::_exit(11);
    if (!st->read_only()) ::_exit(12);
    auto all = st->datasets();
    if (!all.ok() || all->size() != 2) ::_exit(13);
    if (st->file() != file_.string()) ::_exit(14);
    ::_exit(0);
  }
  ::waitpid(pid, &status, 0);
  ::chmod(dir_.c_str(), 0755);
  ::chmod(wal.c_str(), 0644);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "11: not opened, 12: not read-only, 13: the log's commit "
                                       "missing, 14: messages name another file";
  EXPECT_TRUE(bytes(file_.string()) == file_before);
  EXPECT_TRUE(bytes(wal) == wal_before);
}

// The store's crash test: a real writer process is killed with SIGKILL at several points; the
// file must open, pass integrity_check, show the run as interrupted with what was committed, and
// resume to exactly the full set of predictions.
TEST_F(StoreTest, KilledWriterLosesNothingCommittedAndResumes) {
  const int n = 600;
  std::int64_t run_id = 0;
  {
    auto st = Store::open(file_);
    auto added = st->add_dataset(make_dataset("d", n), "s", "llava");
    RunSpec spec;
    spec.dataset_id = added->dataset_id;
    spec.split = "test";
    spec.expected = n;
    run_id = *st->create_run(spec);
    ASSERT_TRUE(st->set_run_status(run_id, RunStatus::kInterrupted).ok());
  }
  const auto start_writer = [&](int delay_us) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::execl(UNVEIL_STORE_WRITER, UNVEIL_STORE_WRITER, file_.c_str(),
              std::to_string(run_id).c_str(), "16", std::to_string(delay_us).c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    return pid;
  };
  // Committed predictions of the run, read on a connection of our own while the writer writes.
  const auto committed = [&] {
    auto db = Db::open(file_, SQLITE_OPEN_READONLY);
    auto s = db->prepare("SELECT COUNT(*) FROM predictions WHERE run_id = ?");
    s.bind(1, run_id);
    s.step();
    return static_cast<std::size_t>(s.int64(0));
  };
  std::size_t last = 0;
  for (std::size_t kill_at : {40u, 200u, 420u}) {
    const pid_t pid = start_writer(400);
    // Kill it once it has committed past kill_at (process start-up time varies with the machine).
    for (int waited = 0; committed() < kill_at && waited < 30000; waited += 2)
      ::usleep(2000);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer finished before it was killed";
    EXPECT_EQ(integrity(file_), "ok");
    auto st = Store::open(file_);
    ASSERT_TRUE(st.ok()) << st.error().message;
    const auto run = st->run(run_id);
    EXPECT_EQ(run->status, RunStatus::kInterrupted);
    EXPECT_GE(run->predictions, last);  // nothing committed is ever lost
    EXPECT_LT(run->predictions, static_cast<std::size_t>(n));
    last = run->predictions;
  }
  EXPECT_GT(last, 0u);
  // Resume to completion.
  const pid_t pid = start_writer(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto st = Store::open(file_);
  const auto run = st->run(run_id);
  EXPECT_EQ(run->status, RunStatus::kComplete);
  EXPECT_EQ(run->predictions, static_cast<std::size_t>(n));
  const auto items = st->predicted_items(run_id);
  const std::set<std::int64_t> unique(items->begin(), items->end());
  EXPECT_EQ(unique.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(*st->item_ids(1, "test"), *items);  // none missing, none extra
  EXPECT_EQ(integrity(file_), "ok");
}

namespace {

// A copy of a project taken while its writer is still running, as a kill leaves it: the file and
// its write-ahead log (which still holds the last transactions, page 1 among them).
void snapshot_with_wal(const fs::path& from, const fs::path& to) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  fs::copy_file(fs::path(from.string() + "-wal"), fs::path(to.string() + "-wal"),
                fs::copy_options::overwrite_existing);
}

// Sets the header's page count (bytes 28-31, big-endian), as a checkpoint killed after it wrote
// page 1 but before it wrote the pages after it leaves the file.
void promise_pages(const fs::path& file, std::uint32_t pages) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(28);
  const char be[4] = {static_cast<char>(pages >> 24), static_cast<char>(pages >> 16),
                      static_cast<char>(pages >> 8), static_cast<char>(pages)};
  f.write(be, 4);
}

}  // namespace

TEST_F(StoreTest, AProjectKilledDuringACheckpointReopensWithEveryRow) {
  {
    auto st = Store::open(file_);
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st->add_dataset(make_dataset("first", 10), "s", "llava").ok());
  }
  // A writer that never checkpoints, killed (here: copied) while it holds the log.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(file_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  std::string insert = "BEGIN;";
  for (int i = 0; i < 3000; ++i) {
    insert += "INSERT INTO items(dataset_id, key, options, answer, idk_index) VALUES(1, 'extra" +
              std::to_string(i) + "', '[]', 0, -1);";
  }
  insert += "COMMIT;";
  ASSERT_EQ(sqlite3_exec(raw, insert.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  const fs::path copy = dir_ / "killed.unveil";
  snapshot_with_wal(file_, copy);
  sqlite3_close(raw);
  // The main file's header promises far more pages than it has; the log has them.
  promise_pages(copy, 100000);
  auto st = Store::open(copy);
  ASSERT_TRUE(st.ok()) << st.error().message;
  auto ids = st->item_ids(1);
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  EXPECT_EQ(ids->size(), 3010u);  // every committed row, exactly once
  auto check = Db::open(copy, SQLITE_OPEN_READONLY);
  auto q = check->prepare("PRAGMA integrity_check");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), "ok");
}

TEST_F(StoreTest, ATruncatedProjectWithoutALogIsStillRefusedUntouched) {
  {
    auto st = Store::open(file_);
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st->add_dataset(make_dataset("first", 10), "s", "llava").ok());
  }
  ASSERT_FALSE(fs::exists(fs::path(file_.string() + "-wal")) &&
               fs::file_size(fs::path(file_.string() + "-wal")) > 0);
  promise_pages(file_, 100000);
  const auto size = fs::file_size(file_);
  auto st = Store::open(file_);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message.find("truncated"), std::string::npos) << st.error().message;
  EXPECT_EQ(fs::file_size(file_), size);
}

TEST_F(StoreTest, ARelativeDatasetRootIsStoredAbsolute) {
  // Stored relative, the root would name another folder for every command run from elsewhere.
  auto st = Store::open(file_);
  ASSERT_TRUE(st.ok());
  Dataset ds = make_dataset("rel", 2);
  ds.root = "some/where/./images";
  ASSERT_TRUE(st->add_dataset(ds, "s", "llava").ok());
  auto all = st->datasets();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].root, (fs::current_path() / "some/where/images").string());
}
