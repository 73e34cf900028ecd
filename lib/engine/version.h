// Release versions as KEPs write them: "v1.21", "1.21", "v1.21.0"; like upstream's
// semver.ParseTolerant, surrounding spaces are ignored and a third number may carry a
// pre-release ("v1.22.0-rc.1", older than v1.22.0) or build suffix.
#pragma once

#include <compare>
#include <optional>
#include <string_view>
#include <vector>

namespace keplint {

struct Version {
  std::vector<int> parts;
  bool prerelease = false;
  std::strong_ordering operator<=>(const Version& other) const;
  bool operator==(const Version& other) const { return (*this <=> other) == 0; }
};

std::optional<Version> parse_version(std::string_view text);

}  // namespace keplint
