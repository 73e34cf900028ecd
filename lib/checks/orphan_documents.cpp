// orphan-documents: files of a document family (PRR approvals) that no proposal claims: filed
// under the wrong directory, misnumbered, or left behind after the proposal moved.
//   document: prr                                   the layout's document role (needs `family`)
//   exclude: ["keps/prod-readiness/template/**"]    files of the family that are not documents
#include "checks/field_values.h"
#include "engine/run_context.h"
#include "repo/glob.h"

namespace keplint {

namespace {

class OrphanDocumentsCheck : public Check {
 public:
  explicit OrphanDocumentsCheck(Params& p)
      : document_(p.string("document")), exclude_(p.strings("exclude", true)) {}

  void check_repository(RepositoryContext& ctx) const override {
    const RunContext& run = ctx.run();
    const DocumentSpec* spec = run.layout().document(document_);
    if (!spec || spec->family.empty()) return;
    const std::string& key_field = run.layout().proposals.key_field;
    for (const std::string& file : ctx.files_in_scope(spec->family)) {
      if (run.claimed_by(file)) continue;
      if (std::any_of(exclude_.begin(), exclude_.end(),
                      [&](const std::string& g) { return glob_match(g, file); })) {
        continue;
      }
      Location at{file, Range{}, nullptr, file};
      if (ReadResult r = run.repo().read(file); r.ok()) at = {file, Range::line(1), r.source, file};
      MessageVars vars{{"path", file}, {"document", document_}, {"template", spec->path_template}};
      auto parts = match_path_template(spec->path_template, file);
      if (!parts) {
        ctx.report(at, vars, "{path} does not follow the {document} path pattern {template}");
        continue;
      }
      auto key = parts->find(key_field);
      if (key == parts->end()) continue;
      vars["key"] = key->second;
      vars["key-field"] = key_field;
      std::vector<std::string> owners = run.proposals_with_key(key->second);
      if (owners.empty()) {
        ctx.report(at, vars, "{path} belongs to no proposal: none has {key-field} {key}");
        continue;
      }
      // Several proposals can share a key (a KEP and the one it replaced): the file is an
      // orphan only when none of them expects it here.
      std::vector<std::pair<std::string, std::string>> expected;  // owner, where it expects it
      bool claimed = false;
      bool unknown = false;  // an owner whose metadata cannot say where it expects the file
      for (const std::string& owner : owners) {
        Proposal proposal = load_proposal(run.repo(), run.layout(), owner);
        const LoadedDocument* doc = proposal.document(document_);
        if (!proposal.metadata() || !doc || doc->path.empty()) {
          unknown = true;
          continue;
        }
        if (doc && doc->path == file) {
          run.record_claim(file, owner);
          claimed = true;
          break;
        }
        expected.emplace_back(owner, doc && !doc->path.empty() ? doc->path : spec->path_template);
      }
      // A proposal whose metadata does not parse (or lacks the path's fields) is reported for
      // that; calling its file an orphan as well would be a second finding for one problem.
      if (claimed || unknown) continue;
      for (const auto& [owner, where] : expected) {
        vars["proposal"] = owner;
        vars["expected"] = where;
        ctx.report(at, vars,
                   "{path} is not where {proposal} expects its {document} file ({expected})");
      }
    }
  }

 private:
  std::string document_;
  std::vector<std::string> exclude_;
};

}  // namespace

std::unique_ptr<Check> make_orphan_documents_check(Params& p) {
  return std::make_unique<OrphanDocumentsCheck>(p);
}

}  // namespace keplint
