#include "engine/project_home.h"

// Set by CMakeLists.txt on this file only, so a new tag rebuilds one file.
#ifndef KEP_LINT_HOMEPAGE
#error "KEP_LINT_HOMEPAGE is defined by CMakeLists.txt"
#endif
#ifndef KEP_LINT_DOCS_REF
#define KEP_LINT_DOCS_REF "main"
#endif

namespace keplint {

std::string_view project_home() {
  return KEP_LINT_HOMEPAGE;
}

std::string project_docs_url() {
  return std::string(project_home()) + "/blob/" + KEP_LINT_DOCS_REF + "/docs";
}

}  // namespace keplint
