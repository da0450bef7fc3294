#include "site_writer.h"

#include <csignal>
#include <set>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diagnostics.h"
#include "interrupt.h"
#include "test_util.h"

using namespace trustsite;
using trustsite::testing::copy_tree;
using trustsite::testing::read_file;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;
namespace fs = std::filesystem;

TEST_CASE("write_site creates the output with a marker and replaces it atomically") {
  TempDir site;
  const fs::path out = site / "public";
  write_site(out, site.path(), {{"index.html", "one"}, {"en/index.html", "en"}});
  CHECK(read_file(out / "index.html") == "one");
  CHECK(read_file(out / "en/index.html") == "en");
  CHECK(fs::exists(out / kOutputMarker));
  CHECK((fs::status(out).permissions() & fs::perms::others_read) != fs::perms::none);

  write_site(out, site.path(), {{"index.html", "two"}});
  CHECK(read_file(out / "index.html") == "two");
  CHECK_FALSE(fs::exists(out / "en/index.html"));  // the old tree is gone, not merged
  // No temporary directories are left beside the output.
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(site.path())) entries += entry.path() != out;
  CHECK(entries == 0);
}

TEST_CASE("write_site refuses dangerous output directories and deletes nothing") {
  TempDir site;
  write_file(site / "site.yaml", "title: x\n");
  write_file(site / "notes/keep.txt", "precious");

  CHECK_THROWS_AS(write_site(site.path(), site.path(), {{"index.html", "x"}}), FatalError);
  CHECK_THROWS_AS(write_site(site.path().parent_path(), site.path(), {{"index.html", "x"}}),
                  FatalError);
  CHECK_THROWS_AS(write_site(site / "notes", site.path(), {{"index.html", "x"}}), FatalError);
  CHECK_THROWS_AS(write_site(site / "site.yaml", site.path(), {{"index.html", "x"}}), FatalError);
  CHECK(read_file(site / "notes/keep.txt") == "precious");
  CHECK(read_file(site / "site.yaml") == "title: x\n");

  try {
    check_output_dir(site / "notes", site.path());
    FAIL("expected a refusal");
  } catch (const FatalError& error) {
    CHECK(std::string(error.what()).find("not empty and trustsite did not create it") !=
          std::string::npos);
  }
}

TEST_CASE("write_site accepts an existing empty directory") {
  TempDir site;
  fs::create_directories(site / "out");
  write_site(site / "out", site.path(), {{"a.txt", "a"}});
  CHECK(read_file(site / "out/a.txt") == "a");
}

TEST_CASE("write_site leaves the old output untouched when writing fails") {
  TempDir site;
  const fs::path out = site / "public";
  write_site(out, site.path(), {{"index.html", "old"}});
  CHECK_THROWS_AS(write_site(out, site.path(), {{"index.html", "new"}, {"../escape.html", "x"}}),
                  FatalError);
  CHECK_THROWS_AS(write_site(out, site.path(), {{"a.html", "1"}, {"a.html", "2"}}), FatalError);
  CHECK(read_file(out / "index.html") == "old");
  CHECK_FALSE(fs::exists(site / "escape.html"));
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(site.path())) entries += entry.path() != out;
  CHECK(entries == 0);
}

TEST_CASE("write_site reports an unwritable location") {
  TempDir site;
  write_file(site / "blocker", "a file where a directory should be");
  CHECK_THROWS_AS(write_site(site / "blocker/out", site.path(), {{"index.html", "x"}}), FatalError);
}

namespace {

// The names of everything beside `out` except `out` itself.
std::set<std::string> siblings(const fs::path& out) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(out.parent_path()))
    if (entry.path() != out) names.insert(entry.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("write_site removes temporary trees that killed builds left beside the output") {
  TempDir site;
  const fs::path out = site / "public";
  // What kill -9 leaves: a tree being written (marker first), an old tree being removed after
  // the swap, and an empty tree from right after mkdtemp.
  write_file(site / ".public.tmp-a1B2c3" / kOutputMarker, "marker");
  write_file(site / ".public.tmp-a1B2c3/en/index.html", "partial");
  write_file(site / ".public.tmp-d4E5f6.old" / kOutputMarker, "marker");
  write_file(site / ".public.tmp-d4E5f6.old/assets/style.css", "old");
  fs::create_directories(site / ".public.tmp-g7H8i9");
  // Not trustsite's: no marker, or not that output's name, or a link; all stay.
  write_file(site / ".public.tmp-zzzzzz/notes.txt", "someone else's");
  write_file(site / ".other.tmp-a1B2c3" / kOutputMarker, "another output's");
  fs::create_directories(site / "elsewhere");
  write_file(site / "elsewhere" / kOutputMarker, "keep");
  fs::create_directory_symlink(site / "elsewhere", site / ".public.tmp-l1nk00");

  write_site(out, site.path(), {{"index.html", "new"}});
  CHECK(read_file(out / "index.html") == "new");
  CHECK(siblings(out) == std::set<std::string>{".other.tmp-a1B2c3", ".public.tmp-l1nk00",
                                               ".public.tmp-zzzzzz", "elsewhere"});
  CHECK(fs::exists(site / "elsewhere" / kOutputMarker));
}

TEST_CASE("write_site leaves stale trees alone while another build holds the parent directory") {
  TempDir site;
  const fs::path out = site / "public";
  write_file(site / ".public.tmp-a1B2c3" / kOutputMarker, "marker");
  // Another build writing beside the output holds the parent's lock shared.
  const int fd = ::open(site.path().c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_SH) == 0);
  write_site(out, site.path(), {{"index.html", "new"}});
  CHECK(fs::exists(site / ".public.tmp-a1B2c3" / kOutputMarker));
  ::close(fd);
  write_site(out, site.path(), {{"index.html", "newer"}});
  CHECK_FALSE(fs::exists(site / ".public.tmp-a1B2c3"));
  CHECK(read_file(out / "index.html") == "newer");
}

TEST_CASE("write_site after SIGINT or SIGTERM removes the tree it was writing") {
  TempDir site;
  const fs::path out = site / "public";
  write_site(out, site.path(), {{"index.html", "old"}});
  request_interrupt(SIGTERM);  // as the signal thread does; no handler, so nothing exits
  try {
    write_site(out, site.path(), {{"index.html", "new"}, {"en/index.html", "en"}});
    FAIL("write_site went on after a signal");
  } catch (const FatalError& error) {
    CHECK(error.exit_code() == 128 + SIGTERM);
    CHECK(std::string(error.what()).find("stopped by signal 15") != std::string::npos);
  }
  reset_interrupt_for_testing();
  CHECK(read_file(out / "index.html") == "old");
  CHECK(siblings(out).empty());
}

TEST_CASE("build: SIGTERM while the site is written leaves no temporary tree and a whole output") {
  TempDir dir;
  const fs::path site = dir / "site", out = dir / "public";
  copy_tree(fs::path(TRUSTSITE_TESTS_DIR) / "fixtures/invalid/output-safety", site);
  // Many pages, so that writing them takes long enough to be interrupted.
  const std::string body(4000, 'x');
  for (int i = 0; i < 800; ++i) {
    // append(): GCC 12 warns falsely about "literal" + std::string (bug 105329).
    const std::string number = std::to_string(i);
    write_file(site / "content/pages" / std::string("p").append(number).append(".en.md"),
               std::string("---\ntitle: Page ").append(number).append("\n---\n") + body + "\n");
  }
  auto start_build = [&] {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      FILE* err = std::freopen((dir / "build.log").c_str(), "w", stderr);
      (void)err;
      execl(TRUSTSITE_BINARY, "trustsite", "build", "--site", site.c_str(), "--out", out.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    return pid;
  };
  auto temporary_trees = [&] {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir.path()))
      count += entry.path().filename().string().starts_with(".public.tmp-");
    return count;
  };
  int status = 0;
  waitpid(start_build(), &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);

  int interrupted = 0;
  for (int attempt = 0; attempt < 10 && interrupted == 0; ++attempt) {
    const pid_t pid = start_build();
    // Signal as soon as the temporary tree appears.
    for (int i = 0; i < 200000 && temporary_trees() == 0; ++i) {
      if (waitpid(pid, &status, WNOHANG) == pid) break;
      usleep(200);
    }
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGTERM) ++interrupted;
    INFO(read_file(dir / "build.log"));
    CHECK(temporary_trees() == 0);
    CHECK(fs::exists(out / kOutputMarker));
    CHECK(fs::exists(out / "en/p799/index.html"));
  }
  CHECK(interrupted > 0);
  CHECK(read_file(dir / "build.log").find("stopped by signal 15 (SIGTERM)") != std::string::npos);
}

TEST_CASE(
    "write_site links a file the previous output has with the same bytes and writes the rest") {
  TempDir site;
  const fs::path out = site / "public";
  auto inode = [](const fs::path& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_ino;
  };
  write_site(out, site.path(),
             {{"same.html", "unchanged"}, {"en/same.html", "en"}, {"changed.html", "old"}});
  const auto same = inode(out / "same.html"), nested = inode(out / "en/same.html"),
             changed = inode(out / "changed.html");

  write_site(out, site.path(),
             {{"same.html", "unchanged"}, {"en/same.html", "en"}, {"changed.html", "new"}});
  CHECK(inode(out / "same.html") == same);
  CHECK(inode(out / "en/same.html") == nested);
  CHECK(inode(out / "changed.html") != changed);
  CHECK(read_file(out / "changed.html") == "new");
  CHECK(fs::hard_link_count(out / "same.html") == 1);  // the old tree is gone

  // A link planted in the previous output is never followed: the file is written anew.
  write_file(site / "outside.txt", "unchanged");
  fs::remove(out / "same.html");
  fs::create_symlink(site / "outside.txt", out / "same.html");
  write_site(out, site.path(), {{"same.html", "unchanged"}});
  CHECK_FALSE(fs::is_symlink(out / "same.html"));
  CHECK(inode(out / "same.html") != inode(site / "outside.txt"));
  CHECK(read_file(out / "same.html") == "unchanged");
}

TEST_CASE("write_site writes anew what it may not link: a FIFO, another mode, a second link") {
  TempDir site;
  const fs::path out = site / "public";
  write_site(out, site.path(), {{"a.html", "same"}, {"b.html", "same"}, {"c.html", "same"}});
  // A FIFO where a page was: opening it must not block the build.
  fs::remove(out / "a.html");
  REQUIRE(::mkfifo((out / "a.html").c_str(), 0644) == 0);
  // A file with other permission bits: the new output gets a fresh file's mode, not these.
  fs::permissions(out / "b.html", fs::perms::owner_read);
  // A file that is also linked from outside the output: never shared with the new output.
  REQUIRE(::link((out / "c.html").c_str(), (site / "outside.html").c_str()) == 0);

  write_site(out, site.path(), {{"a.html", "same"}, {"b.html", "same"}, {"c.html", "same"}});
  CHECK(fs::is_regular_file(out / "a.html"));
  CHECK(read_file(out / "a.html") == "same");
  CHECK(fs::status(out / "b.html").permissions() == fs::status(out / kOutputMarker).permissions());
  CHECK(fs::hard_link_count(out / "c.html") == 1);
  CHECK(fs::hard_link_count(site / "outside.html") == 1);  // the old tree's link is gone
}
