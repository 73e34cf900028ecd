// Where a run's outputs go: the formats asked for, or the environment's default on stdout, plus
// the files a CI system picks up (the step summary on GitHub Actions, JUnit for Prow).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "repo/ci_environment.h"
#include "report/reporter.h"

namespace keplint {

inline constexpr std::size_t kStepSummaryMaxBytes = 1024 * 1024;  // per step, GitHub's limit
inline constexpr const char* kProwJunitFile = "junit_kep-lint.xml";

struct OutputSpec {
  std::string format;
  std::string path;        // empty: stdout
  bool append = false;     // $GITHUB_STEP_SUMMARY is shared by every command of the step
  bool automatic = false;  // added for the CI environment, not asked for
  auto operator<=>(const OutputSpec&) const = default;
};

struct OutputRequest {
  std::vector<std::string> formats;  // --format FMT[:PATH], repeatable
  std::string output;                // --output PATH for a single format
  bool ci_outputs = true;            // false: --no-ci-outputs
};

struct OutputPlan {
  std::vector<OutputSpec> outputs;
  std::vector<std::string> notes;  // for stderr: a CI output that cannot be written
};

// Explicit formats replace the default on stdout (`github` on GitHub Actions, else `text`);
// the CI files are added unless ci_outputs is false or an explicit output already writes that
// file (which then wins). Anything written to $GITHUB_STEP_SUMMARY is appended.
// Throws std::invalid_argument for an unknown format or a misused --output.
OutputPlan plan_outputs(const OutputRequest& request, const CiEnvironment& ci);

// Writes one output. An appended Markdown summary gets what is left of the 1 MiB per step;
// returns a note instead when too little is left. Parent directories of automatic outputs are
// created ($ARTIFACTS may not exist yet). Files are opened with open_output_file (safe_open.h):
// no symlink is followed at the end, nor on the way inside `checkout`; non-regular files are
// refused. Throws std::runtime_error when a file cannot be written, saying why.
std::optional<std::string> write_output(const OutputSpec& spec, const Report& report,
                                        ReporterOptions options, std::ostream& stdout_stream,
                                        const std::filesystem::path& checkout = {});

}  // namespace keplint
