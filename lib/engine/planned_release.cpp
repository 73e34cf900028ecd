#include "engine/planned_release.h"

#include <string_view>

#include "engine/version.h"
#include "repo/path_template.h"

namespace keplint {

namespace {

// The value of a top-level `field:` line, unquoted, without a trailing comment.
std::optional<std::string_view> top_level_value(std::string_view text, std::string_view field) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() <= field.size() || line.substr(0, field.size()) != field ||
        line[field.size()] != ':') {
      continue;
    }
    std::string_view v = line.substr(field.size() + 1);
    if (std::size_t hash = v.find(" #"); hash != std::string_view::npos) v = v.substr(0, hash);
    std::size_t b = v.find_first_not_of(" \t\"'");
    std::size_t e = v.find_last_not_of(" \t\r\"'");
    if (b == std::string_view::npos) return std::nullopt;
    return v.substr(b, e - b + 1);
  }
  return std::nullopt;
}

}  // namespace

PlannedRelease derive_planned_release(const Repository& repo, const Layout& layout,
                                      const std::string& field) {
  PlannedRelease out;
  const DocumentSpec* primary = layout.primary();
  if (!primary) return out;
  std::optional<Version> best;
  std::string best_text, best_path;
  for (const std::string& proposal : layout.discover(repo)) {
    FilledPath path = fill_path_template(primary->path_template,
                                         [&](std::string_view name) -> std::optional<std::string> {
                                           if (name == "dir" || name == "proposal") return proposal;
                                           return std::nullopt;
                                         },
                                         {"dir", "proposal", "file"});
    if (!path.ok()) continue;
    ReadResult read = repo.read(path.path);
    if (!read.ok() || !read.source) continue;
    std::optional<std::string_view> value = top_level_value(read.source->text(), field);
    std::optional<Version> v = value ? parse_version(*value) : std::nullopt;
    // Only vMAJOR.MINOR counts: "v1.37" names a release, "2023-01-01" or "1" do not.
    if (!v || v->parts.size() != 2 || (*value)[0] != 'v') continue;
    if (!best || *v > *best) {
      best = v;
      best_text = std::string(*value);
      best_path = path.path;
    }
  }
  if (!best) {
    out.note = "no --release given and no proposal names a " + field +
               "; rules that need the planned release treat it as unknown";
    return out;
  }
  out.version = best_text;
  out.note = "no --release given: assuming " + best_text +
             " is the release being planned (the highest " + field + " in the repository, e.g. " +
             best_path + "); give --release to choose";
  return out;
}

}  // namespace keplint
