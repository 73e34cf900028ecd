#include "report/output_plan.h"

#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "repo/safe_open.h"

namespace keplint {

namespace {

namespace fs = std::filesystem;

// Below this a summary would be little more than its heading and the note that rows are cut.
constexpr std::size_t kStepSummaryMinBytes = 4096;

bool same_file(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::error_code ec1, ec2;
  fs::path pa = fs::weakly_canonical(fs::absolute(a), ec1);
  fs::path pb = fs::weakly_canonical(fs::absolute(b), ec2);
  return !ec1 && !ec2 && pa == pb;
}

OutputSpec parse_format(const std::string& text) {
  OutputSpec spec;
  std::size_t colon = text.find(':');
  spec.format = text.substr(0, colon);
  if (colon != std::string::npos) spec.path = text.substr(colon + 1);
  return spec;
}

// Adds `automatic` unless an explicit output already writes its file.
void add_automatic(OutputPlan& plan, OutputSpec automatic) {
  for (const OutputSpec& spec : plan.outputs) {
    if (same_file(spec.path, automatic.path)) return;
  }
  automatic.automatic = true;
  plan.outputs.push_back(std::move(automatic));
}

}  // namespace

OutputPlan plan_outputs(const OutputRequest& request, const CiEnvironment& ci) {
  OutputPlan plan;
  std::vector<std::string> formats = request.formats;
  if (formats.empty()) formats.push_back(ci.kind == CiKind::GitHubActions ? "github" : "text");
  for (const std::string& f : formats) plan.outputs.push_back(parse_format(f));
  if (!request.output.empty()) {
    if (plan.outputs.size() != 1 || !plan.outputs[0].path.empty()) {
      throw std::invalid_argument(
          "--output goes with a single --format; use --format FMT:PATH for several");
    }
    plan.outputs[0].path = request.output;
  }
  for (const OutputSpec& s : plan.outputs) {
    if (!make_reporter(s.format, {})) {
      std::string known;
      for (auto k : reporter_formats()) known += (known.empty() ? "" : ", ") + std::string(k);
      throw std::invalid_argument("unknown format '" + s.format + "' (known: " + known + ")");
    }
  }
  for (OutputSpec& s : plan.outputs) {
    if (same_file(s.path, ci.github_step_summary)) s.append = true;
  }

  if (!request.ci_outputs) return plan;
  if (ci.kind == CiKind::GitHubActions) {
    if (ci.github_step_summary.empty()) {
      plan.notes.push_back("$GITHUB_STEP_SUMMARY is not set: no step summary is written");
    } else {
      add_automatic(plan, {"markdown", ci.github_step_summary, true, false});
    }
  } else if (ci.kind == CiKind::Prow) {
    if (ci.prow_artifacts_dir.empty()) {
      plan.notes.push_back("$ARTIFACTS is not set: no JUnit file is written for Spyglass");
    } else {
      std::string path = (fs::path(ci.prow_artifacts_dir) / kProwJunitFile).string();
      add_automatic(plan, {"junit", path, false, false});
    }
  }
  return plan;
}

std::optional<std::string> write_output(const OutputSpec& spec, const Report& report,
                                        ReporterOptions options, std::ostream& stdout_stream,
                                        const std::filesystem::path& checkout) {
  if (spec.path.empty()) {
    auto reporter = make_reporter(spec.format, options);
    reporter->write(report, stdout_stream);
    stdout_stream.flush();
    return std::nullopt;
  }
  std::error_code ec;
  if (spec.automatic) {
    fs::path parent = fs::path(spec.path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
  }
  // A path the pull request may have committed as a symlink (kep-lint.sarif -> ~/.bashrc),
  // or a FIFO as the step summary: refused with the reason, never followed or waited on.
  FileDescriptor file = open_output_file(spec.path, spec.append, checkout);
  std::uintmax_t used = 0;
  if (spec.append) {
    struct stat st {};
    if (::fstat(file.get(), &st) == 0) used = static_cast<std::uintmax_t>(st.st_size);
  }
  if (spec.append && spec.format == "markdown") {
    // One byte for the blank line that separates the table from what the step wrote before.
    std::size_t left = used + 1 >= kStepSummaryMaxBytes ? 0 : kStepSummaryMaxBytes - used - 1;
    if (left < kStepSummaryMinBytes) {
      return spec.path + " already holds " + std::to_string(used) +
             " bytes of the 1 MiB a step summary may have: the findings table is not added";
    }
    options.markdown_max_bytes = std::min(options.markdown_max_bytes, left);
  }
  std::ostringstream out;
  if (used > 0) out << '\n';
  auto reporter = make_reporter(spec.format, options);
  reporter->write(report, out);
  write_all(file.get(), out.str(), spec.path);
  return std::nullopt;
}

}  // namespace keplint
