// Whole-file writes: the target is replaced at once, nothing planted beside it is followed, and a
// failure leaves the old file and no temporary file behind.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "util/atomic_file.h"

using namespace unveil;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), {});
}

void put(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_atomic_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "out");
    put(dir_ / "victim.txt", "the victim's own text\n");
  }
  void TearDown() override {
    fs::permissions(dir_ / "out", fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  fs::path dir_;
};

}  // namespace

TEST_F(AtomicFile, ReplacesTheTargetAndLeavesNothingBeside) {
  const fs::path out = dir_ / "out" / "report.html";
  put(out, "old report");
  ::chmod(out.c_str(), 0640);
  ASSERT_TRUE(write_file_atomically(out, "new report", "the report").ok());
  EXPECT_EQ(read_all(out), "new report");
  EXPECT_EQ(names_in(dir_ / "out"), std::vector<std::string>{"report.html"});
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);  // a replaced file keeps its permissions
  // A new file, without fsync (the thumbnails' and demo images' way), and an empty one.
  AtomicWriteOptions fast;
  fast.sync = false;
  ASSERT_TRUE(write_file_atomically(dir_ / "out" / "a.png", "png bytes", "an image", fast).ok());
  EXPECT_EQ(read_all(dir_ / "out" / "a.png"), "png bytes");
  ASSERT_TRUE(write_file_atomically(dir_ / "out" / "empty", "", "nothing").ok());
  EXPECT_TRUE(fs::is_regular_file(dir_ / "out" / "empty"));
  EXPECT_EQ(fs::file_size(dir_ / "out" / "empty"), 0u);
}

TEST_F(AtomicFile, PlantedLinksAtTemporaryNamesAreNeverFollowed) {
  const fs::path out = dir_ / "out" / "report.html";
  // The names an older build used, planted as links to the victim and to a file not yet there.
  for (int n = 0; n < 4; ++n) {
    fs::create_symlink(dir_ / "victim.txt", out.string() + ".tmp-" + std::to_string(::getpid()) +
                                                "-" + std::to_string(n));
  }
  fs::create_symlink(dir_ / "planted-new.txt", dir_ / "out" / "taken-dangling");
  fs::create_symlink(dir_ / "victim.txt", dir_ / "out" / "taken-victim");
  // The first names tried are the planted links: O_EXCL refuses both, and a fresh name is used.
  AtomicWriteOptions o;
  o.temp_name = [](int attempt) {
    return attempt == 0   ? std::string("taken-victim")
           : attempt == 1 ? std::string("taken-dangling")
                          : "fresh-" + std::to_string(attempt);
  };
  auto w = write_file_atomically(out, "<html>report</html>", "the report", o);
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(read_all(out), "<html>report</html>");
  EXPECT_EQ(read_all(dir_ / "victim.txt"), "the victim's own text\n");
  EXPECT_FALSE(fs::exists(dir_ / "planted-new.txt"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "out" / "taken-victim"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "fresh-2"));  // renamed into place

  // Every name taken: refused, the victim and the target untouched, nothing left behind.
  o.temp_name = [](int) { return std::string("taken-victim"); };
  auto refused = write_file_atomically(out, "other", "the report", o);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            out.string() + ": cannot write the report (cannot create a temporary file in " +
                (dir_ / "out").string() + ": 8 names in a row were taken)");
  EXPECT_EQ(read_all(out), "<html>report</html>");
  EXPECT_EQ(read_all(dir_ / "victim.txt"), "the victim's own text\n");

  // Random names by default: two writes never use the same temporary name.
  auto a = AtomicFileWriter::create(out, "the report");
  auto b = AtomicFileWriter::create(out, "the report");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->temp_path(), b->temp_path());
  EXPECT_EQ(a->temp_path().parent_path(), out.parent_path());
  EXPECT_EQ(a->temp_path().filename().string().rfind(".report.html.tmp-", 0), 0u);
}

TEST_F(AtomicFile, ALinkAtTheTargetIsReplacedNotWrittenThrough) {
  const fs::path out = dir_ / "out" / "export.jsonl";
  fs::create_symlink(dir_ / "victim.txt", out);
  ASSERT_TRUE(write_file_atomically(out, "{\"id\":\"a\"}\n", "the export").ok());
  EXPECT_FALSE(fs::is_symlink(out));
  EXPECT_EQ(read_all(out), "{\"id\":\"a\"}\n");
  EXPECT_EQ(read_all(dir_ / "victim.txt"), "the victim's own text\n");
}

TEST_F(AtomicFile, StreamedWritesCommitOrLeaveNothing) {
  const fs::path out = dir_ / "out" / "big.csv";
  put(out, "before");
  std::string expected;
  {
    auto w = AtomicFileWriter::create(out, "the export");
    ASSERT_TRUE(w.ok()) << w.error().message;
    for (int i = 0; i < 50000; ++i) {
      w->stream() << "row," << i << "\n";
      expected += "row," + std::to_string(i) + "\n";
    }
    w->write("tail\n");
    expected += "tail\n";
    EXPECT_EQ(read_all(out), "before");  // nothing shows before the commit
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_EQ(read_all(out), expected);
  {
    auto w = AtomicFileWriter::create(out, "the export");
    ASSERT_TRUE(w.ok());
    w->stream() << "abandoned";
    EXPECT_TRUE(fs::exists(w->temp_path()));
  }  // destroyed without a commit
  EXPECT_EQ(read_all(out), expected);
  EXPECT_EQ(names_in(dir_ / "out"), std::vector<std::string>{"big.csv"});
}

TEST_F(AtomicFile, AMissingFolderFailsWithAClearMessage) {
  const fs::path out = dir_ / "no" / "dir" / "x.html";
  auto st = write_file_atomically(out, "x", "the report");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().message, out.string() + ": cannot write the report (the folder " +
                                    (dir_ / "no" / "dir").string() + " does not exist)");
  EXPECT_FALSE(fs::exists(dir_ / "no"));
  auto folder = write_file_atomically(dir_ / "out" / "..", "x", "the report");
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message.find("the path names a folder, not a file"), std::string::npos);
}

TEST_F(AtomicFile, AReadOnlyFolderFailsAndLeavesNothingBehind) {
  const fs::path ro = dir_ / "out";
  const fs::path out = ro / "r.html";
  put(out, "old");
  ::chmod(ro.c_str(), 0555);
  std::string message;
  if (::geteuid() != 0) {
    auto st = write_file_atomically(out, "new", "the report");
    ASSERT_FALSE(st.ok());
    message = st.error().message;
  } else {
    // Root writes into any folder: the write is tried by a child that gave up root.
    int pipe_fd[2];
    ASSERT_EQ(::pipe(pipe_fd), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(pipe_fd[0]);
      if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
      auto st = write_file_atomically(out, "new", "the report");
      const std::string m = st.ok() ? std::string() : st.error().message;
      const ssize_t n = ::write(pipe_fd[1], m.data(), m.size());
      ::_exit(st.ok() ? 0 : (n == static_cast<ssize_t>(m.size()) ? 1 : 2));
    }
    ::close(pipe_fd[1]);
    char buf[1024];
    ssize_t n;
    while ((n = ::read(pipe_fd[0], buf, sizeof buf)) > 0)
      message.append(buf, static_cast<std::size_t>(n));
    ::close(pipe_fd[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 1) << message;
  }
  EXPECT_EQ(message, out.string() +
                         ": cannot write the report (cannot create a temporary file in " +
                         ro.string() + ": permission denied)");
  EXPECT_EQ(read_all(out), "old");
  EXPECT_EQ(names_in(ro), std::vector<std::string>{"r.html"});
}

TEST_F(AtomicFile, AFailedWriteRemovesTheTemporaryFileAndKeepsTheOldOne) {
  const fs::path out = dir_ / "out" / "r.html";
  put(out, "old");
  // A file-size limit makes write(2) fail part-way (EFBIG), as a full disk would (ENOSPC).
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(::sigaction(SIGXFSZ, &ignore, &previous), 0);
  rlimit old_limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  auto st = write_file_atomically(out, std::string(10000, 'x'), "the report");
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  ::sigaction(SIGXFSZ, &previous, nullptr);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(
      st.error().message.rfind(out.string() + ": cannot write the report (writing to the temporary "
                                              "file .r.html.tmp-",
                               0),
      0u)
      << st.error().message;
  EXPECT_NE(st.error().message.find(" failed: the file is too large for the file system)"),
            std::string::npos)
      << st.error().message;
  EXPECT_EQ(read_all(out), "old");
  EXPECT_EQ(names_in(dir_ / "out"), std::vector<std::string>{"r.html"});
}

TEST(OsErrorText, NamesCommonFailuresInWords) {
  EXPECT_EQ(os_error_text(ENOSPC), "no space left on the device");
  EXPECT_EQ(os_error_text(EACCES), "permission denied");
  EXPECT_EQ(os_error_text(EROFS), "the file system is read-only");
  EXPECT_EQ(os_error_text(EDQUOT), "the disk quota is used up");
  EXPECT_EQ(os_error_text(EBUSY), "device or resource busy");  // the system's words, lower case
}

// A folder built under a temporary name and swapped in (the demo's way): the old one stays until
// the new one is whole, a folder that may not be replaced is refused untouched, and nothing is
// left beside the target.
TEST_F(AtomicFile, AStagedFolderReplacesAnEarlierOneWhole) {
  const fs::path target = dir_ / "out" / "world";
  const auto ours = [](const fs::path& d) { return fs::exists(d / "ours"); };
  // A new folder (its parents made), then one that replaces it.
  for (const char* text : {"first", "second"}) {
    auto s = StagedFolder::create(target, "world", ours);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->target(), target);
    EXPECT_EQ(s->path().parent_path(), target.parent_path());
    EXPECT_EQ(s->path().filename().string().rfind(".world.staging-", 0), 0u);
    put(s->path() / "ours", text);
    fs::create_directories(s->path() / "images");
    put(s->path() / "images" / "a.png", text);
    if (std::string(text) == "second") {
      EXPECT_EQ(read_all(target / "ours"), "first");  // not in place yet
    }
    ASSERT_TRUE(s->commit().ok());
    EXPECT_EQ(read_all(target / "ours"), text);
    EXPECT_EQ(read_all(target / "images" / "a.png"), text);
    EXPECT_EQ(names_in(dir_ / "out"), std::vector<std::string>{"world"});
    EXPECT_FALSE(fs::exists(target / kStagingMark));
  }
  // Not committed: the temporary folder goes, the target stays.
  {
    auto s = StagedFolder::create(target, "world", ours);
    ASSERT_TRUE(s.ok());
    put(s->path() / "ours", "third");
  }
  EXPECT_EQ(read_all(target / "ours"), "second");
  EXPECT_EQ(names_in(dir_ / "out"), std::vector<std::string>{"world"});

  // Refused, untouched: a folder of someone else's, a file, a link.
  const fs::path mine = dir_ / "out" / "mine";
  fs::create_directories(mine);
  put(mine / "notes.txt", "mine");
  auto refused = StagedFolder::create(mine, "world", ours);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            mine.string() +
                ": the folder is not empty and does not hold an earlier world; give an empty or a "
                "new folder (nothing was changed)");
  EXPECT_EQ(names_in(mine), std::vector<std::string>{"notes.txt"});
  EXPECT_FALSE(StagedFolder::create(mine / "notes.txt", "world", ours).ok());
  fs::create_symlink(target, dir_ / "out" / "link");
  EXPECT_FALSE(StagedFolder::create(dir_ / "out" / "link", "world", ours).ok());
  EXPECT_EQ(names_in(dir_ / "out"), (std::vector<std::string>{"link", "mine", "world"}));
  // An empty folder may be filled.
  fs::create_directories(dir_ / "out" / "empty");
  auto into_empty = StagedFolder::create(dir_ / "out" / "empty", "world", ours);
  ASSERT_TRUE(into_empty.ok());
  ASSERT_TRUE(into_empty->commit().ok());
}

TEST_F(AtomicFile, LeftoversOfKilledStagedFoldersGoWithTheNextOne) {
  const fs::path target = dir_ / "out" / "world";
  const auto ours = [](const fs::path& d) { return fs::exists(d / "ours"); };
  // A process that is gone (a child that exited) left: a marked folder, an empty one, and one
  // whose mark was removed (killed just before its swap); a live process's folder is kept, and so
  // is a folder of the same pattern that is not plainly ours.
  const pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  ::waitpid(gone, nullptr, 0);
  const std::string dead = ".world.staging-" + std::to_string(gone) + "-";
  const std::string live = ".world.staging-" + std::to_string(::getpid()) + "-";
  fs::create_directories(dir_ / "out" / (dead + "000000000000000a") / "images");
  put(dir_ / "out" / (dead + "000000000000000a") / kStagingMark, "");
  fs::create_directories(dir_ / "out" / (dead + "000000000000000b"));
  fs::create_directories(dir_ / "out" / (dead + "000000000000000c"));
  put(dir_ / "out" / (dead + "000000000000000c") / "ours", "");
  fs::create_directories(dir_ / "out" / (dead + "000000000000000d"));
  put(dir_ / "out" / (dead + "000000000000000d") / "notes.txt", "");
  fs::create_directories(dir_ / "out" / (live + "000000000000000e"));
  auto s = StagedFolder::create(target, "world", ours);
  ASSERT_TRUE(s.ok()) << s.error().message;
  put(s->path() / "ours", "new");
  ASSERT_TRUE(s->commit().ok());
  std::vector<std::string> kept = {dead + "000000000000000d", live + "000000000000000e", "world"};
  std::sort(kept.begin(), kept.end());
  EXPECT_EQ(names_in(dir_ / "out"), kept);
}
