// YAML front matter at the top of a Markdown file (openshift/enhancements, Tekton TEPs).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace keplint {

struct FrontMatter {
  std::size_t yaml_offset = 0;  // first byte after the opening "---" line
  std::size_t yaml_length = 0;  // up to the closing line
  std::size_t body_offset = 0;  // first byte after the closing line
  bool closed = true;           // false when the closing "---" is missing
};

// Finds front matter: the file starts (after an optional UTF-8 BOM) with a line "---", and the
// next line that is exactly "---" or "..." closes it. nullopt when the file has none.
std::optional<FrontMatter> split_front_matter(std::string_view text);

}  // namespace keplint
