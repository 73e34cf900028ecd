// Renders freeze readiness (`kep-lint report --release`) as text, a Markdown table or JSON.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/release_readiness.h"

namespace keplint {

// `format`: "text", "markdown" or "json"; false for another format.
bool write_release_table(const std::vector<ReleaseEntry>& entries, const std::string& release,
                         std::string_view format, std::ostream& out);

}  // namespace keplint
