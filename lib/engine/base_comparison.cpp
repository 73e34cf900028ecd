#include "engine/base_comparison.h"

#include <cctype>
#include <unordered_map>

namespace keplint {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// Messages may quote line numbers ("first defined at line 12"): those move with edits.
std::string without_numbers(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(message[i]))) {
      if (out.empty() || out.back() != '#') out += '#';
      continue;
    }
    out += message[i];
  }
  return out;
}

}  // namespace

std::string finding_identity(const Finding& f, const std::string& path) {
  std::string id = f.rule_id;
  id += '\0';
  id += path;
  id += '\0';
  id += f.anchor.empty() ? without_numbers(f.message) : f.anchor;
  id += '\0';
  int line = f.range.start.line;
  if (line > 0 && f.source && line <= f.source->line_count()) {
    id += trimmed(f.source->line_text(line));
  }
  return id;
}

BaseComparison mark_pre_existing(std::vector<Finding>& head, const std::vector<Finding>& base,
                                 const std::map<std::string, std::string>& renamed) {
  std::unordered_map<std::string, int> in_base;
  for (const Finding& f : base) ++in_base[finding_identity(f, f.path)];
  BaseComparison result;
  for (Finding& f : head) {
    auto old = renamed.find(f.path);
    auto it = in_base.find(finding_identity(f, old == renamed.end() ? f.path : old->second));
    f.pre_existing = it != in_base.end() && it->second > 0;
    if (f.pre_existing) {
      --it->second;
      ++result.pre_existing;
    } else {
      ++result.introduced;
    }
  }
  return result;
}

}  // namespace keplint
