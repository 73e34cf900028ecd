// Release versions as KEPs write them: "v1.21", "1.21", "v1.21.0".
#pragma once

#include <compare>
#include <optional>
#include <string_view>
#include <vector>

namespace keplint {

struct Version {
  std::vector<int> parts;
  std::strong_ordering operator<=>(const Version& other) const;
  bool operator==(const Version& other) const { return (*this <=> other) == 0; }
};

std::optional<Version> parse_version(std::string_view text);

}  // namespace keplint
