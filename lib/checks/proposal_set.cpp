#include "checks/proposal_set.h"

#include "engine/field_path.h"
#include "engine/run_context.h"
#include "parse/front_matter.h"

namespace keplint {

std::vector<ProposalMetadata> load_all_metadata(const RunContext& run) {
  std::vector<ProposalMetadata> out;
  const DocumentSpec* spec = run.layout().primary();
  if (!spec) return out;
  for (const std::string& proposal : run.all_proposals()) {
    ProposalMetadata p;
    p.path = proposal;
    LoadedDocument& doc = p.document;
    doc.spec = spec;
    doc.filled = fill_path_template(spec->path_template,
                                    [&](std::string_view name) -> std::optional<std::string> {
                                      if (name == "dir" || name == "proposal" || name == "file")
                                        return proposal;
                                      return std::nullopt;
                                    },
                                    {"dir", "proposal", "file"});
    if (doc.filled.ok()) {
      doc.path = doc.filled.path;
      ReadResult r = run.repo().read(doc.path);
      doc.status = r.status;
      doc.read_detail = r.detail;
      if (r.ok()) {
        doc.source = r.source;
        if (spec->format == DocumentFormat::Yaml) {
          doc.yaml = YamlDocument::parse(doc.source);
        } else if (spec->format == DocumentFormat::FrontMatter) {
          if (auto fm = split_front_matter(doc.source->text()); fm && fm->closed) {
            doc.yaml = YamlDocument::parse(doc.source, fm->yaml_offset, fm->yaml_length);
          }
        }
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::set<std::string> proposals_in_scope(const RunContext& run) {
  const std::vector<std::string>& all = run.all_proposals();
  if (run.whole_repo()) return {all.begin(), all.end()};
  ChangedMapping m = map_changed_files(run.layout(), run.repo(), *run.scope_files(), {});
  if (m.everything) return {all.begin(), all.end()};
  return std::move(m.proposals);
}

bool condition_holds(const Condition& condition, const ProposalMetadata& proposal) {
  if (condition.always()) return true;
  const YamlNode* root = proposal.root();
  if (!root) return false;
  ConditionInput input;
  input.metadata = root;
  input.variables = [&](std::string_view name) -> std::optional<std::string> {
    if (const YamlNode* v = first_scalar(root, name)) return v->value;
    return std::nullopt;
  };
  return condition.evaluate(input);
}

}  // namespace keplint
