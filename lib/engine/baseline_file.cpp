#include "engine/baseline_file.h"

#include <filesystem>
#include <stdexcept>

#include "engine/rule_error.h"
#include "repo/safe_write.h"
#include "repo/user_file.h"

namespace keplint {

namespace fs = std::filesystem;

std::optional<Baseline> read_baseline_file(const std::string& path, const Repository& repo,
                                           std::size_t max_file_size, bool missing_ok) {
  ReadResult r = read_user_file(path, max_file_size);
  if (r.status == ReadResult::Status::NotFound && missing_ok) return std::nullopt;
  if (!r.ok()) throw RuleError(path, {1, 1}, "cannot read baseline: " + r.detail);
  // Inside the repository it is named like every other file (KL003 findings point at it).
  std::string shown = repo.relative_to_root(fs::absolute(path));
  if (shown.empty()) shown = path;
  auto source = std::make_shared<SourceFile>(shown, r.source->text());
  return parse_baseline(source);
}

std::optional<Baseline> load_run_baseline(const std::string& cli_path, const Config& config,
                                          const Repository& repo, const Repository& settings,
                                          std::size_t max_file_size) {
  if (!cli_path.empty()) {
    // Inside the repository, a baseline is a setting: read from the settings revision.
    std::string rel = repo.relative_to_root(fs::absolute(cli_path));
    if (rel.empty() || &settings == &repo) {
      return read_baseline_file(cli_path, repo, max_file_size);
    }
    ReadResult r = settings.read(rel);
    if (!r.ok()) {
      std::string at = settings.commit().empty() ? "" : " at " + settings.commit().substr(0, 12);
      throw RuleError(cli_path, {1, 1}, "cannot read baseline" + at + ": " + r.detail);
    }
    return parse_baseline(r.source);
  }
  if (config.baseline.empty()) return std::nullopt;
  ReadResult r = settings.read(config.baseline);
  if (!r.ok()) {
    throw RuleError(config.file, config.baseline_position,
                    "baseline '" + config.baseline + "': " + r.detail);
  }
  return parse_baseline(r.source);
}

void write_baseline_file(const std::string& path, const std::vector<BaselineEntry>& entries) {
  WriteResult w = write_file_atomically(path, render_baseline(entries));
  if (!w) throw std::runtime_error(w.error);
}

}  // namespace keplint
