// docs/check-kinds/ is generated from the check kinds' declarations (report/check_kind_docs.h).
// This test fails when a page is stale, missing or left over from a removed kind.
//
// To regenerate the pages after changing a declaration:
//   KEP_LINT_UPDATE_DOCS=1 ./build/tests/keplint_tests --gtest_filter='CheckKindDocs.*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "engine/pack.h"
#include "report/check_kind_docs.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

const fs::path kDocsDir = fs::path(KEP_LINT_SOURCE_DIR) / "docs" / "check-kinds";

std::map<std::string, std::string> expected_pages() {
  std::vector<Pack> packs;
  for (const std::string& name : builtin_pack_names()) packs.push_back(load_builtin_pack(name));
  std::map<std::string, std::string> pages;
  for (const CheckKind& kind : check_kinds()) {
    pages[std::string(kind.name) + ".md"] = render_check_kind_doc(kind, packs);
  }
  pages["README.md"] = render_check_kinds_index();
  return pages;
}

TEST(CheckKindDocs, PagesAreUpToDate) {
  std::map<std::string, std::string> pages = expected_pages();
  ASSERT_EQ(pages.size(), check_kinds().size() + 1);
  const char* update = std::getenv("KEP_LINT_UPDATE_DOCS");
  if (update && std::string(update) == "1") {
    fs::create_directories(kDocsDir);
    for (const auto& entry : fs::directory_iterator(kDocsDir)) {
      if (!pages.count(entry.path().filename().string())) fs::remove(entry.path());
    }
    for (const auto& [name, text] : pages) std::ofstream(kDocsDir / name, std::ios::binary) << text;
  }
  for (const auto& [name, text] : pages) {
    ASSERT_TRUE(fs::exists(kDocsDir / name))
        << "docs/check-kinds/" << name << " is missing; regenerate with KEP_LINT_UPDATE_DOCS=1";
    EXPECT_EQ(read_file(kDocsDir / name), text)
        << "docs/check-kinds/" << name << " is stale; regenerate with KEP_LINT_UPDATE_DOCS=1";
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kDocsDir, ec)) {
    std::string name = entry.path().filename().string();
    EXPECT_TRUE(pages.count(name)) << "docs/check-kinds/" << name << " documents no kind";
  }
}

TEST(CheckKindDocs, PageShowsParametersExampleAndRules) {
  std::vector<Pack> packs;
  packs.push_back(load_builtin_pack("kubernetes"));
  const CheckKind* kind = find_check_kind("member-of");
  ASSERT_NE(kind, nullptr);
  std::string page = render_check_kind_doc(*kind, packs);
  EXPECT_NE(page.find("# member-of\n"), std::string::npos);
  EXPECT_NE(page.find("| `dataset` | text | yes |  | "), std::string::npos) << page;
  EXPECT_NE(page.find("| `require` | text | no | `all`, `any` | "), std::string::npos) << page;
  EXPECT_NE(page.find("check: {kind: member-of, field: owning-sig, dataset: sigs}"),
            std::string::npos);
  EXPECT_NE(page.find("- [KEP009](../rules/KEP009.md)"), std::string::npos) << page;
  EXPECT_EQ(render_check_kind_doc(*find_check_kind("file-readable"), {}).find("| key |"),
            std::string::npos);
}

}  // namespace
}  // namespace keplint
