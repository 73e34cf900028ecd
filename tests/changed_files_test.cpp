#include "repo/changed_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "git_fixture.h"
#include "repo_printers.h"

namespace keplint {

namespace {

using testing::commit_all;
using ::testing::ElementsAre;
using testing::git;
using ::testing::HasSubstr;
using testing::write_file;
using Ranges = std::vector<LineRange>;

// "M a.md", "R new.md <- old.md": compact and readable in failure output.
std::vector<std::string> describe(const ChangeSet& set) {
  std::vector<std::string> out;
  for (const auto& f : set.files) {
    std::string s = std::string(1, static_cast<char>(std::toupper(status_name(f.status)[0])));
    s += " " + f.path;
    if (!f.old_path.empty()) s += " <- " + f.old_path;
    out.push_back(s);
  }
  return out;
}

Ranges lines_of(const ChangeSet& set, const std::string& path) {
  const auto* ranges = set.added_lines.find(path);
  return ranges ? *ranges : Ranges{};
}

// Thrown GitError's message, or "" when nothing was thrown.
std::string error_of(const std::filesystem::path& dir, std::string_view rev) {
  try {
    collect_changes(dir, rev);
  } catch (const GitError& e) {
    return e.what();
  }
  return "";
}

class ChangedFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::isolate_git_config();
    repo_ = tmp_.path() / "repo";
    testing::init_repo(repo_);
  }
  void write(const std::string& path, const std::string& text) { write_file(repo_ / path, text); }

  testing::TempDir tmp_;
  std::filesystem::path repo_;
};

TEST_F(ChangedFilesTest, CommittedStagedUnstagedAndUntrackedSinceTheMergeBase) {
  write(".gitignore", "*.log\n");
  for (const char* name : {"a.md", "b.md", "c.md", "d.md", "gone.md", "z.md"}) write(name, "x\n");
  std::string base = commit_all(repo_, "base");

  git(repo_, {"checkout", "-q", "-b", "feature"});
  write("a.md", "committed\n");
  git(repo_, {"rm", "-q", "gone.md"});
  commit_all(repo_, "feature work");
  // main moves on after the branch point; its changes are not ours.
  git(repo_, {"checkout", "-q", "main"});
  write("z.md", "main moved\n");
  commit_all(repo_, "main work");
  git(repo_, {"checkout", "-q", "feature"});

  write("b.md", "staged\n");
  write("f.md", "staged new\n");
  git(repo_, {"add", "b.md", "f.md"});
  write("c.md", "unstaged\n");
  std::filesystem::remove(repo_ / "d.md");
  write("e.md", "untracked\n");
  write("debug.log", "ignored\n");

  ChangeSet set = collect_changes(repo_, "main");
  EXPECT_EQ(set.base_commit, base);
  EXPECT_THAT(describe(set),
              ElementsAre("M a.md", "M b.md", "M c.md", "D d.md", "A e.md", "A f.md", "D gone.md"));
}

// --repo below git's top level (a monorepo): paths are relative to that directory and changes
// outside it are left out (issue 16, item 6).
TEST_F(ChangedFilesTest, WorksFromASubdirectoryWithPathsRelativeToIt) {
  write("keps/sig-x/README.md", "x\n");
  write("other.md", "x\n");
  commit_all(repo_, "base");
  write("keps/sig-x/README.md", "y\nz\n");
  write("other.md", "y\n");
  ChangeSet set = collect_changes(repo_ / "keps" / "sig-x", "HEAD");
  EXPECT_THAT(describe(set), ElementsAre("M README.md"));
  EXPECT_THAT(set.added_lines.by_path(), ElementsAre(::testing::Key("README.md")));
}

TEST_F(ChangedFilesTest, RenameListsNewPathAsRenamedAndOldPathAsDeleted) {
  write("keps/sig-a/1-foo/kep.yaml", "title: Foo\nstatus: provisional\nowning-sig: sig-a\n");
  write("keps/sig-a/1-foo/README.md", "# Foo\n\nSome text.\n");
  commit_all(repo_, "base");
  git(repo_, {"checkout", "-q", "-b", "move"});
  git(repo_, {"mv", "keps/sig-a", "keps/sig-b"});
  write("keps/sig-b/1-foo/kep.yaml", "title: Foo\nstatus: provisional\nowning-sig: sig-b\n");
  commit_all(repo_, "move to sig-b");

  ChangeSet set = collect_changes(repo_, "main");
  EXPECT_THAT(describe(set),
              ElementsAre("D keps/sig-a/1-foo/README.md", "D keps/sig-a/1-foo/kep.yaml",
                          "R keps/sig-b/1-foo/README.md <- keps/sig-a/1-foo/README.md",
                          "R keps/sig-b/1-foo/kep.yaml <- keps/sig-a/1-foo/kep.yaml"));
  // A pure move adds no lines; an edited move adds only the edited line.
  EXPECT_EQ(set.added_lines.find("keps/sig-b/1-foo/README.md"), nullptr);
  EXPECT_EQ(lines_of(set, "keps/sig-b/1-foo/kep.yaml"), (Ranges{{3, 3}}));
}

TEST_F(ChangedFilesTest, PathsWithSpacesUnicodeNewlinesAndQuotes) {
  write("old name.md", "one\ntwo\nthree\n");
  commit_all(repo_, "base");
  git(repo_, {"checkout", "-q", "-b", "feature"});
  write("old name.md", "one\nTWO\nthree\n");
  write("dir with space/kep ü.md", "a\nb\n");
  write("new\nline.md", "a\n");
  write("tab\there \"quoted\" back\\slash.md", "a\n");
  commit_all(repo_, "odd names");
  write("ünï côdé/ñew file.md", "1\n2\n3\n");  // untracked

  ChangeSet set = collect_changes(repo_, "main");
  EXPECT_THAT(describe(set),
              ElementsAre("A dir with space/kep ü.md", "A new\nline.md", "M old name.md",
                          "A tab\there \"quoted\" back\\slash.md", "A ünï côdé/ñew file.md"));
  EXPECT_EQ(lines_of(set, "old name.md"), (Ranges{{2, 2}}));
  EXPECT_EQ(lines_of(set, "dir with space/kep ü.md"), (Ranges{{1, 2}}));
  EXPECT_EQ(lines_of(set, "new\nline.md"), (Ranges{{1, 1}}));
  EXPECT_EQ(lines_of(set, "tab\there \"quoted\" back\\slash.md"), (Ranges{{1, 1}}));
  EXPECT_EQ(lines_of(set, "ünï côdé/ñew file.md"), (Ranges{{1, 3}}));
  EXPECT_EQ(set.added_lines.by_path().size(), 5u);
}

// Original lines L1..L10. The change rewrites L1 (unstaged) and L3, inserts two lines after
// L7 and deletes L9, so the new side reads L1' L2 L3' L4 L5 L6 L7 N1 N2 L8 L10.
TEST_F(ChangedFilesTest, AddedLineRangesOnTheNewSide) {
  std::string original;
  for (int i = 1; i <= 10; ++i) original += "L" + std::to_string(i) + "\n";
  write("f.md", original);
  write("removed.md", "bye\n");
  write("shrunk.md", "keep\ndrop\n");
  commit_all(repo_, "base");
  git(repo_, {"checkout", "-q", "-b", "feature"});
  write("f.md", "L1\nL2\nL3'\nL4\nL5\nL6\nL7\nN1\nN2\nL8\nL10\n");
  git(repo_, {"rm", "-q", "removed.md"});
  write("shrunk.md", "keep\n");
  commit_all(repo_, "edit");
  write("f.md", "L1'\nL2\nL3'\nL4\nL5\nL6\nL7\nN1\nN2\nL8\nL10\n");
  write("untracked.md", "x\ny\nz");  // no final newline: still three lines
  write("empty.md", "");

  ChangeSet set = collect_changes(repo_, "main");
  EXPECT_EQ(lines_of(set, "f.md"), (Ranges{{1, 1}, {3, 3}, {8, 9}}));
  EXPECT_EQ(lines_of(set, "untracked.md"), (Ranges{{1, 3}}));
  EXPECT_EQ(set.added_lines.find("removed.md"), nullptr);
  EXPECT_EQ(set.added_lines.find("shrunk.md"), nullptr);  // only a deletion
  EXPECT_EQ(set.added_lines.find("empty.md"), nullptr);
  EXPECT_THAT(describe(set),
              ElementsAre("A empty.md", "M f.md", "D removed.md", "M shrunk.md", "A untracked.md"));

  EXPECT_TRUE(set.added_lines.touches("f.md", 8));
  EXPECT_FALSE(set.added_lines.touches("f.md", 2));
  EXPECT_TRUE(set.added_lines.touches("f.md", 2, 1));
  EXPECT_FALSE(set.added_lines.touches("f.md", 6, 1));
  EXPECT_TRUE(set.added_lines.touches("f.md", 6, 2));
  EXPECT_FALSE(set.added_lines.touches("f.md", 11, 1));
  EXPECT_FALSE(set.added_lines.touches("other.md", 1, 100));
}

// diff_context: the new-side lines of git's default hunks, three lines of context on each side
// of a change, also around a pure deletion (which adds no line).
TEST_F(ChangedFilesTest, ContextLinesAreTheHunksWithThreeLinesOfContext) {
  std::string twenty;
  for (int i = 1; i <= 20; ++i) twenty += "L" + std::to_string(i) + "\n";
  write("changed.md", twenty);
  write("deleted-line.md", twenty);
  write("far.md", twenty);
  commit_all(repo_, "base");
  std::string changed = twenty;
  changed.replace(changed.find("L10\n"), 4, "TEN\n");
  write("changed.md", changed);
  std::string deleted = twenty;
  deleted.erase(deleted.find("L5\n"), 3);
  write("deleted-line.md", deleted);
  std::string far = twenty;
  far.replace(far.find("L2\n"), 3, "TWO\n");
  far.replace(far.find("L19\n"), 4, "NINETEEN\n");
  write("far.md", far);
  write("new.md", "a\nb\n");

  ChangeSet set = collect_changes(repo_, "HEAD");
  auto context_of = [&](const std::string& path) {
    const auto* ranges = set.context_lines.find(path);
    return ranges ? *ranges : Ranges{};
  };
  EXPECT_EQ(lines_of(set, "changed.md"), (Ranges{{10, 10}}));
  EXPECT_EQ(context_of("changed.md"), (Ranges{{7, 13}}));
  EXPECT_EQ(lines_of(set, "deleted-line.md"), Ranges{});
  EXPECT_EQ(context_of("deleted-line.md"), (Ranges{{2, 7}}));  // L2-L4 and L6-L8, renumbered
  EXPECT_EQ(context_of("far.md"), (Ranges{{1, 5}, {16, 20}}));
  EXPECT_EQ(context_of("new.md"), (Ranges{{1, 2}}));  // untracked: the whole file

  // The user's diff.context cannot shrink the hunks.
  git(repo_, {"config", "diff.context", "0"});
  EXPECT_EQ(collect_changes(repo_, "HEAD").context_lines.by_path(), set.context_lines.by_path());
}

TEST_F(ChangedFilesTest, AddedLinesThatLookLikeDiffHeadersAreCountedAsContent) {
  write("f.md", "a\nb\n");
  commit_all(repo_, "base");
  // As diff body lines these read "+++ b/x", "+@@ -1 +1 @@" and "+diff --git": header lookalikes.
  write("f.md", "a\n++ b/x\n@@ -1 +1 @@\ndiff --git a b\nb\n");
  ChangeSet set = collect_changes(repo_, "HEAD");
  EXPECT_EQ(lines_of(set, "f.md"), (Ranges{{2, 4}}));
  EXPECT_EQ(set.added_lines.by_path().size(), 1u);
}

TEST_F(ChangedFilesTest, UserGitConfigCannotChangeTheResult) {
  write("a.md", "1\n2\n3\n4\n5\n6\n7\n8\n9\n");
  write("old.md", "some\ncontent\nhere\n");
  write("b/inside.md", "x\n");  // under diff.noprefix its name would read like a "b/" prefix
  commit_all(repo_, "base");
  git(repo_, {"checkout", "-q", "-b", "feature"});
  write("a.md", "1\nTWO\n3\n4\n5\n6\n7\nEIGHT\n9\n");
  git(repo_, {"mv", "old.md", "new ü.md"});
  write("b/inside.md", "y\n");
  write("untracked ü.md", "u\n");
  ChangeSet plain = collect_changes(repo_, "main");

  for (auto [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"diff.noprefix", "true"},
                                                        {"diff.mnemonicPrefix", "true"},
                                                        {"diff.renames", "false"},
                                                        {"diff.interHunkContext", "10"},
                                                        {"diff.context", "1"},
                                                        {"diff.external", "false"},
                                                        {"color.ui", "always"},
                                                        {"color.diff", "always"},
                                                        {"core.quotepath", "true"},
                                                        {"status.showUntrackedFiles", "no"}}) {
    git(repo_, {"config", key, value});
  }
  ChangeSet hostile = collect_changes(repo_, "main");
  EXPECT_EQ(hostile.files, plain.files);
  EXPECT_EQ(hostile.added_lines.by_path(), plain.added_lines.by_path());
  EXPECT_EQ(hostile.context_lines.by_path(), plain.context_lines.by_path());
  EXPECT_EQ(lines_of(hostile, "a.md"), (Ranges{{2, 2}, {8, 8}}));
  EXPECT_EQ(lines_of(hostile, "b/inside.md"), (Ranges{{1, 1}}));
  EXPECT_THAT(describe(hostile), ElementsAre("M a.md", "M b/inside.md", "R new ü.md <- old.md",
                                             "D old.md", "A untracked ü.md"));
}

TEST_F(ChangedFilesTest, FilesOnlySkipsLineRanges) {
  write("a.md", "1\n");
  commit_all(repo_, "base");
  write("a.md", "2\n");
  ChangeSet set = collect_changes(repo_, "HEAD", LineDetail::FilesOnly);
  EXPECT_THAT(describe(set), ElementsAre("M a.md"));
  EXPECT_TRUE(set.added_lines.by_path().empty());
}

TEST_F(ChangedFilesTest, UnknownRevisionIsAClearError) {
  write("a.md", "1\n");
  commit_all(repo_, "base");
  EXPECT_THAT(error_of(repo_, "no-such-branch"), HasSubstr("unknown revision 'no-such-branch'"));
  // Never passed on as an option.
  EXPECT_THAT(error_of(repo_, "--output=/tmp/x"), HasSubstr("unknown revision '--output=/tmp/x'"));
}

TEST_F(ChangedFilesTest, RepositoryWithoutCommitsIsAClearError) {
  EXPECT_THAT(error_of(repo_, "main"), HasSubstr("no commits yet"));
}

TEST_F(ChangedFilesTest, UnrelatedHistoriesHaveNoMergeBase) {
  write("a.md", "1\n");
  commit_all(repo_, "base");
  git(repo_, {"checkout", "-q", "--orphan", "other"});
  commit_all(repo_, "unrelated root");
  EXPECT_THAT(error_of(repo_, "main"), HasSubstr("no common ancestor"));
}

TEST(ChangedFiles, NotAGitRepositoryIsAClearError) {
  testing::TempDir tmp;
  // Keep git from finding a repository above the temp dir.
  ::setenv("GIT_CEILING_DIRECTORIES", tmp.path().string().c_str(), 1);
  std::filesystem::create_directories(tmp.path() / "plain");
  EXPECT_THAT(error_of(tmp.path() / "plain", "main"), HasSubstr("not a git repository"));
  EXPECT_THAT(error_of(tmp.path() / "missing", "main"), HasSubstr("not a git repository"));
  ::unsetenv("GIT_CEILING_DIRECTORIES");
}

class ShallowCloneTest : public ChangedFilesTest {
 protected:
  // origin: main c1 - c2 - c3, and side branching from c1.
  void SetUp() override {
    ChangedFilesTest::SetUp();
    write("a.md", "1\n");
    c1_ = commit_all(repo_, "c1");
    git(repo_, {"checkout", "-q", "-b", "side"});
    write("side.md", "s\n");
    commit_all(repo_, "s1");
    git(repo_, {"checkout", "-q", "main"});
    write("a.md", "2\n");
    commit_all(repo_, "c2");
    write("b.md", "3\n");
    commit_all(repo_, "c3");
    clone_ = tmp_.path() / "clone";
    git(tmp_.path(), {"clone", "-q", "--depth", "1", "--branch", "main", "file://" + repo_.string(),
                      clone_.string()});
  }
  std::string c1_;
  std::filesystem::path clone_;
};

TEST_F(ShallowCloneTest, MissingBaseCommitSaysWhichFetchDepthIsNeeded) {
  std::string message = error_of(clone_, c1_);
  EXPECT_THAT(message, HasSubstr("not in this clone"));
  EXPECT_THAT(message, HasSubstr("shallow"));
  EXPECT_THAT(message, HasSubstr("fetch-depth: 0"));
  EXPECT_THAT(message, HasSubstr("git fetch --deepen"));

  // Following the advice fixes it.
  git(clone_, {"fetch", "-q", "--deepen=2"});
  ChangeSet set = collect_changes(clone_, c1_);
  EXPECT_EQ(set.base_commit, c1_);
  EXPECT_THAT(describe(set), ElementsAre("M a.md", "A b.md"));
}

TEST_F(ShallowCloneTest, BaseBranchFetchedShallowWithoutCommonAncestor) {
  git(clone_, {"fetch", "-q", "--depth", "1", "origin", "side:refs/remotes/origin/side"});
  std::string message = error_of(clone_, "origin/side");
  EXPECT_THAT(message, HasSubstr("stops before their common ancestor"));
  EXPECT_THAT(message, HasSubstr("fetch-depth: 0"));
}

}  // namespace
}  // namespace keplint
