// Where kep-lint lives. The one definition is `project(HOMEPAGE_URL)` in CMakeLists.txt; help
// links, the action, the pre-commit hook and the Prow job all derive from it (tests hold them to
// it: tests/ci_packaging_test.cpp).
#pragma once

#include <string>
#include <string_view>

namespace keplint {

// https://github.com/<owner>/kep-lint
std::string_view project_home();
// The documentation of this binary's own version: <home>/blob/<ref>/docs, where <ref> is the
// release tag a release build is made from (KEP_LINT_DOCS_REF), else main.
std::string project_docs_url();

}  // namespace keplint
