#include "ci_options.h"

#include <vector>

namespace keplint::cli {

void add_ci_options(CLI::App& app, CiArgs& args) {
  app.add_option("--ci", args.ci,
                 "CI environment: auto (from GITHUB_ACTIONS, PROW_JOB_ID/JOB_TYPE), github, prow "
                 "or local; sets the default format, the CI files and the base of "
                 "--changed-from auto")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "github", "prow", "local"}));
  app.add_flag("--no-ci-outputs", args.no_ci_outputs,
               "Do not write the CI files ($GITHUB_STEP_SUMMARY on GitHub Actions, "
               "$ARTIFACTS/junit_kep-lint.xml on Prow)");
  std::vector<std::string> modes;
  for (auto m : filter_mode_names()) modes.emplace_back(m);
  app.add_option("--filter-mode", args.filter_mode,
                 "Report findings on added lines (added), within the diff's hunks "
                 "(diff_context), in changed files (file) or all (nofilter); needs "
                 "--changed-from (file: or --files-from)")
      ->capture_default_str()
      ->check(CLI::IsMember(modes));
}

CiEnvironment ci_environment(const CiArgs& args) {
  std::optional<CiKind> force;
  if (args.ci != "auto") force = parse_ci_kind(args.ci);
  return detect_ci_environment(process_environment(), force);
}

FilterMode filter_mode(const CiArgs& args) {
  return parse_filter_mode(args.filter_mode).value_or(FilterMode::NoFilter);
}

std::optional<std::string> filter_mode_problem(FilterMode mode, const std::string& changed_from,
                                               const std::string& files_from) {
  if (mode == FilterMode::NoFilter) return std::nullopt;
  std::string option = "--filter-mode " + std::string(filter_mode_name(mode));
  if (changed_from.empty() && files_from.empty()) {
    return option + " needs a changed-file set: --changed-from REV|auto" +
           (mode == FilterMode::File ? " or --files-from FILE" : "");
  }
  if (filter_needs_lines(mode) && changed_from.empty()) {
    return option +
           " needs the changed lines, which --files-from does not give: use --changed-from";
  }
  return std::nullopt;
}

}  // namespace keplint::cli
