// proposal-discovery: files that only make sense inside a proposal (a README.md under keps/)
// but lie in no proposal directory: usually a proposal whose metadata file was never added.
#include "checks/field_values.h"
#include "engine/run_context.h"
#include "repo/glob.h"

namespace keplint {

namespace {

class ProposalDiscoveryCheck : public Check {
 public:
  explicit ProposalDiscoveryCheck(Params& p)
      : files_(p.string("files")), exclude_(p.strings("exclude", true)) {}

  void check_repository(RepositoryContext& ctx) const override {
    const RunContext& run = ctx.run();
    for (const std::string& file : ctx.files_in_scope(files_)) {
      bool skip = std::any_of(exclude_.begin(), exclude_.end(),
                              [&](const std::string& g) { return glob_match(g, file); });
      if (skip || !run.layout().proposal_containing(run.repo(), file).empty()) continue;
      std::size_t slash = file.rfind('/');
      std::string dir = slash == std::string::npos ? "" : file.substr(0, slash);
      ctx.report({file, Range{}, nullptr, file},
                 {{"path", file}, {"dir", dir}, {"marker", run.layout().proposals.marker}},
                 "{path} is not part of a proposal: {dir} has no metadata file ({marker})");
    }
  }

 private:
  std::string files_;
  std::vector<std::string> exclude_;
};

}  // namespace

std::unique_ptr<Check> make_proposal_discovery_check(Params& p) {
  return std::make_unique<ProposalDiscoveryCheck>(p);
}

}  // namespace keplint
