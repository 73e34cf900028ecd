// A link reference definition written on one line, `[id]: link "title"` (the link may be in
// <...>, the title in '...' or (...)): what heading links resolve against.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace keplint {

struct LinkDefinitionLine {
  std::string id;  // as written
  std::string link;
  std::string title;  // empty when there is none
};

// The definition on `line` (without its line break), or nothing. Reads exactly what the
// regular expression
//   ^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?[ \t]*$
// matches and captures, without a regex engine (this runs for every such line of every README).
std::optional<LinkDefinitionLine> parse_link_definition_line(std::string_view line);

}  // namespace keplint
